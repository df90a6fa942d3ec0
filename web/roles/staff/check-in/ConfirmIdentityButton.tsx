import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { confirmCandidateFace } from '../../../../shared/api/check-in.js';
import { callApi } from '../../../api/client.js';
import { useErrorMessage } from '../../../api/errors.js';

interface ConfirmIdentityButtonProps {
  sessionId: string;
  registrationId: string;
  faceCheckId: string;
  candidateName: string;
  /** The query of the session's check-ins, refreshed once the step passed. */
  listKey: readonly unknown[];
}

/**
 * 人工核验通过: staff compared this snapshot with the reference photo (or the ID card shown in
 * the interview) and confirm it is the candidate. The face step passes and the flag clears.
 */
export function ConfirmIdentityButton(props: ConfirmIdentityButtonProps) {
  const { sessionId, registrationId, faceCheckId, candidateName, listKey } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const queryClient = useQueryClient();
  const confirm = useMutation({
    mutationFn: () =>
      callApi(confirmCandidateFace, {
        params: { sessionId, registrationId },
        body: { faceCheckId },
      }),
    onSuccess: async () => {
      void message.success(t('staffCheckIn.identityConfirmed', { name: candidateName }));
      await queryClient.invalidateQueries({ queryKey: listKey });
    },
    onError: (error) => {
      void message.error(describe(error));
    },
  });
  return (
    <Popconfirm
      title={t('staffCheckIn.confirmIdentityQuestion', { name: candidateName })}
      description={t('staffCheckIn.confirmIdentityHint')}
      okText={t('staffCheckIn.confirmIdentityOk')}
      onConfirm={() => confirm.mutate()}
    >
      <Button block loading={confirm.isPending} style={{ marginTop: 8 }}>
        {t('staffCheckIn.confirmIdentity')}
      </Button>
    </Popconfirm>
  );
}
