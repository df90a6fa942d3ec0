import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Divider, Drawer, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  createExam,
  examCodeSchema,
  updateExam,
  type AdminExam,
  type ExamBody,
} from '../../../../shared/api/exam-admin.js';
import { examRulesSchema } from '../../../../shared/api/exams.js';
import { EXAM_KINDS } from '../../../../shared/enums.js';
import { callApi } from '../../../api/client.js';
import { FormNotice } from '../../../forms/FormNotice.js';
import { useFieldRules } from '../../../forms/useFieldRules.js';
import { ExamRuleFields } from './ExamRuleFields.js';
import { examAdminKeys } from './useExamAdmin.js';

interface ExamFormDrawerProps {
  /** 'new' to create; an exam to edit; null when closed. */
  editing: AdminExam | 'new' | null;
  colleges: { id: string; name: string }[];
  /** A college admin's exams always belong to their college. */
  fixedCollegeId: string | null;
  onClose: () => void;
}

function initialValues(editing: AdminExam | 'new', fixedCollegeId: string | null): ExamBody {
  if (editing === 'new') {
    return {
      code: '',
      name: '',
      kind: 'interview',
      collegeId: fixedCollegeId ?? undefined,
      rules: examRulesSchema.parse({}),
      pledgeText: '',
      noticeText: '',
    };
  }
  const { code, name, kind, collegeId, pledgeText, noticeText } = editing;
  // An exam saved before a rule existed has no key for it: the form shows the rule's default.
  const rules = { ...examRulesSchema.parse({}), ...editing.rules };
  return { code, name, kind, collegeId: collegeId ?? undefined, rules, pledgeText, noticeText };
}

/** Creates or edits an exam: basics, rules by group, pledge and notice. */
export function ExamFormDrawer({
  editing,
  colleges,
  fixedCollegeId,
  onClose,
}: ExamFormDrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rules = useFieldRules();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ExamBody>();
  const save = useMutation({
    mutationFn: (values: ExamBody) => {
      const body: ExamBody = { ...values, collegeId: values.collegeId ?? null };
      return editing === 'new' || editing === null
        ? callApi(createExam, { body })
        : callApi(updateExam, { params: { examId: editing.id }, body });
    },
    onSuccess: async () => {
      void message.success(t('adminExams.saved'));
      await queryClient.invalidateQueries({ queryKey: examAdminKeys.all });
      onClose();
    },
  });
  const isNew = editing === 'new';

  return (
    <Drawer
      open={editing !== null}
      title={t(isNew ? 'adminExams.newExam' : 'adminExams.editExam')}
      size={640}
      onClose={onClose}
      afterOpenChange={(open) => !open && save.reset()}
      destroyOnHidden
      footer={
        <Space>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {t('adminExams.save')}
          </Button>
          <Button onClick={onClose}>{t('adminExams.cancel')}</Button>
        </Space>
      }
    >
      {editing !== null && (
        <Form<ExamBody>
          form={form}
          layout="vertical"
          name="examForm"
          preserve={false}
          initialValues={initialValues(editing, fixedCollegeId)}
          onFinish={(values) => save.mutate(values)}
        >
          <FormNotice notice={save.isError ? { kind: 'error', error: save.error } : null} />
          <Divider titlePlacement="start">{t('adminExams.groupBasic')}</Divider>
          <Form.Item<ExamBody>
            name="name"
            label={t('adminExams.name')}
            rules={[rules.required(t('adminExams.name'))]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item<ExamBody>
            name="code"
            label={t('adminExams.code')}
            extra={t('adminExams.codeHelp')}
            rules={[
              rules.required(t('adminExams.code')),
              {
                validator: (_rule, value: string | undefined) =>
                  !value || examCodeSchema.safeParse(value).success
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('adminExams.codeInvalid'))),
              },
            ]}
          >
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item<ExamBody>
            name="kind"
            label={t('adminExams.kind')}
            rules={[rules.select(t('adminExams.kind'))]}
          >
            <Select
              options={EXAM_KINDS.map((kind) => ({ value: kind, label: t(`examKind.${kind}`) }))}
            />
          </Form.Item>
          <Form.Item<ExamBody>
            name="collegeId"
            label={t('adminExams.college')}
            extra={fixedCollegeId ? t('adminExams.collegeHelpCollegeAdmin') : undefined}
          >
            <Select
              allowClear
              disabled={fixedCollegeId !== null}
              placeholder={t('adminExams.collegeAll')}
              options={colleges.map((college) => ({ value: college.id, label: college.name }))}
            />
          </Form.Item>
          <ExamRuleFields />
          <Divider titlePlacement="start">{t('adminExams.groupTexts')}</Divider>
          <Form.Item<ExamBody>
            name="pledgeText"
            label={t('adminExams.pledgeText')}
            extra={t('adminExams.pledgeHelp')}
          >
            <Input.TextArea rows={4} maxLength={5000} showCount />
          </Form.Item>
          <Form.Item<ExamBody> name="noticeText" label={t('adminExams.noticeText')}>
            <Input.TextArea rows={4} maxLength={5000} showCount />
          </Form.Item>
        </Form>
      )}
    </Drawer>
  );
}
