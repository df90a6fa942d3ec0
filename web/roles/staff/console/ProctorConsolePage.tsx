import { Alert, Flex, Segmented, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useErrorMessage } from '../../../api/errors.js';
import { useSessionUser } from '../../../auth/useSessionUser.js';
import { usePageMediaSession } from '../../../call/usePageMediaSession.js';
import { RoleShell } from '../../../layout/RoleShell.js';
import { LoadError } from '../../../ui/LoadError.js';
import { PageHeading } from '../../../ui/PageHeading.js';
import { PageSpinner } from '../../../ui/PageSpinner.js';
import { useDocumentTitle } from '../../../ui/useDocumentTitle.js';
import { useSessionAttempts } from '../attempts/useSessionAttempts.js';
import { CandidateDrawer } from './CandidateDrawer.js';
import { CandidateTile } from './CandidateTile.js';
import {
  CONSOLE_FILTERS,
  CONSOLE_ORDERS,
  consoleRows,
  matchesFilter,
  type ConsoleFilter,
  type ConsoleOrder,
} from './console-order.js';

/** The grid refreshes its numbers this often (the cameras are live). */
const REFRESH_MS = 5_000;

/**
 * `/proctor|admin/sessions/:sessionId/console`: 监考画面 (issue 15 §2), every candidate of a
 * written session at once: both cameras small, online state, answered count, time left and
 * signals, the ones who need a look first; open one for the large picture and the actions.
 */
export function ProctorConsolePage() {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const user = useSessionUser();
  const { sessionId = '' } = useParams();
  const { attempts, listKey, serverNow } = useSessionAttempts(sessionId, REFRESH_MS);
  const session = usePageMediaSession();
  const [filter, setFilter] = useState<ConsoleFilter>('all');
  const [order, setOrder] = useState<ConsoleOrder>('severity');
  const [openId, setOpenId] = useState<string | null>(null);
  const title = t('staffConsole.title');
  useDocumentTitle(title);

  const isAdmin = user.role === 'school_admin' || user.role === 'college_admin';
  const data = attempts.data;
  const items = data?.items ?? [];
  const rows = consoleRows(items, filter, order);
  const opened = items.find((row) => row.registrationId === openId) ?? null;
  const base = `/${isAdmin ? 'admin' : 'proctor'}/sessions/${sessionId}`;

  let content;
  if (attempts.isError && !data) {
    content = <LoadError error={attempts.error} onRetry={() => void attempts.refetch()} />;
  } else if (!data) {
    content = <PageSpinner />;
  } else {
    content = (
      <>
        <Typography.Text role="status">
          {t('staffConsole.summary', {
            total: items.length,
            shown: rows.length,
            flagged: items.filter((row) => matchesFilter(row, 'flagged')).length,
          })}
        </Typography.Text>
        {attempts.isError ? (
          <Alert
            type="warning"
            showIcon
            title={t('staffAttempts.refreshFailed', { message: describe(attempts.error) })}
          />
        ) : null}
        {rows.length === 0 ? (
          <Typography.Text type="secondary">{t('staffConsole.noCandidates')}</Typography.Text>
        ) : (
          <ul
            aria-label={t('staffConsole.gridLabel')}
            style={{
              listStyle: 'none',
              margin: 0,
              padding: 0,
              display: 'grid',
              gridTemplateColumns: 'repeat(auto-fill, minmax(360px, 1fr))',
              gap: 8,
            }}
          >
            {rows.map((row) => (
              <li key={row.registrationId}>
                <CandidateTile
                  row={row}
                  session={session}
                  serverNow={serverNow}
                  onOpen={() => setOpenId(row.registrationId)}
                />
              </li>
            ))}
          </ul>
        )}
        <CandidateDrawer
          row={opened}
          session={session}
          listKey={listKey}
          canAct={isAdmin || data.canForceSubmit}
          timelineBasePath={`${base}/attempts`}
          onClose={() => setOpenId(null)}
        />
      </>
    );
  }

  return (
    <RoleShell>
      <Flex vertical gap={12}>
        <PageHeading
          back={{ to: `${base}/attempts`, label: t('staffAttempts.title') }}
          title={title}
        />
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('staffConsole.thumbnailsHint')}
        </Typography.Paragraph>
        <Flex gap={16} wrap align="center">
          <Segmented<ConsoleFilter>
            aria-label={t('staffConsole.filter')}
            value={filter}
            onChange={setFilter}
            options={CONSOLE_FILTERS.map((value) => ({
              value,
              label: t(`staffConsole.filters.${value}`),
            }))}
          />
          <Select<ConsoleOrder>
            aria-label={t('staffConsole.order')}
            value={order}
            onChange={setOrder}
            style={{ minWidth: 160 }}
            options={CONSOLE_ORDERS.map((value) => ({
              value,
              label: t(`staffConsole.orders.${value}`),
            }))}
          />
        </Flex>
        {content}
      </Flex>
    </RoleShell>
  );
}
