import { useQuery } from '@tanstack/react-query';
import { Button, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getMyWrittenResult, type MyWrittenResult } from '../../../shared/api/marking.js';
import { callApi } from '../../api/client.js';
import { SimpleTable } from '../../ui/SimpleTable.js';
import { WrittenResultAnswers } from './WrittenResultAnswers.js';

type Published = Extract<MyWrittenResult, { published: true }>;
type Result = NonNullable<Published['result']>;

/**
 * A written exam's published result under its status on 我的考场: the total, pass/fail and a
 * dialog with the sections and each question's points (and, where the exam shows them, the
 * answers beside the correct ones). Nothing before 公布成绩.
 */
export function WrittenResult({ registrationId }: { registrationId: string }) {
  const { t } = useTranslation();
  const [isOpen, setIsOpen] = useState(false);
  const mine = useQuery({
    queryKey: ['candidate', 'written-result', registrationId],
    queryFn: () => callApi(getMyWrittenResult, { params: { registrationId } }),
  });
  const data = mine.data;
  if (!data?.published) return null;
  const { result } = data;
  if (!result)
    return <Typography.Text type="secondary">{t('writtenResult.absent')}</Typography.Text>;

  return (
    <Space size={4} wrap>
      <Typography.Text strong>
        {t('writtenResult.summary', { total: result.total, max: result.maxTotal })}
      </Typography.Text>
      <PassTag passed={result.passed} />
      <Button size="small" type="link" onClick={() => setIsOpen(true)}>
        {t('writtenResult.details')}
      </Button>
      <Modal
        open={isOpen}
        title={t('writtenResult.detailsTitle', { exam: data.examName })}
        onCancel={() => setIsOpen(false)}
        footer={<Button onClick={() => setIsOpen(false)}>{t('writtenResult.close')}</Button>}
      >
        <ResultDetails result={result} registrationId={registrationId} />
      </Modal>
    </Space>
  );
}

function PassTag({ passed }: { passed: boolean | null }) {
  const { t } = useTranslation();
  if (passed === null) return null;
  return passed ? (
    <Tag color="green">{t('writtenResult.pass')}</Tag>
  ) : (
    <Tag color="red">{t('writtenResult.fail')}</Tag>
  );
}

function ResultDetails({ result, registrationId }: { result: Result; registrationId: string }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text>
        {t('writtenResult.summary', { total: result.total, max: result.maxTotal })}
        {result.passMark === null
          ? ''
          : ` · ${t('writtenResult.passMark', { mark: result.passMark })}`}
      </Typography.Text>
      <SimpleTable
        rowKey="title"
        dataSource={result.sections}
        columns={[
          { key: 'title', title: t('writtenResult.section'), render: (_v, row) => row.title },
          { key: 'points', title: t('writtenResult.points'), render: (_v, row) => row.points },
          { key: 'max', title: t('writtenResult.maxPoints'), render: (_v, row) => row.maxPoints },
        ]}
      />
      <SimpleTable
        rowKey="number"
        dataSource={result.questions}
        columns={[
          {
            key: 'number',
            title: t('writtenResult.question'),
            render: (_v, row) => t('writtenResult.questionNumber', { number: row.number }),
          },
          { key: 'points', title: t('writtenResult.points'), render: (_v, row) => row.points },
          { key: 'max', title: t('writtenResult.maxPoints'), render: (_v, row) => row.maxPoints },
        ]}
      />
      <WrittenResultAnswers questions={result.questions} registrationId={registrationId} />
    </Space>
  );
}
