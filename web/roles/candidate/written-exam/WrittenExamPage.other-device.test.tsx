import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { getMyAttempt, saveMyAnswer } from '../../../../shared/api/written-exam.js';
import type { Answer } from '../../../../shared/questions/answer-schema.js';
import { staleSeqIssue } from '../../../../shared/written-exam-errors.js';
import { FakeApi, refuse } from '../../../test/fake-api.js';
import { attemptView, myAttempt, Q } from './written-exam-fixtures.test-support.js';
import { gridButton, renderExam, savedBodies } from './written-exam-page.test-support.js';

// The same candidate answering on two computers (issue 14 §5): the other one saved a newer
// answer, so this page's save is refused as stale with a higher stored seq.

afterEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});

/** A server where another device saves `theirs` with `theirSeq` before this page's next save. */
function serverWithOtherDevice(id: string, mine: Answer, theirs: Answer, theirSeq: number) {
  let stored = { paperQuestionId: id, answer: mine, seq: 2 };
  let isOvertaken = false;
  return new FakeApi()
    .on(getMyAttempt, () => myAttempt(attemptView({ answers: [stored] })))
    .on(saveMyAnswer, (request) => {
      const { answer, seq } = request.body as { answer: Answer; seq: number };
      if (!isOvertaken) {
        isOvertaken = true;
        stored = { paperQuestionId: id, answer: theirs, seq: theirSeq };
      }
      if (seq <= stored.seq) return refuse('ANSWER_SEQ_STALE', [staleSeqIssue(stored.seq)]);
      stored = { paperQuestionId: id, answer, seq };
      return { seq, late: false };
    });
}

describe('WrittenExamPage, answered on another device too', () => {
  it("shows the other device's newer answer with a notice, and the next change here wins", async () => {
    const api = serverWithOtherDevice(
      Q[0],
      { type: 'single_choice', optionId: 'A' },
      { type: 'single_choice', optionId: 'C' },
      4,
    );
    const page = renderExam(api);
    expect(await screen.findByRole('radio', { name: 'A. 选项A' })).toBeChecked();
    await page.user.click(screen.getByRole('radio', { name: 'B. 选项B' }));

    const notice = await screen.findByText('第1题已在另一台设备上修改，已显示最新保存的答案');
    expect(notice.closest('[role="status"]')).toHaveAttribute('aria-live', 'polite');
    expect(screen.getByRole('radio', { name: 'C. 选项C' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'B. 选项B' })).not.toBeChecked();
    expect(screen.getByTestId('save-indicator')).toHaveTextContent('已保存');
    expect(api.requestsTo(getMyAttempt).length).toBeGreaterThanOrEqual(2);

    await page.user.click(screen.getByRole('radio', { name: 'D. 选项D' }));
    await waitFor(() => expect(api.requestsTo(saveMyAnswer)).toHaveLength(2));
    expect(savedBodies(api)).toEqual([
      [Q[0], { answer: { type: 'single_choice', optionId: 'B' }, seq: 3 }],
      [Q[0], { answer: { type: 'single_choice', optionId: 'D' }, seq: 5 }],
    ]);
    // The candidate changed it here again: the notice no longer holds.
    expect(screen.queryByText(/已在另一台设备上修改/)).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('save-indicator')).toHaveTextContent('已保存'));
  });

  it('puts the text saved on the other device in the answer box', async () => {
    const api = serverWithOtherDevice(
      Q[4],
      { type: 'essay', text: '我的家乡' },
      { type: 'essay', text: '家乡在江南' },
      7,
    );
    const page = renderExam(api);
    await page.user.click(await screen.findByRole('button', { name: '第5题 已作答' }));
    const box = screen.getByRole('textbox', { name: '作答' });
    expect(box).toHaveValue('我的家乡');
    fireEvent.change(box, { target: { value: '我的家乡很美' } });

    expect(
      // Saved after the typing pause, refused, the attempt read again.
      await screen.findByText('第5题已在另一台设备上修改，已显示最新保存的答案', undefined, {
        timeout: 3000,
      }),
    ).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: '作答' })).toHaveValue('家乡在江南');
    expect(gridButton('第5题 已作答')).toBeInTheDocument();
    await page.user.click(screen.getByRole('button', { name: '关闭提示' }));
    await waitFor(() => expect(screen.queryByText(/已在另一台设备上修改/)).not.toBeInTheDocument());
    expect(savedBodies(api)).toEqual([
      [Q[4], { answer: { type: 'essay', text: '我的家乡很美' }, seq: 3 }],
    ]);
  });
});
