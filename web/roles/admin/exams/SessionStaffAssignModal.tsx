import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Form, Modal, Select, Spin, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  MAX_PANEL_EXAMINERS,
  setSessionStaff,
  type AdminSession,
  type SessionStaff,
  type SessionStaffBody,
  type StaffOption,
} from '../../../../shared/api/exam-admin.js';
import { callApi } from '../../../api/client.js';
import { FormNotice } from '../../../forms/FormNotice.js';
import { LoadError } from '../../../ui/LoadError.js';
import { examAdminKeys, useSessionStaff } from './useExamAdmin.js';

interface SessionStaffAssignModalProps {
  session: AdminSession | null;
  onClose: () => void;
}

function toOptions(options: StaffOption[], role: StaffOption['role']) {
  return options
    .filter((option) => option.role === role)
    .map((option) => ({
      value: option.id,
      label: [option.name, option.username, option.collegeName].filter(Boolean).join(' · '),
    }));
}

/** Sets who works in a session: waiting-room examiners, panel and chair, proctors, 阅卷人. */
export function SessionStaffAssignModal({ session, onClose }: SessionStaffAssignModalProps) {
  const { t } = useTranslation();
  const staff = useSessionStaff(session?.id ?? null);
  return (
    <Modal
      open={session !== null}
      title={t('adminExams.staffOf', { name: session?.name ?? '' })}
      footer={null}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      {staff.isError && !staff.data ? (
        <LoadError error={staff.error} onRetry={() => void staff.refetch()} />
      ) : staff.data && session ? (
        <StaffForm key={staff.dataUpdatedAt} staff={staff.data} onClose={onClose} />
      ) : (
        <Spin />
      )}
    </Modal>
  );
}

function StaffForm({ staff, onClose }: { staff: SessionStaff; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SessionStaffBody>();
  // Undefined until the form mounts, whatever antd's type says.
  const watchedPanel = Form.useWatch('panelExaminerIds', form) as string[] | undefined;
  const panel = watchedPanel ?? staff.panelExaminerIds;
  const examiners = toOptions(staff.options, 'examiner');
  const isInterview = staff.examKind === 'interview';
  const save = useMutation({
    mutationFn: (values: SessionStaffBody) =>
      callApi(setSessionStaff, {
        params: { sessionId: staff.sessionId },
        body: {
          waitingExaminerIds: values.waitingExaminerIds,
          panelExaminerIds: values.panelExaminerIds,
          panelChairId: values.panelChairId ?? null,
          proctorIds: values.proctorIds,
          markerIds: staff.examKind === 'written' ? (values.markerIds ?? []) : [],
        },
      }),
    onSuccess: async () => {
      void message.success(t('adminExams.saved'));
      await queryClient.invalidateQueries({ queryKey: examAdminKeys.all });
      onClose();
    },
  });

  return (
    <Form<SessionStaffBody>
      form={form}
      layout="vertical"
      name="staffForm"
      initialValues={{
        waitingExaminerIds: staff.waitingExaminerIds,
        panelExaminerIds: staff.panelExaminerIds,
        panelChairId: staff.panelChairId ?? undefined,
        proctorIds: staff.proctorIds,
        markerIds: staff.markerIds,
      }}
      onFinish={(values) => save.mutate(values)}
    >
      <FormNotice notice={save.isError ? { kind: 'error', error: save.error } : null} />
      <Form.Item<SessionStaffBody>
        name="waitingExaminerIds"
        label={t('adminExams.waitingExaminers')}
        extra={t('adminExams.waitingExaminersHelp')}
      >
        <StaffPicker options={examiners} />
      </Form.Item>
      <Form.Item<SessionStaffBody>
        name="panelExaminerIds"
        label={t('adminExams.panelExaminers')}
        extra={t('adminExams.panelExaminersHelp')}
        rules={[
          { required: isInterview, type: 'array', min: 1, message: t('adminExams.panelRequired') },
          { type: 'array', max: MAX_PANEL_EXAMINERS, message: t('adminExams.panelTooMany') },
        ]}
      >
        <StaffPicker options={examiners} />
      </Form.Item>
      <Form.Item<SessionStaffBody>
        name="panelChairId"
        label={t('adminExams.panelChair')}
        extra={t('adminExams.panelChairHelp')}
        dependencies={['panelExaminerIds']}
        rules={[
          {
            validator: (_rule, value: string | undefined) =>
              !value || panel.includes(value)
                ? Promise.resolve()
                : Promise.reject(new Error(t('adminExams.chairNotOnPanel'))),
          },
        ]}
      >
        <Select
          allowClear
          placeholder={t('adminExams.noChair')}
          options={examiners.filter((option) => panel.includes(option.value))}
        />
      </Form.Item>
      <Form.Item<SessionStaffBody>
        name="proctorIds"
        label={t('adminExams.proctors')}
        extra={t('adminExams.proctorsHelp')}
      >
        <StaffPicker options={toOptions(staff.options, 'proctor')} />
      </Form.Item>
      {staff.examKind === 'written' ? (
        <Form.Item<SessionStaffBody>
          name="markerIds"
          label={t('adminExams.markers')}
          extra={t('adminExams.markersHelp')}
        >
          <StaffPicker options={examiners} />
        </Form.Item>
      ) : null}
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onClose}>{t('adminExams.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('adminExams.save')}
        </Button>
      </Flex>
    </Form>
  );
}

/** A searchable pick of several staff; Form.Item hands it the value and onChange. */
function StaffPicker(props: SelectProps<string[]>) {
  const { t } = useTranslation();
  return (
    <Select
      mode="multiple"
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('adminExams.pickStaff')}
      {...props}
    />
  );
}
