import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Input, Modal, Typography, type GetRef } from 'antd';
import { useRef, useState } from 'react';
import type { AttemptProgress } from '../../../../shared/api/attempt-progress.js';
import { useErrorMessage } from '../../../api/errors.js';

/** The words of one action, already translated. */
export interface RowTextActionWords {
  button: string;
  title: string;
  ok: string;
  cancel: string;
  label: string;
  hint: string;
  success: string;
  /** What the action does that cannot be undone, shown above the field. */
  warning?: string;
}

interface RowTextActionProps {
  row: AttemptProgress;
  listKey: readonly unknown[];
  /** Sends the text; answers the row as the server has it now. */
  send: (text: string) => Promise<AttemptProgress>;
  words: RowTextActionWords;
  min: number;
  max: number;
  /** The field's id prefix, unique per action. */
  idPrefix: string;
  isDanger?: boolean;
}

interface AttemptList {
  items: AttemptProgress[];
}

/**
 * One staff action on a candidate's attempt that takes a text (强制交卷 with its reason, 发送提醒
 * with the reminder): a button, a modal whose one field takes focus, the text required between
 * `min` and `max` characters once trimmed, the server's refusal in words, and the row replaced
 * with the server's answer at once, before the list's next refresh.
 */
export function RowTextAction({
  row,
  listKey,
  send,
  words,
  min,
  max,
  idPrefix,
  isDanger = false,
}: RowTextActionProps) {
  const describe = useErrorMessage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [isOpen, setIsOpen] = useState(false);
  const [text, setText] = useState('');
  const fieldRef = useRef<GetRef<typeof Input.TextArea>>(null);
  const trimmed = text.trim();
  const isValid = trimmed.length >= min && trimmed.length <= max;
  const action = useMutation({
    mutationFn: send,
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
      void message.success(words.success);
      void queryClient.invalidateQueries({ queryKey: listKey });
    },
  });
  const fieldId = `${idPrefix}-${row.registrationId}`;
  return (
    <>
      <Button
        size="small"
        danger={isDanger}
        onClick={() => {
          setText('');
          action.reset();
          setIsOpen(true);
        }}
        aria-label={words.title}
      >
        {words.button}
      </Button>
      <Modal
        open={isOpen}
        title={words.title}
        okText={words.ok}
        cancelText={words.cancel}
        confirmLoading={action.isPending}
        okButtonProps={{ danger: isDanger, disabled: !isValid }}
        onOk={() => {
          if (isValid) action.mutate(trimmed);
        }}
        onCancel={() => setIsOpen(false)}
        // The modal takes focus as it opens; its one field is where typing starts.
        afterOpenChange={(open) => {
          if (open) fieldRef.current?.focus();
        }}
        destroyOnHidden
      >
        <Flex vertical gap={8}>
          {words.warning ? <Alert type="warning" showIcon title={words.warning} /> : null}
          <label htmlFor={fieldId}>{words.label}</label>
          <Input.TextArea
            id={fieldId}
            ref={fieldRef}
            required
            aria-required
            aria-describedby={`${fieldId}-hint`}
            rows={3}
            maxLength={max}
            showCount
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          <Typography.Text id={`${fieldId}-hint`} type="secondary">
            {words.hint}
          </Typography.Text>
          {action.isError ? (
            <Typography.Text type="danger" role="alert">
              {describe(action.error)}
            </Typography.Text>
          ) : null}
        </Flex>
      </Modal>
    </>
  );
}
