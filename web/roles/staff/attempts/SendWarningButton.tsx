import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Input, Modal, Typography, type GetRef } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttemptProgress } from '../../../../shared/api/attempt-progress.js';
import {
  sendAttemptWarning,
  WARNING_TEXT_MAX,
  WARNING_TEXT_MIN,
} from '../../../../shared/api/attempt-warnings.js';
import { callApi } from '../../../api/client.js';
import { useErrorMessage } from '../../../api/errors.js';

interface SendWarningButtonProps {
  row: AttemptProgress;
  listKey: readonly unknown[];
}

interface AttemptList {
  items: AttemptProgress[];
}

/**
 * 发送提醒: a proctor (or an admin) sends one candidate a reminder; it pops up on their page
 * until they confirm it. The row's counts change at once, before the next refresh.
 */
export function SendWarningButton({ row, listKey }: SendWarningButtonProps) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [isOpen, setIsOpen] = useState(false);
  const [text, setText] = useState('');
  const textRef = useRef<GetRef<typeof Input.TextArea>>(null);
  const trimmed = text.trim();
  const isTextValid = trimmed.length >= WARNING_TEXT_MIN && trimmed.length <= WARNING_TEXT_MAX;
  const send = useMutation({
    mutationFn: (body: string) =>
      callApi(sendAttemptWarning, {
        params: { registrationId: row.registrationId },
        body: { text: body },
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
      void message.success(t('staffAttempts.warned', { name: row.candidateName }));
      void queryClient.invalidateQueries({ queryKey: listKey });
    },
  });
  const title = t('staffAttempts.warnTitle', { name: row.candidateName });
  const fieldId = `warn-${row.registrationId}`;
  return (
    <>
      <Button
        size="small"
        onClick={() => {
          setText('');
          send.reset();
          setIsOpen(true);
        }}
        aria-label={title}
      >
        {t('staffAttempts.warn')}
      </Button>
      <Modal
        open={isOpen}
        title={title}
        okText={t('staffAttempts.warnOk')}
        cancelText={t('staffAttempts.cancel')}
        confirmLoading={send.isPending}
        okButtonProps={{ disabled: !isTextValid }}
        onOk={() => {
          if (isTextValid) send.mutate(trimmed);
        }}
        onCancel={() => setIsOpen(false)}
        afterOpenChange={(open) => {
          if (open) textRef.current?.focus();
        }}
        destroyOnHidden
      >
        <Flex vertical gap={8}>
          <label htmlFor={fieldId}>{t('staffAttempts.warnText')}</label>
          <Input.TextArea
            id={fieldId}
            ref={textRef}
            required
            aria-required
            aria-describedby={`${fieldId}-hint`}
            rows={3}
            maxLength={WARNING_TEXT_MAX}
            showCount
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          <Typography.Text id={`${fieldId}-hint`} type="secondary">
            {t('staffAttempts.warnTextHint', { min: WARNING_TEXT_MIN, max: WARNING_TEXT_MAX })}
          </Typography.Text>
          {send.isError ? (
            <Typography.Text type="danger" role="alert">
              {describe(send.error)}
            </Typography.Text>
          ) : null}
        </Flex>
      </Modal>
    </>
  );
}
