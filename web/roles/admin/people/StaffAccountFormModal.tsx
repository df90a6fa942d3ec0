import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { phoneSchema } from '../../../../shared/api/common.js';
import {
  COLLEGE_MANAGED_ROLES,
  createStaff,
  MANAGED_STAFF_ROLES,
  usernameSchema,
} from '../../../../shared/api/people.js';
import { callApi, type ApiBody } from '../../../api/client.js';
import { FormNotice } from '../../../forms/FormNotice.js';
import { useFieldRules } from '../../../forms/useFieldRules.js';
import type { IssuedPassword } from './TemporaryPasswordModal.js';
import { peopleKeys, useColleges } from './useColleges.js';

type Values = ApiBody<typeof createStaff>;

interface StaffAccountFormModalProps {
  open: boolean;
  /** College admins create examiners and proctors of their own college only. */
  isCollegeAdmin: boolean;
  onClose: () => void;
  onCreated: (issued: IssuedPassword) => void;
}

/** Creates a staff account; the server answers with its one-time password. */
export function StaffAccountFormModal({
  open,
  isCollegeAdmin,
  onClose,
  onCreated,
}: StaffAccountFormModalProps) {
  const { t } = useTranslation();
  const rules = useFieldRules();
  const queryClient = useQueryClient();
  const colleges = useColleges();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const create = useMutation({
    mutationFn: (values: Values) =>
      callApi(createStaff, {
        body: {
          ...values,
          phone: values.phone || undefined,
          collegeId: isCollegeAdmin ? undefined : (values.collegeId ?? null),
        },
      }),
    onSuccess: async ({ staff, temporaryPassword }) => {
      await queryClient.invalidateQueries({ queryKey: peopleKeys.staff });
      await queryClient.invalidateQueries({ queryKey: peopleKeys.colleges });
      onClose();
      onCreated({ name: staff.name, username: staff.username ?? '', password: temporaryPassword });
    },
  });
  const roles = isCollegeAdmin ? COLLEGE_MANAGED_ROLES : MANAGED_STAFF_ROLES;
  const collegeOptions = (colleges.data?.items ?? [])
    .filter((college) => !college.disabled)
    .map((college) => ({ value: college.id, label: college.name }));

  return (
    <Modal
      open={open}
      title={t('adminPeople.newStaff')}
      okText={t('adminPeople.save')}
      cancelText={t('adminPeople.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => create.reset()}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        name="staffForm"
        initialValues={{ role: 'examiner' }}
        onFinish={(values) => create.mutate(values)}
      >
        <FormNotice notice={create.isError ? { kind: 'error', error: create.error } : null} />
        <Form.Item<Values>
          name="name"
          label={t('adminPeople.name')}
          rules={[rules.required(t('adminPeople.name'))]}
        >
          <Input maxLength={40} autoFocus />
        </Form.Item>
        <Form.Item<Values>
          name="username"
          label={t('adminPeople.username')}
          extra={t('adminPeople.usernameHint')}
          rules={[
            rules.required(t('adminPeople.username')),
            {
              validator: (_rule, value: unknown) =>
                typeof value !== 'string' || value === '' || usernameSchema.safeParse(value).success
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('adminPeople.invalidUsername'))),
            },
          ]}
        >
          <Input maxLength={32} autoComplete="off" />
        </Form.Item>
        <Form.Item<Values>
          name="phone"
          label={t('adminPeople.phone')}
          rules={[rules.schema(t('adminPeople.phone'), phoneSchema)]}
        >
          <Input maxLength={11} inputMode="numeric" autoComplete="off" />
        </Form.Item>
        <Form.Item<Values>
          name="role"
          label={t('adminPeople.role')}
          rules={[rules.select(t('adminPeople.role'))]}
        >
          <Select options={roles.map((value) => ({ value, label: t(`roles.${value}`) }))} />
        </Form.Item>
        {!isCollegeAdmin && role !== 'school_admin' && (
          <Form.Item<Values>
            name="collegeId"
            label={t('adminPeople.college')}
            rules={role === 'college_admin' ? [rules.select(t('adminPeople.college'))] : []}
          >
            <Select
              allowClear
              placeholder={t('adminPeople.noCollege')}
              options={collegeOptions}
              loading={colleges.isPending}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
