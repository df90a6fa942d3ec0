import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { listSessionCheckIns } from '../../../../shared/api/check-in.js';
import { callApi } from '../../../api/client.js';
import { useErrorMessage } from '../../../api/errors.js';
import { useSessionUser } from '../../../auth/useSessionUser.js';
import { RoleShell } from '../../../layout/RoleShell.js';
import { useTimeFormat } from '../../../ui/useTimeFormat.js';
import { LoadError } from '../../../ui/LoadError.js';
import { useDocumentTitle } from '../../../ui/useDocumentTitle.js';
import { CandidateCheckInDrawer } from './CandidateCheckInDrawer.js';
import { CheckInTable } from './CheckInTable.js';
import { checkInBackPath } from './paths.js';
import { PageHeading } from '../../../ui/PageHeading.js';

/** Staff follow the check-ins live; the server's state is cheap to read. */
const REFRESH_MS = 5_000;

export const sessionCheckInKey = (sessionId: string) => ['sessions', sessionId, 'check-ins'];

/**
 * `/examiner|proctor|admin/sessions/:sessionId/check-in`: every candidate's check-in steps, face
 * scores with the snapshots beside the reference photo, the device report and the phone status.
 */
export function SessionCheckInPage() {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const describe = useErrorMessage();
  const user = useSessionUser();
  const { sessionId = '' } = useParams();
  const [openId, setOpenId] = useState<string | null>(null);
  const checkIns = useQuery({
    queryKey: sessionCheckInKey(sessionId),
    queryFn: () => callApi(listSessionCheckIns, { params: { sessionId } }),
    refetchInterval: REFRESH_MS,
  });
  const data = checkIns.data;
  const title = data
    ? t('staffCheckIn.titleOf', { session: data.sessionName })
    : t('staffCheckIn.title');
  useDocumentTitle(title);
  const isAdmin = user.role === 'school_admin' || user.role === 'college_admin';
  const items = data?.items ?? [];
  const openRow = items.find((row) => row.registrationId === openId) ?? null;

  const page = (
    <Flex vertical gap={16}>
      <PageHeading
        back={{
          to: checkInBackPath(user.role),
          label: isAdmin ? t('staffCheckIn.backToExams') : t('staffCheckIn.backToSessions'),
        }}
        title={title}
        subtitle={data?.examName}
      />
      {checkIns.isError && !data ? (
        <LoadError error={checkIns.error} onRetry={() => void checkIns.refetch()} />
      ) : (
        <Card>
          <Flex vertical gap={12}>
            <div aria-live="polite">
              {checkIns.isError && data && (
                <Alert
                  type="warning"
                  showIcon
                  title={t('staffCheckIn.refreshFailed', { message: describe(checkIns.error) })}
                />
              )}
            </div>
            {data && (
              <Flex justify="space-between" wrap gap={8}>
                <Typography.Text>
                  {t('staffCheckIn.summary', {
                    total: items.length,
                    ready: items.filter((row) => row.currentStep === null).length,
                    flagged: items.filter((row) => row.steps.face.state === 'flagged').length,
                    lost: items.filter((row) => row.steps.phone.connection === 'lost').length,
                  })}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {t('staffCheckIn.autoRefresh', { time: time.dateTime(data.serverTime) })}
                </Typography.Text>
              </Flex>
            )}
            <CheckInTable items={items} isLoading={checkIns.isPending} onOpen={setOpenId} />
          </Flex>
        </Card>
      )}
      <CandidateCheckInDrawer
        sessionId={sessionId}
        row={openRow}
        onClose={() => setOpenId(null)}
        listKey={sessionCheckInKey(sessionId)}
      />
    </Flex>
  );
  // Admin pages sit inside the admin console's shell already; staff pages bring their own.
  return isAdmin ? page : <RoleShell>{page}</RoleShell>;
}
