import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Input, Modal, Typography, type GetRef } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  FORCE_SUBMIT_REASON_MAX,
  FORCE_SUBMIT_REASON_MIN,
  forceSubmitAttempt,
  type AttemptProgress,
} from '../../../../shared/api/attempt-progress.js';
import { callApi } from '../../../api/client.js';
import { useErrorMessage } from '../../../api/errors.js';

interface ForceSubmitButtonProps {
  row: AttemptProgress;
  listKey: readonly unknown[];
}

interface AttemptList {
  items: AttemptProgress[];
}

/**
 * 强制交卷: a proctor (or an admin) ends one candidate's attempt now, with a reason. What the
 * candidate saved so far is submitted; the row shows it at once, before the next refresh.
 */
export function ForceSubmitButton({ row, listKey }: ForceSubmitButtonProps) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [isOpen, setIsOpen] = useState(false);
  const [reason, setReason] = useState('');
  const reasonRef = useRef<GetRef<typeof Input.TextArea>>(null);
  const trimmed = reason.trim();
  const isReasonValid = trimmed.length >= FORCE_SUBMIT_REASON_MIN;
  const force = useMutation({
    mutationFn: (text: string) =>
      callApi(forceSubmitAttempt, {
        params: { registrationId: row.registrationId },
        body: { reason: text },
      }),
    onSuccess: (updated) => {
      setIsOpen(false);
      queryClient.setQueryData<AttemptList>(listKey, (list) =>
        list
          ? {
              ...list,
              items: list.items.map((item) =>
                item.registrationId === updated.registrationId ? updated : item,
              ),
            }
          : list,
      );
      void message.success(t('staffAttempts.forced', { name: row.candidateName }));
      void queryClient.invalidateQueries({ queryKey: listKey });
    },
  });
  const title = t('staffAttempts.forceTitle', { name: row.candidateName });
  const fieldId = `force-${row.registrationId}`;
  return (
    <>
      <Button
        size="small"
        danger
        onClick={() => {
          setReason('');
          force.reset();
          setIsOpen(true);
        }}
        aria-label={title}
      >
        {t('staffAttempts.force')}
      </Button>
      <Modal
        open={isOpen}
        title={title}
        okText={t('staffAttempts.forceOk')}
        cancelText={t('staffAttempts.cancel')}
        confirmLoading={force.isPending}
        okButtonProps={{ danger: true, disabled: !isReasonValid }}
        onOk={() => {
          if (isReasonValid) force.mutate(trimmed);
        }}
        onCancel={() => setIsOpen(false)}
        // The modal takes focus as it opens; the reason, its one field, is where typing starts.
        afterOpenChange={(open) => {
          if (open) reasonRef.current?.focus();
        }}
        destroyOnHidden
      >
        <Flex vertical gap={8}>
          <Alert type="warning" showIcon title={t('staffAttempts.forceWarning')} />
          <label htmlFor={fieldId}>{t('staffAttempts.forceReason')}</label>
          <Input.TextArea
            id={fieldId}
            ref={reasonRef}
            required
            aria-required
            aria-describedby={`${fieldId}-hint`}
            rows={3}
            maxLength={FORCE_SUBMIT_REASON_MAX}
            showCount
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
          <Typography.Text id={`${fieldId}-hint`} type="secondary">
            {t('staffAttempts.forceReasonHint', { min: FORCE_SUBMIT_REASON_MIN })}
          </Typography.Text>
          {force.isError ? (
            <Typography.Text type="danger" role="alert">
              {describe(force.error)}
            </Typography.Text>
          ) : null}
        </Flex>
      </Modal>
    </>
  );
}
