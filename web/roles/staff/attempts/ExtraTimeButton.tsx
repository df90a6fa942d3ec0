import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, InputNumber, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addAttemptTime,
  MAX_EXTRA_MINUTES,
  type AttemptProgress,
} from '../../../../shared/api/attempt-progress.js';
import { callApi } from '../../../api/client.js';
import { useErrorMessage } from '../../../api/errors.js';
import { useTimeFormat } from '../../../ui/useTimeFormat.js';

interface ExtraTimeButtonProps {
  row: AttemptProgress;
  listKey: readonly unknown[];
}

/** 加时: an admin gives one candidate in progress more minutes; the server moves the deadline. */
export function ExtraTimeButton({ row, listKey }: ExtraTimeButtonProps) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const describe = useErrorMessage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [isOpen, setIsOpen] = useState(false);
  const [minutes, setMinutes] = useState<number | null>(10);
  const add = useMutation({
    mutationFn: (value: number) =>
      callApi(addAttemptTime, {
        params: { registrationId: row.registrationId },
        body: { minutes: value },
      }),
    onSuccess: (updated, value) => {
      setIsOpen(false);
      void message.success(
        t('staffAttempts.added', {
          name: row.candidateName,
          minutes: value,
          time: updated.deadline ? time.dateTime(updated.deadline) : '',
        }),
      );
      void queryClient.invalidateQueries({ queryKey: listKey });
    },
  });
  const title = t('staffAttempts.addTimeTitle', { name: row.candidateName });
  return (
    <>
      <Button size="small" onClick={() => setIsOpen(true)} aria-label={title}>
        {t('staffAttempts.addTime')}
      </Button>
      <Modal
        open={isOpen}
        title={title}
        okText={t('staffAttempts.addTimeOk')}
        cancelText={t('staffAttempts.cancel')}
        confirmLoading={add.isPending}
        okButtonProps={{ disabled: minutes === null }}
        onOk={() => {
          if (minutes !== null) add.mutate(minutes);
        }}
        onCancel={() => setIsOpen(false)}
        destroyOnHidden
      >
        <Flex vertical gap={8}>
          <label htmlFor={`extra-${row.registrationId}`}>{t('staffAttempts.minutes')}</label>
          <InputNumber
            id={`extra-${row.registrationId}`}
            min={1}
            max={MAX_EXTRA_MINUTES}
            precision={0}
            value={minutes}
            onChange={(value) => setMinutes(value)}
          />
          <Typography.Text type="secondary">{t('staffAttempts.addTimeHint')}</Typography.Text>
          {add.isError ? (
            <Typography.Text type="danger" role="alert">
              {describe(add.error)}
            </Typography.Text>
          ) : null}
        </Flex>
      </Modal>
    </>
  );
}
