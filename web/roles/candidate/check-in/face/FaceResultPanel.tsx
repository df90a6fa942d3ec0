import { Alert, Button, Flex, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FaceVerdict } from '../../../../../shared/enums.js';

interface FaceResultPanelProps {
  verdict: FaceVerdict;
  score: number | null;
  attempts: number;
  attemptsAllowed: number;
  isBusy: boolean;
  onNext: () => void;
  onRetry: () => void;
  onContinue: () => void;
}

/** The server's verdict: 认证成功 with 下一步, or the reason with 重试 / 继续进入. */
export function FaceResultPanel({
  verdict,
  score,
  attempts,
  attemptsAllowed,
  isBusy,
  onNext,
  onRetry,
  onContinue,
}: FaceResultPanelProps) {
  const { t } = useTranslation();
  if (verdict === 'match') {
    return (
      <Result
        status="success"
        title={<span role="status">{t('candidateFace.result.passed')}</span>}
        subTitle={
          score === null ? null : t('candidateFace.result.passedScore', { score: score.toFixed(2) })
        }
        extra={
          <Button type="primary" onClick={onNext} loading={isBusy}>
            {t('candidateFace.result.next')}
          </Button>
        }
      />
    );
  }
  const attemptsLeft = Math.max(0, attemptsAllowed - attempts);
  // Without a reference photo, no retry can succeed: offer to continue at once.
  const canRetry = verdict !== 'no_reference' && attemptsLeft > 0;
  return (
    <Result
      status="error"
      title={<span role="status">{t('candidateFace.result.failed')}</span>}
      subTitle={
        <Flex vertical gap={4}>
          <Typography.Text strong>{t(`candidateFace.verdict.${verdict}`)}</Typography.Text>
          <Typography.Text type="secondary">
            {t('candidateFace.camera.attempt', { attempt: attempts, allowed: attemptsAllowed })}
          </Typography.Text>
        </Flex>
      }
      extra={
        canRetry ? (
          <Flex vertical gap={8} align="center">
            <Typography.Text>
              {t('candidateFace.result.attemptsLeft', { count: attemptsLeft })}
            </Typography.Text>
            <Button type="primary" onClick={onRetry}>
              {t('candidateFace.result.retry')}
            </Button>
          </Flex>
        ) : (
          <Flex vertical gap={12} align="center">
            <Alert
              type="warning"
              showIcon
              title={t('candidateFace.result.continueTitle')}
              description={
                <>
                  {verdict === 'no_reference' ? null : (
                    <p style={{ margin: 0 }}>{t('candidateFace.result.noAttemptsLeft')}</p>
                  )}
                  <p style={{ margin: 0 }}>{t('candidateFace.result.continueExplanation')}</p>
                </>
              }
              style={{ textAlign: 'start', maxWidth: 560 }}
            />
            <Button type="primary" onClick={onContinue} loading={isBusy}>
              {t('candidateFace.result.continue')}
            </Button>
          </Flex>
        )
      }
    />
  );
}
