import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Popconfirm, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  confirmScores,
  getRegistrationScores,
  type ScoreView,
} from '../../../../shared/api/scoring.js';
import { callApi } from '../../../api/client.js';
import { FormNotice } from '../../../forms/FormNotice.js';

/** The query key of one candidate's scores (the chair's view). */
export function registrationScoresKey(registrationId: string) {
  return ['examiner', 'scores', registrationId] as const;
}

/** The chair's view of one candidate: every examiner's score, the aggregate, and 确认成绩. */
export function ChairScoresPanel(props: { registrationId: string; pageKey: readonly unknown[] }) {
  const { registrationId, pageKey } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const key = registrationScoresKey(registrationId);
  const scores = useQuery({
    queryKey: key,
    queryFn: () => callApi(getRegistrationScores, { params: { registrationId } }),
  });
  const confirm = useMutation({
    mutationFn: () => callApi(confirmScores, { params: { registrationId } }),
    onSuccess: async () => {
      void message.success(t('staffScoring.confirmedToast'));
      await queryClient.invalidateQueries({ queryKey: key });
      await queryClient.invalidateQueries({ queryKey: pageKey });
    },
  });
  const data = scores.data;
  if (!data) return null;

  return (
    <Flex vertical gap={8}>
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        {t('staffScoring.allScores')}
      </Typography.Title>
      <Table<ScoreView>
        rowKey="examinerId"
        size="small"
        pagination={false}
        dataSource={data.scores}
        locale={{ emptyText: t('staffScoring.noScoresYet') }}
        columns={[
          { title: t('staffScoring.examiner'), dataIndex: 'examinerName' },
          { title: t('staffScoring.examinerTotal'), dataIndex: 'total' },
          { title: t('staffScoring.comment'), dataIndex: 'comment' },
        ]}
      />
      <Typography.Paragraph aria-live="polite" strong>
        {t('staffScoring.aggregate', {
          rule: t(`staffScoring.${data.aggregation}`),
          value: data.aggregate ?? '—',
        })}
      </Typography.Paragraph>
      <FormNotice notice={confirm.isError ? { kind: 'error', error: confirm.error } : null} />
      {data.confirmation ? (
        <Typography.Text>
          {t('staffScoring.confirmed', { aggregate: data.confirmation.aggregate })}
        </Typography.Text>
      ) : (
        <Popconfirm
          title={t('staffScoring.confirmQuestion')}
          onConfirm={() => confirm.mutate()}
          disabled={data.scores.length === 0}
        >
          <Button type="primary" loading={confirm.isPending} disabled={data.scores.length === 0}>
            {t('staffScoring.confirm')}
          </Button>
        </Popconfirm>
      )}
    </Flex>
  );
}
