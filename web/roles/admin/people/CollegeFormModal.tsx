import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { createCollege, updateCollege, type AdminCollege } from '../../../../shared/api/people.js';
import { callApi } from '../../../api/client.js';
import { FormNotice } from '../../../forms/FormNotice.js';
import { useFieldRules } from '../../../forms/useFieldRules.js';
import { peopleKeys } from './useColleges.js';

interface Values {
  name: string;
  nameEn?: string;
}

interface CollegeFormModalProps {
  /** 'new' to create; a college to rename; null when closed. */
  editing: AdminCollege | 'new' | null;
  onClose: () => void;
}

/** Creates a college or renames one. */
export function CollegeFormModal({ editing, onClose }: CollegeFormModalProps) {
  const { t } = useTranslation();
  const rules = useFieldRules();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: ({ name, nameEn }: Values) => {
      const english = nameEn?.trim() ?? '';
      return editing === 'new' || editing === null
        ? callApi(createCollege, { body: { name, ...(english ? { nameEn: english } : {}) } })
        : callApi(updateCollege, {
            params: { collegeId: editing.id },
            body: { name, nameEn: english || null },
          });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: peopleKeys.colleges });
      onClose();
    },
  });
  const isNew = editing === 'new';

  return (
    <Modal
      open={editing !== null}
      title={t(isNew ? 'adminPeople.newCollege' : 'adminPeople.renameCollege')}
      okText={t('adminPeople.save')}
      cancelText={t('adminPeople.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => save.reset()}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        name="collegeForm"
        initialValues={
          isNew || !editing ? {} : { name: editing.name, nameEn: editing.nameEn ?? '' }
        }
        onFinish={(values) => save.mutate(values)}
      >
        <FormNotice notice={save.isError ? { kind: 'error', error: save.error } : null} />
        <Form.Item<Values>
          name="name"
          label={t('adminPeople.collegeName')}
          rules={[rules.required(t('adminPeople.collegeName'))]}
        >
          <Input maxLength={60} autoFocus />
        </Form.Item>
        <Form.Item<Values> name="nameEn" label={t('adminPeople.collegeNameEn')}>
          <Input maxLength={120} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
