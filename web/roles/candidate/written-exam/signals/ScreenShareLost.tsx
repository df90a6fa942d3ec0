import { Button, Card, Flex, Typography } from 'antd';
import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ShareProblem } from './ScreenShareStep.js';
import type { ExamScreenShare } from './useExamScreenShare.js';

const FOCUSABLE = 'button:not([disabled]), [href], input, [tabindex]:not([tabindex="-1"])';

/** Keeps Tab and Shift+Tab inside `container`. */
function trapTab(event: KeyboardEvent<HTMLElement>) {
  if (event.key !== 'Tab') return;
  const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) {
    event.preventDefault();
    return;
  }
  const active = document.activeElement;
  if (event.shiftKey && (active === first || !event.currentTarget.contains(active))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}

/**
 * The share stopped mid-exam: a blocking notice (role alertdialog, focus kept inside, no way to
 * dismiss it) until the whole screen is shared again. The paper behind it is inert; its time
 * runs on and its answers stay saved.
 */
export function ScreenShareLost({
  share,
}: {
  share: Pick<ExamScreenShare, 'state' | 'problem' | 'isSupported' | 'start'>;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const detailId = useId();
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    button.current?.focus();
  }, []);
  return (
    <div
      style={{
        position: 'fixed',
        inset: 0,
        zIndex: 1100,
        background: 'rgba(0, 0, 0, 0.55)',
        display: 'grid',
        placeItems: 'center',
        padding: 16,
      }}
    >
      <div
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={detailId}
        onKeyDown={trapTab}
        style={{ maxWidth: 520, width: '100%' }}
      >
        <Card>
          <Flex vertical gap={12} align="flex-start">
            <Typography.Title id={titleId} level={2} style={{ fontSize: 18, margin: 0 }}>
              {t('candidateWrittenExam.screenShare.lost.title')}
            </Typography.Title>
            <div id={detailId}>
              <Typography.Paragraph style={{ margin: 0 }}>
                {t('candidateWrittenExam.screenShare.lost.detail')}
              </Typography.Paragraph>
              <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
                {t('candidateWrittenExam.screenShare.lost.timing')}
              </Typography.Paragraph>
            </div>
            <ShareProblem share={share} />
            <Button
              ref={button}
              type="primary"
              loading={share.state === 'picking'}
              disabled={!share.isSupported}
              onClick={share.start}
            >
              {t('candidateWrittenExam.screenShare.lost.button')}
            </Button>
          </Flex>
        </Card>
      </div>
    </div>
  );
}
