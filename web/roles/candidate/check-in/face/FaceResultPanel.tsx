import { Alert, Button, Flex, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CheckInState } from '../../../../../shared/api/check-in.js';
import type { FaceVerdict } from '../../../../../shared/enums.js';

interface FaceResultPanelProps {
  verdict: FaceVerdict;
  score: number | null;
  /** The face step after this check: attempts, and what the server allows next. */
  face: CheckInState['steps']['face'];
  isBusy: boolean;
  onNext: () => void;
  onRetry: () => void;
  onContinue: () => void;
}

/**
 * The server's verdict: 认证成功 with 下一步, or the reason with 重试 and/or 继续进入, as the
 * server allows them (its face-retry rule; this panel only shows what it says).
 */
export function FaceResultPanel({
  verdict,
  score,
  face,
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
  const { attempts, attemptsAllowed, attemptsLeft, canRetry, canContinue } = face;
  // Why 继续进入 is offered already; no text when the verdict says it (no reference photo).
  const continueReason =
    verdict === 'no_reference'
      ? null
      : attemptsLeft === 0
        ? t('candidateFace.result.noAttemptsLeft')
        : t('candidateFace.result.livenessFailedTwice');
  return (
    <Result
      status="error"
      title={<span role="status">{t('candidateFace.result.failed')}</span>}
      subTitle={
        <Flex vertical gap={4}>
          <Typography.Text strong>{t(`candidateFace.verdict.${verdict}`)}</Typography.Text>
          {verdict === 'mismatch' ? (
            <Typography.Text style={{ maxWidth: 560 }}>
              {t('candidateFace.result.mismatchReassurance')}
            </Typography.Text>
          ) : null}
          <Typography.Text type="secondary">
            {t('candidateFace.camera.attempt', { attempt: attempts, allowed: attemptsAllowed })}
          </Typography.Text>
        </Flex>
      }
      extra={
        <Flex vertical gap={16} align="center">
          {canRetry ? (
            <Flex vertical gap={8} align="center">
              <Typography.Text data-testid="face-attempts-left">
                {t('candidateFace.result.attemptsLeft', { count: attemptsLeft })}
              </Typography.Text>
              <Button type={canContinue ? 'default' : 'primary'} onClick={onRetry}>
                {t('candidateFace.result.retry')}
              </Button>
            </Flex>
          ) : null}
          {canContinue ? (
            <Flex vertical gap={12} align="center">
              <Alert
                type="warning"
                showIcon
                title={t('candidateFace.result.continueTitle')}
                description={
                  <>
                    {continueReason ? <p style={{ margin: 0 }}>{continueReason}</p> : null}
                    <p style={{ margin: 0 }}>{t('candidateFace.result.continueExplanation')}</p>
                  </>
                }
                style={{ textAlign: 'start', maxWidth: 560 }}
              />
              <Button type="primary" onClick={onContinue} loading={isBusy}>
                {t('candidateFace.result.continue')}
              </Button>
            </Flex>
          ) : null}
        </Flex>
      }
    />
  );
}
