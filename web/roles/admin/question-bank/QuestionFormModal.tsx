import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createBankQuestion,
  MAX_TAGS,
  updateBankQuestion,
  type BankQuestion,
} from '../../../../shared/api/question-bank.js';
import { QUESTION_TYPES } from '../../../../shared/questions/question-schema.js';
import { listColleges } from '../../../../shared/api/people.js';
import { callApi } from '../../../api/client.js';
import { useSessionUser } from '../../../auth/useSessionUser.js';
import { FormNotice, type FormNoticeState } from '../../../forms/FormNotice.js';
import { localizedName } from '../../../i18n/localizedName.js';
import { useLocale } from '../../../i18n/useLocale.js';
import { AnswerFields } from './AnswerFields.js';
import { QuestionImageInsert, type ImageTarget } from './QuestionImageInsert.js';
import { QuestionPreview } from './QuestionPreview.js';
import {
  countBlankMarks,
  emptyFormValues,
  formValuesOf,
  inputOf,
  type QuestionFormValues,
} from './question-form.js';
import { questionBankKeys, useBankPassages } from './useQuestionBank.js';

/** The college select's value for 全校 (a select option needs a non-null value). */
const SCHOOL_WIDE = 'school';

interface QuestionFormModalProps {
  /** The question to edit; null to add one. */
  question: BankQuestion | null;
  /** Tags already in the bank, offered as the admin types. */
  knownTags: string[];
  onClose: () => void;
}

/** The dialog to add or edit a question of any type, its answer key included. */
export function QuestionFormModal({ question, knownTags, onClose }: QuestionFormModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<QuestionFormValues>();
  const [notice, setNotice] = useState<FormNoticeState | null>(null);
  // Undefined until the form mounts, whatever its type says.
  const watched = Form.useWatch('type', form) as QuestionFormValues['type'] | undefined;
  const type = watched ?? question?.type ?? 'single_choice';
  const stem = (Form.useWatch('stem', form) as string | undefined) ?? '';
  const options =
    (Form.useWatch('options', form) as QuestionFormValues['options'] | undefined) ?? [];
  const referenceAnswer = (Form.useWatch('referenceAnswer', form) as string | undefined) ?? '';
  const hasOptions = type === 'single_choice' || type === 'multiple_choice';
  const insertImage = (target: ImageTarget, marker: string) => {
    const join = (current: string) => (current === '' ? marker : `${current} ${marker}`);
    if (target === 'stem') {
      form.setFieldValue('stem', join((form.getFieldValue('stem') as string | undefined) ?? ''));
      return;
    }
    const current =
      (form.getFieldValue('options') as QuestionFormValues['options'] | undefined) ?? [];
    form.setFieldValue(
      'options',
      current.map((option, index) =>
        index === target ? { ...option, text: join(option.text) } : option,
      ),
    );
  };
  const passages = useBankPassages();
  const { locale } = useLocale();
  // A school admin may file a question under a college; a college admin's are always theirs.
  const isSchoolAdmin = useSessionUser().role === 'school_admin';
  const colleges = useQuery({
    queryKey: ['admin', 'colleges'],
    queryFn: () => callApi(listColleges),
    enabled: isSchoolAdmin,
  });
  const [collegeChoice, setCollegeChoice] = useState(question?.collegeId ?? SCHOOL_WIDE);

  const save = useMutation({
    mutationFn: (values: QuestionFormValues) => {
      const collegeId = isSchoolAdmin
        ? collegeChoice === SCHOOL_WIDE
          ? null
          : collegeChoice
        : (question?.collegeId ?? null);
      const body = inputOf(values, collegeId);
      return question
        ? callApi(updateBankQuestion, { params: { questionId: question.id }, body })
        : callApi(createBankQuestion, { body });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: questionBankKeys.all });
      void message.success(t('questionBank.saved'));
      onClose();
    },
    onError: (error) => setNotice({ kind: 'error', error }),
  });

  const submit = () => {
    setNotice(null);
    form.validateFields().then(
      (values) => save.mutate({ ...emptyFormValues(), ...values }),
      // antd shows the messages beside the fields.
      () => undefined,
    );
  };

  return (
    <Modal
      open
      width={760}
      title={t(question ? 'questionBank.editTitle' : 'questionBank.createTitle')}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>{t('questionBank.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={submit}>
            {t('questionBank.save')}
          </Button>
        </Space>
      }
    >
      <FormNotice notice={notice} />
      <Form<QuestionFormValues>
        form={form}
        layout="vertical"
        initialValues={question ? formValuesOf(question) : emptyFormValues()}
        preserve
      >
        <Flex gap={16} wrap>
          <Form.Item name="type" label={t('questionBank.type')} style={{ minWidth: 180 }}>
            <Select
              options={QUESTION_TYPES.map((value) => ({
                value,
                label: t(`questionBank.types.${value}`),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="defaultPoints"
            label={t('questionBank.points')}
            rules={[{ required: true, message: t('questionBank.required') }]}
          >
            <InputNumber min={0.5} max={1000} step={0.5} />
          </Form.Item>
          <Form.Item
            name="difficulty"
            label={t('questionBank.difficulty')}
            style={{ minWidth: 140 }}
          >
            <Select
              allowClear
              placeholder={t('questionBank.anyDifficulty')}
              options={[1, 2, 3, 4, 5].map((level) => ({
                value: level,
                label: t('questionBank.difficultyOf', { level }),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="externalKey"
            label={t('questionBank.key')}
            extra={t('questionBank.keyHint')}
          >
            <Input maxLength={64} style={{ width: 180 }} />
          </Form.Item>
        </Flex>
        <Form.Item
          name="stem"
          label={t('questionBank.stem')}
          extra={t('questionBank.stemHint')}
          dependencies={['type', 'blanks']}
          rules={[
            { required: true, whitespace: true, message: t('questionBank.required') },
            {
              validator: (_rule, stem: string | undefined) => {
                if (form.getFieldValue('type') !== 'fill_blank') return Promise.resolve();
                const blanks = (form.getFieldValue('blanks') as unknown[] | undefined)?.length ?? 0;
                const marks = countBlankMarks(stem ?? '');
                return marks === blanks
                  ? Promise.resolve()
                  : Promise.reject(
                      new Error(t('questionBank.blankCountMismatch', { marks, blanks })),
                    );
              },
            },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} />
        </Form.Item>
        <QuestionImageInsert optionCount={hasOptions ? options.length : 0} onInsert={insertImage} />
        {isSchoolAdmin && (
          <Form.Item label={t('questionBank.college')}>
            <Select
              aria-label={t('questionBank.college')}
              value={collegeChoice}
              onChange={setCollegeChoice}
              loading={colleges.isPending}
              options={[
                { value: SCHOOL_WIDE, label: t('questionBank.schoolWide') },
                ...(colleges.data?.items ?? [])
                  .filter((college) => !college.disabled || college.id === question?.collegeId)
                  .map((college) => ({ value: college.id, label: localizedName(college, locale) })),
              ]}
            />
          </Form.Item>
        )}
        <Form.Item name="passageId" label={t('questionBank.passage')}>
          <Select
            allowClear
            placeholder={t('questionBank.passageNone')}
            loading={passages.isPending}
            options={(passages.data?.items ?? []).map((passage) => ({
              value: passage.id,
              label: passage.title,
            }))}
          />
        </Form.Item>
        <AnswerFields type={type} />
        <QuestionPreview
          type={type}
          stem={stem}
          options={hasOptions ? options : []}
          referenceAnswer={referenceAnswer}
        />
        <Form.Item
          name="tags"
          label={t('questionBank.tags')}
          style={{ marginTop: 16 }}
          rules={[{ type: 'array', max: MAX_TAGS }]}
        >
          <Select
            mode="tags"
            tokenSeparators={[',', '，']}
            options={knownTags.map((tag) => ({ value: tag, label: tag }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
