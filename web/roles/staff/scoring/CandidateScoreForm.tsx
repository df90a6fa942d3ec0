import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { putMyScore, type ScoringForm, type ScoreView } from '../../../../shared/api/scoring.js';
import { callApi } from '../../../api/client.js';
import { FormNotice } from '../../../forms/FormNotice.js';
import { registrationScoresKey } from './ChairScoresPanel.js';

interface Values {
  /** Empty (null or undefined) until the examiner types a value; 0 is a value. */
  points: (number | null | undefined)[];
  comment: string;
}

interface CandidateScoreFormProps {
  registrationId: string;
  candidateName: string;
  form: ScoringForm;
  myScore: ScoreView | null;
  isConfirmed: boolean;
  queryKey: readonly unknown[];
}

/** One examiner's own score of one candidate: points per criterion (steps of 0.5) and a comment. */
export function CandidateScoreForm(props: CandidateScoreFormProps) {
  const { registrationId, candidateName, form, myScore, isConfirmed, queryKey } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [antForm] = Form.useForm<Values>();
  // Undefined until the form mounts, whatever antd's type says.
  const points = Form.useWatch('points', antForm) as (number | null)[] | undefined;
  const total = (points ?? []).reduce<number>((sum, value) => sum + (value ?? 0), 0);
  const save = useMutation({
    mutationFn: (values: Values) =>
      callApi(putMyScore, {
        params: { registrationId },
        body: {
          points: form.criteria.map((_criterion, index) => values.points[index] ?? null),
          comment: values.comment,
        },
      }),
    onSuccess: async () => {
      void message.success(t('staffScoring.saved'));
      await queryClient.invalidateQueries({ queryKey });
      // The chair's all-scores view of this candidate includes the new score.
      await queryClient.invalidateQueries({ queryKey: registrationScoresKey(registrationId) });
    },
  });

  return (
    <Form<Values>
      form={antForm}
      layout="vertical"
      name={`score-${registrationId}`}
      aria-label={t('staffScoring.scoreFormOf', { name: candidateName })}
      initialValues={{
        // Nothing prefilled: an untouched criterion must not pass as 0 points.
        points: myScore?.points ?? form.criteria.map(() => null),
        comment: myScore?.comment ?? '',
      }}
      disabled={isConfirmed}
      onFinish={(values) => save.mutate(values)}
    >
      {isConfirmed && (
        <Alert type="info" showIcon title={t('staffScoring.locked')} style={{ marginBottom: 12 }} />
      )}
      <FormNotice notice={save.isError ? { kind: 'error', error: save.error } : null} />
      {form.criteria.map((criterion, index) => (
        <Form.Item
          key={criterion.name}
          name={['points', index]}
          label={t('staffScoring.pointsOf', { name: criterion.name, max: criterion.maxPoints })}
          extra={criterion.description || undefined}
          rules={[
            {
              required: true,
              message: t('staffScoring.criterionRequired', { name: criterion.name }),
            },
          ]}
        >
          <InputNumber min={0} max={criterion.maxPoints} step={0.5} precision={1} />
        </Form.Item>
      ))}
      <Form.Item
        name="comment"
        label={t(form.commentRequired ? 'staffScoring.commentRequired' : 'staffScoring.comment')}
        rules={form.commentRequired ? [{ required: true, whitespace: true }] : []}
      >
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Typography.Paragraph aria-live="polite">
        {t('staffScoring.total', { total, max: form.maxTotal })}
      </Typography.Paragraph>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t('staffScoring.save')}
      </Button>
    </Form>
  );
}
