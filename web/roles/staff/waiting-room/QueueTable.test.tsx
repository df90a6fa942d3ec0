import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { PhoneState } from '../../../../shared/enums.js';
import type { QueueEntry } from '../../../../shared/api/interviews.js';
import { checkInState } from '../../candidate/check-in/check-in-fixtures.test-support.js';
import { render, sessionUser } from '../../../test/render.js';
import { QueueTable } from './QueueTable.js';

const SESSION = '00000000-0000-4000-8000-0000000000a1';
const ARRIVED = '2026-06-01T01:00:00.000Z';
/** 09:00:05 in Beijing. */
const LAST_SEEN = '2026-06-01T01:00:05.000Z';

/** A candidate waiting in the 候考区 as the server lists them, with their phone's state. */
function waiting(
  name: string,
  registrationId: string,
  phone: { connection: PhoneState; lastSeenAt: string | null },
): QueueEntry {
  const steps = checkInState().steps;
  return {
    candidateName: name,
    admissionNumber: `INT2026${registrationId.slice(-3)}`,
    ticket: {
      registrationId,
      sessionId: SESSION,
      state: 'waiting',
      readiness: 'unmarked',
      readinessNote: null,
      readinessMarkedAt: null,
      arrivedAt: ARRIVED,
      calledBy: null,
      calledByName: null,
      calledAt: null,
      hasBeenCalled: false,
      invitedBy: null,
      invitedAt: null,
      interviewStartedAt: null,
      interviewEndedAt: null,
      returnReason: null,
      returnedAt: null,
      version: 1,
    },
    checkIn: {
      registrationId,
      candidateName: name,
      admissionNumber: `INT2026${registrationId.slice(-3)}`,
      hasReferencePhoto: true,
      currentStep: null,
      steps: { ...steps, phone: { ...steps.phone, state: 'passed', ...phone } },
      faceChecks: [],
    },
  };
}

const ZHANG = waiting('张三', '00000000-0000-4000-8000-000000000001', {
  connection: 'live',
  lastSeenAt: LAST_SEEN,
});
const LI = waiting('李四', '00000000-0000-4000-8000-000000000002', {
  connection: 'lost',
  lastSeenAt: LAST_SEEN,
});
const WANG = waiting('王五', '00000000-0000-4000-8000-000000000003', {
  connection: 'unpaired',
  lastSeenAt: null,
});

function renderQueue(callBlockedBy: (entry: QueueEntry) => string | null = () => null) {
  const handlers = { onCall: vi.fn(), onOpen: vi.fn(), onMark: vi.fn() };
  const page = render(
    <QueueTable
      items={[ZHANG, LI, WANG]}
      online={new Set([ZHANG.ticket.registrationId])}
      isLoading={false}
      callBlockedBy={callBlockedBy}
      isCalling={false}
      canMark={() => false}
      {...handlers}
    />,
    { user: sessionUser({ role: 'examiner', name: '候考官 陈老师' }) },
  );
  return { ...page, ...handlers };
}

/** One candidate's cell of one column, found by the admission number and the column's title. */
const cellOf = (entry: QueueEntry, column: string) => {
  const title = screen.getByText(column, { selector: 'th' });
  const index = [...(title.parentElement?.children ?? [])].indexOf(title);
  const cell = screen.getByText(entry.admissionNumber).closest('tr')?.cells.item(index);
  if (!cell) throw new Error(`no ${column} cell for ${entry.candidateName}`);
  return within(cell);
};

describe('QueueTable (the 候考官’s 候考区)', () => {
  it("shows each candidate's phone as the server says, with when it was last seen", () => {
    renderQueue();
    expect(cellOf(ZHANG, '手机状态').getByText('在线')).toBeVisible();
    expect(
      cellOf(ZHANG, '手机状态').getByText('最后在线 2026-06-01 09:00:05 (北京时间)'),
    ).toBeVisible();
    expect(cellOf(LI, '手机状态').getByText('掉线')).toBeVisible();
    expect(
      cellOf(LI, '手机状态').getByText('最后在线 2026-06-01 09:00:05 (北京时间)'),
    ).toBeVisible();
    expect(cellOf(WANG, '手机状态').getByText('未连接')).toBeVisible();
    expect(cellOf(WANG, '手机状态').queryByText(/最后在线/)).toBeNull();
  });

  it('says whose computer has the exam page open, apart from the phone', () => {
    renderQueue();
    expect(cellOf(ZHANG, '考生').getByText('在线')).toBeVisible();
    expect(cellOf(LI, '考生').getByText('离线')).toBeVisible();
    expect(cellOf(LI, '考生').queryByText('掉线')).toBeNull();
  });

  it('calls or opens the candidate of the row, and writes why 呼叫 is unavailable', async () => {
    const { user, onCall, onOpen } = renderQueue((entry) =>
      entry === LI ? '考生手机掉线，请等待重新连接' : null,
    );
    const callLi = screen.getByRole('button', { name: '呼叫 李四' });
    expect(callLi).toBeDisabled();
    expect(callLi).toHaveAccessibleDescription('考生手机掉线，请等待重新连接');
    expect(cellOf(LI, '操作').getByText('考生手机掉线，请等待重新连接')).toBeVisible();

    await user.click(screen.getByRole('button', { name: '呼叫 张三' }));
    expect(onCall).toHaveBeenCalledExactlyOnceWith(ZHANG);
    await user.click(screen.getByRole('button', { name: '王五 的检测详情' }));
    expect(onOpen).toHaveBeenCalledExactlyOnceWith(WANG.ticket.registrationId);
  });
});
