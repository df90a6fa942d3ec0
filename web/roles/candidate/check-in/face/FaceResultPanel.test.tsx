// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CheckInState } from '../../../../../shared/api/check-in.js';
import { AppProviders } from '../../../../AppProviders.js';
import '../../../../i18n/index.js';
import { FaceResultPanel } from './FaceResultPanel.js';

type FaceStep = CheckInState['steps']['face'];

/** The face step as the server answered after a failed check; the test sets what it allows. */
const failedStep = (overrides: Partial<FaceStep>): FaceStep => ({
  state: 'pending',
  attempts: 1,
  attemptsAllowed: 4,
  attemptsLeft: 3,
  canRetry: true,
  canContinue: false,
  score: 0.31,
  lastVerdict: 'mismatch',
  checkedAt: '2026-06-01T09:00:00.000Z',
  confirmedAt: null,
  ...overrides,
});

function show(verdict: FaceStep['lastVerdict'] & string, face: FaceStep) {
  const handlers = { onNext: vi.fn(), onRetry: vi.fn(), onContinue: vi.fn() };
  render(
    <AppProviders>
      <FaceResultPanel
        verdict={verdict}
        score={face.score}
        face={face}
        isBusy={false}
        {...handlers}
      />
    </AppProviders>,
  );
  return handlers;
}

afterEach(cleanup);

describe('FaceResultPanel (人脸识别 result)', () => {
  it('says how many tries remain and offers only 重试 while the server says a retry may succeed', () => {
    const handlers = show('mismatch', failedStep({}));
    expect(screen.getByText('与报名照片不一致')).toBeInTheDocument();
    // A mismatch is explained in plain words: it asks staff to look, it accuses nobody.
    expect(screen.getByText(/这不代表您被认定为作弊.*人工核验/)).toBeInTheDocument();
    expect(screen.getByText('还可重试 3 次')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '继续进入' })).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(handlers.onRetry).toHaveBeenCalledOnce();
  });

  it('offers 继续进入 beside 重试 after two failed liveness challenges, as the server allows', () => {
    const handlers = show(
      'liveness_failed',
      failedStep({
        attempts: 2,
        attemptsLeft: 2,
        canContinue: true,
        lastVerdict: 'liveness_failed',
      }),
    );
    expect(screen.getByText('还可重试 2 次')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '重试' })).toBeInTheDocument();
    expect(screen.getByText(/活体检测已两次未通过/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '继续进入' }));
    expect(handlers.onContinue).toHaveBeenCalledOnce();
  });

  it('offers 继续进入 at once and no retry without a reference photo', () => {
    show(
      'no_reference',
      failedStep({ canRetry: false, canContinue: true, lastVerdict: 'no_reference', score: null }),
    );
    expect(screen.getByText('无报名照片，无法比对')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '重试' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: '继续进入' })).toBeInTheDocument();
  });

  it('shows nothing the server did not allow, whatever the counts say', () => {
    show('mismatch', failedStep({ attempts: 4, attemptsLeft: 0, canRetry: false }));
    expect(screen.queryByRole('button', { name: '重试' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '继续进入' })).not.toBeInTheDocument();
  });
});
