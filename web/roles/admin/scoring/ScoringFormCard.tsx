import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Flex, Form, Input, InputNumber, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  MAX_CRITERIA,
  putScoringForm,
  type AggregationRule,
  type ScoringForm,
} from '../../../../shared/api/scoring.js';
import { callApi } from '../../../api/client.js';
import { FormNotice } from '../../../forms/FormNotice.js';
import { LoadError } from '../../../ui/LoadError.js';
import { scoringKeys, useScoringForm } from './useScoring.js';

interface Values {
  criteria: { name: string; maxPoints: number; description?: string }[];
  commentRequired: boolean;
  aggregation: AggregationRule;
}

const NEW_FORM: Values = {
  criteria: [{ name: '', maxPoints: 10 }],
  commentRequired: false,
  aggregation: 'mean',
};

function valuesOf(form: ScoringForm | null): Values {
  if (!form) return NEW_FORM;
  return {
    criteria: form.criteria.map((c) => ({ ...c })),
    commentRequired: form.commentRequired,
    aggregation: form.aggregation,
  };
}

/** 评分表 editor: the ordered criteria, the comment rule and the aggregation; read-only once scored. */
export function ScoringFormCard({ examId }: { examId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const current = useScoringForm(examId);
  const save = useMutation({
    mutationFn: (values: Values) =>
      callApi(putScoringForm, {
        params: { examId },
        body: {
          criteria: values.criteria.map((c) => ({
            name: c.name,
            maxPoints: c.maxPoints,
            description: c.description ?? '',
          })),
          commentRequired: values.commentRequired,
          aggregation: values.aggregation,
        },
      }),
    onSuccess: async () => {
      void message.success(t('adminScoring.saved'));
      await queryClient.invalidateQueries({ queryKey: scoringKeys.exam(examId) });
    },
  });

  if (current.isError && !current.data) {
    return <LoadError error={current.error} onRetry={() => void current.refetch()} />;
  }
  if (!current.data) return <Card loading title={t('adminScoring.formTitle')} />;
  const { form, isLocked } = current.data;

  return (
    <Card
      title={t('adminScoring.formTitle')}
      extra={form ? t('adminScoring.maxTotal', { total: form.maxTotal }) : null}
    >
      {isLocked && (
        <Alert
          type="info"
          showIcon
          title={t('adminScoring.formLocked')}
          style={{ marginBottom: 16 }}
        />
      )}
      <FormNotice notice={save.isError ? { kind: 'error', error: save.error } : null} />
      <Form<Values>
        key={form?.updatedAt ?? 'new'}
        layout="vertical"
        name="scoringForm"
        initialValues={valuesOf(form)}
        disabled={isLocked}
        onFinish={(values) => save.mutate(values)}
      >
        <Form.List name="criteria">
          {(fields, { add, remove }) => (
            <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
              <legend style={{ fontWeight: 600 }}>{t('adminScoring.criteria')}</legend>
              <p>{t('adminScoring.criteriaCount')}</p>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="start" wrap>
                  <Form.Item
                    name={[field.name, 'name']}
                    label={`${String(index + 1)}. ${t('adminScoring.criterionName')}`}
                    rules={[{ required: true, whitespace: true, max: 60 }]}
                  >
                    <Input style={{ width: 200 }} maxLength={60} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'maxPoints']}
                    label={t('adminScoring.maxPoints')}
                    rules={[{ required: true }]}
                  >
                    <InputNumber min={0.5} max={1000} step={0.5} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'description']}
                    label={t('adminScoring.description')}
                  >
                    <Input style={{ width: 280 }} maxLength={500} />
                  </Form.Item>
                  <Button
                    danger
                    style={{ marginTop: 30 }}
                    disabled={isLocked || fields.length <= 1}
                    aria-label={t('adminScoring.removeCriterion', { index: index + 1 })}
                    onClick={() => remove(field.name)}
                  >
                    ×
                  </Button>
                </Flex>
              ))}
              <Button
                onClick={() => add({ name: '', maxPoints: 10 })}
                disabled={isLocked || fields.length >= MAX_CRITERIA}
                style={{ marginBottom: 16 }}
              >
                {t('adminScoring.addCriterion')}
              </Button>
            </fieldset>
          )}
        </Form.List>
        <Form.Item<Values> name="commentRequired" valuePropName="checked">
          <Checkbox>{t('adminScoring.commentRequired')}</Checkbox>
        </Form.Item>
        <Form.Item<Values> name="aggregation" label={t('adminScoring.aggregation')}>
          <Radio.Group>
            <Flex vertical gap={4}>
              <Radio value="mean">{t('adminScoring.mean')}</Radio>
              <Radio value="trimmed_mean">{t('adminScoring.trimmedMean')}</Radio>
            </Flex>
          </Radio.Group>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} disabled={isLocked}>
          {t('adminScoring.save')}
        </Button>
      </Form>
    </Card>
  );
}
