import { Badge, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError } from '../../../ui/LoadError.js';
import { markerMarkingPath, useMarkerExams } from '../../admin/marking/useMarking.js';

/** The examiner's home: the written exams they mark (阅卷), each with what waits for them. */
export function MarkerExamsCard() {
  const { t } = useTranslation();
  const exams = useMarkerExams();
  const items = exams.data?.items ?? [];
  // An examiner without a marker duty sees nothing of marking on their home, not even a spinner.
  if (exams.isPending || (exams.isSuccess && items.length === 0)) return null;

  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
          {t('writtenMarking.markerHomeTitle')}
        </Typography.Title>
      }
      style={{ marginTop: 16 }}
    >
      {exams.isError && !exams.data ? (
        <LoadError error={exams.error} onRetry={() => void exams.refetch()} />
      ) : (
        <List
          dataSource={items}
          locale={{ emptyText: <Empty description={t('writtenMarking.markerHomeEmpty')} /> }}
          renderItem={(exam) => (
            <List.Item
              actions={[
                <Link
                  key="open"
                  to={markerMarkingPath(exam.examId)}
                  aria-label={`${t('writtenMarking.markerHomeOpen')} ${exam.examName}`}
                >
                  {t('writtenMarking.markerHomeOpen')}
                </Link>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    <span>{exam.examName}</span>
                    <Typography.Text type="secondary">{exam.examCode}</Typography.Text>
                    {exam.isDoubleMarking ? (
                      <Tag color="purple">{t('writtenMarking.markerHomeDouble')}</Tag>
                    ) : null}
                  </Space>
                }
                description={
                  <Space wrap>
                    {exam.submittedCount === 0 ? (
                      <Tag>{t('writtenMarking.markerHomeNothingYet')}</Tag>
                    ) : exam.isComplete ? (
                      <Tag color="green">{t('writtenMarking.markerHomeDone')}</Tag>
                    ) : (
                      <Badge
                        status={exam.myPendingCount > 0 ? 'processing' : 'default'}
                        text={t('writtenMarking.markerHomePending', {
                          count: exam.myPendingCount,
                        })}
                      />
                    )}
                    <Typography.Text type="secondary">
                      {t('writtenMarking.markerHomeDetail', {
                        questions: exam.questionCount,
                        pending: exam.pendingCount,
                      })}
                    </Typography.Text>
                    {exam.inProgressCount > 0 ? (
                      <Typography.Text type="secondary">
                        {t('writtenMarking.markerHomeWriting', { count: exam.inProgressCount })}
                      </Typography.Text>
                    ) : null}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
