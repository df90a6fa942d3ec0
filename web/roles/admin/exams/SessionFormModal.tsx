import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  createSession,
  updateSession,
  type AdminSession,
} from '../../../../shared/api/exam-admin.js';
import { callApi } from '../../../api/client.js';
import { FormNotice } from '../../../forms/FormNotice.js';
import { useFieldRules } from '../../../forms/useFieldRules.js';
import { fromZonedInput, toZonedInput } from '../../../ui/format.js';
import { useTimeFormat } from '../../../ui/useTimeFormat.js';
import { examAdminKeys } from './useExamAdmin.js';

interface Values {
  name: string;
  /** `YYYY-MM-DDTHH:mm` in the school's zone (not the browser's), as the input shows it. */
  startsAt: string;
  endsAt: string;
}

interface SessionFormModalProps {
  examId: string;
  /** 'new' to add a session; a session to edit; null when closed. */
  editing: AdminSession | 'new' | null;
  onClose: () => void;
}

/** Adds or edits a 考场: its name and time window; an ended session keeps its times. */
export function SessionFormModal({ examId, editing, onClose }: SessionFormModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rules = useFieldRules();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  // The school's zone, so an admin abroad still enters the times candidates will see.
  const time = useTimeFormat();
  const { timeZone } = time.zone;
  const save = useMutation({
    mutationFn: (values: Values) => {
      const original = editing === 'new' ? null : editing;
      // An unchanged field keeps its exact instant (the input has no seconds).
      const instant = (local: string, before: string | undefined) =>
        before !== undefined && toZonedInput(before, timeZone) === local
          ? before
          : (fromZonedInput(local, timeZone)?.toISOString() ?? local);
      const body = {
        name: values.name,
        startsAt: instant(values.startsAt, original?.startsAt),
        endsAt: instant(values.endsAt, original?.endsAt),
      };
      return editing === 'new' || editing === null
        ? callApi(createSession, { params: { examId }, body })
        : callApi(updateSession, { params: { sessionId: editing.id }, body });
    },
    onSuccess: async () => {
      void message.success(t('adminExams.saved'));
      await queryClient.invalidateQueries({ queryKey: examAdminKeys.all });
      onClose();
    },
  });
  const isNew = editing === 'new';
  const hasEnded = editing !== 'new' && editing?.status === 'ended';

  return (
    <Modal
      open={editing !== null}
      title={t(isNew ? 'adminExams.newSession' : 'adminExams.editSession')}
      okText={t('adminExams.save')}
      cancelText={t('adminExams.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => save.reset()}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="sessionForm"
        preserve={false}
        initialValues={
          editing === null || editing === 'new'
            ? {}
            : {
                name: editing.name,
                startsAt: toZonedInput(editing.startsAt, timeZone),
                endsAt: toZonedInput(editing.endsAt, timeZone),
              }
        }
        onFinish={(values) => save.mutate(values)}
      >
        <FormNotice notice={save.isError ? { kind: 'error', error: save.error } : null} />
        <Form.Item<Values>
          name="name"
          label={t('adminExams.sessionName')}
          rules={[rules.required(t('adminExams.sessionName'))]}
        >
          <Input maxLength={100} autoFocus />
        </Form.Item>
        <Form.Item<Values>
          name="startsAt"
          label={time.withZone(t('adminExams.startsAt'))}
          extra={
            hasEnded
              ? t('adminExams.timeRangeEndedHelp')
              : t('adminExams.timeZoneHelp', { zone: time.zoneName })
          }
          rules={[rules.required(t('adminExams.startsAt'))]}
        >
          <Input type="datetime-local" disabled={hasEnded} />
        </Form.Item>
        <Form.Item<Values>
          name="endsAt"
          label={time.withZone(t('adminExams.endsAt'))}
          dependencies={['startsAt']}
          rules={[
            rules.required(t('adminExams.endsAt')),
            ({ getFieldValue }) => ({
              validator: (_rule, value: string | undefined) => {
                const start = getFieldValue('startsAt') as string | undefined;
                return !value || !start || new Date(value) > new Date(start)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('adminExams.endBeforeStart')));
              },
            }),
          ]}
        >
          <Input type="datetime-local" disabled={hasEnded} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
