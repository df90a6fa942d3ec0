import { DesktopOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ExamTimer } from '../ExamTimer.js';
import type { ExamScreenShare } from './useExamScreenShare.js';

interface ScreenShareStepProps {
  title: string;
  deadline: string;
  /** The server clock now (ms): the exam's time runs while the screen is not shared. */
  now: number;
  share: Pick<ExamScreenShare, 'state' | 'problem' | 'isSupported' | 'start'>;
}

/** What the last try at sharing ran into, in the candidate's words; null when nothing did. */
export function ShareProblem({ share }: Pick<ScreenShareStepProps, 'share'>) {
  const { t } = useTranslation();
  const problem = share.isSupported ? share.problem : 'unsupported';
  if (!problem) return null;
  return (
    <Alert
      type={problem === 'unsupported' ? 'error' : 'warning'}
      showIcon
      role="alert"
      title={t(`candidateWrittenExam.screenShare.problems.${problem}`)}
    />
  );
}

/**
 * 共享屏幕, before the paper shows where the exam asks for it (seed 004: the whole screen): why,
 * how, and the button that opens the browser's picker. The exam's time already runs.
 */
export function ScreenShareStep({ title, deadline, now, share }: ScreenShareStepProps) {
  const { t } = useTranslation();
  const isPicking = share.state === 'picking';
  return (
    <Flex vertical gap={12}>
      <Card size="small">
        <Flex justify="space-between" align="center" gap={12} wrap>
          <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
            {title}
          </Typography.Title>
          <ExamTimer deadline={deadline} now={now} />
        </Flex>
      </Card>
      <Card
        title={
          <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
            {t('candidateWrittenExam.screenShare.title')}
          </Typography.Title>
        }
      >
        <Flex vertical gap={12} align="flex-start">
          <Typography.Paragraph style={{ margin: 0 }}>
            {t('candidateWrittenExam.screenShare.why')}
          </Typography.Paragraph>
          <Typography.Paragraph style={{ margin: 0 }}>
            {t('candidateWrittenExam.screenShare.how')}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('candidateWrittenExam.screenShare.keep')}
          </Typography.Paragraph>
          <ShareProblem share={share} />
          <Button
            type="primary"
            size="large"
            icon={<DesktopOutlined aria-hidden />}
            loading={isPicking}
            disabled={!share.isSupported}
            onClick={share.start}
          >
            {t('candidateWrittenExam.screenShare.button')}
          </Button>
          {isPicking ? (
            <Typography.Text role="status">
              {t('candidateWrittenExam.screenShare.picking')}
            </Typography.Text>
          ) : null}
        </Flex>
      </Card>
    </Flex>
  );
}
