// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PhoneSession } from '../../../shared/api/phone.js';
import { AppProviders } from '../../AppProviders.js';
import '../../i18n/index.js';
import { PhotoCheck } from './PhotoCheck.js';

/** The phone's session after one failed photo; the test sets what the server allows. */
const afterOnePhoto = (overrides: Partial<PhoneSession>): PhoneSession => ({
  pairingId: '00000000-0000-4000-8000-0000000000a1',
  registrationId: '00000000-0000-4000-8000-000000000001',
  candidateName: '周宁',
  examName: '外国语学院面试',
  sessionName: '外国语学院面试第一考场',
  admissionNumber: 'INT2026005',
  faceCheckRequired: true,
  faceVerdict: 'mismatch',
  faceAttempts: 1,
  attemptsAllowed: 4,
  attemptsLeft: 3,
  canRetry: true,
  canContinue: false,
  startedAt: null,
  examEnd: null,
  ...overrides,
});

function showVerdict(session: PhoneSession) {
  const onDone = vi.fn();
  render(
    <AppProviders>
      <PhotoCheck session={session} onSessionChange={() => undefined} onDone={onDone} />
    </AppProviders>,
  );
  return onDone;
}

afterEach(cleanup);

describe('PhotoCheck (拍照验证 on the phone)', () => {
  it('offers 下一步 after the first photo when there is no reference photo, as the PC does', () => {
    const onDone = showVerdict(
      afterOnePhoto({ faceVerdict: 'no_reference', canRetry: false, canContinue: true }),
    );
    expect(screen.getByText('无报名照片，无法比对')).toBeInTheDocument();
    expect(screen.getByText(/可直接进入下一步/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '返回重拍' })).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '下一步' }));
    expect(onDone).toHaveBeenCalledOnce();
  });

  it('offers only 返回重拍, with the photos left, while a retake may succeed', () => {
    showVerdict(afterOnePhoto({}));
    expect(screen.getByText('还可重拍 3 次')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '返回重拍' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '下一步' })).not.toBeInTheDocument();
  });
});
