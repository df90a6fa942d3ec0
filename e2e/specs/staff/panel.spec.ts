import { expect, test, type APIRequestContext } from '@playwright/test';
import {
  WORKING_DEVICES,
  callApi,
  confirmedRegistration,
  logInStaff,
  staffApi,
  useInterviewRules,
} from '../../fixtures/candidate.js';

// Issue 5 §4 as the panel sees it: a ready candidate in the 考场 list, 邀请 → 已邀请, the
// candidate accepts (API) → 面试中 with the timer, 结束面试 → done and the way to 评分.

interface Queue {
  items: { admissionNumber: string; candidateName: string; ticket: { state: string } }[];
}

/** 赵敏: a demo interview candidate no other journey uses (a `done` ticket is final). */
const ADMISSION_NUMBER = 'INT2026003';

async function interviewSessionId(api: APIRequestContext): Promise<string> {
  const mine = await callApi<{ items: { sessionId: string; examKind: string }[] }>(
    api,
    'GET',
    '/api/me/assignments',
  );
  const sessionId = mine.items.find((item) => item.examKind === 'interview')?.sessionId;
  if (!sessionId) throw new Error('panel1 has no interview session');
  return sessionId;
}

test('考场: invite a ready candidate, the interview runs on the server clock, 结束面试, 评分', async ({
  page,
  playwright,
  baseURL,
}) => {
  const restoreRules = await useInterviewRules({
    faceCheckRequired: false,
    secondCameraRequired: false,
  });
  const waiting1 = await staffApi('waiting1');
  const panel1 = await staffApi('panel1');
  const candidateApi = await playwright.request.newContext({ baseURL });
  try {
    const sessionId = await interviewSessionId(panel1);
    const queuePath = `/api/sessions/${sessionId}/waiting-room`;
    const admissionNumber = ADMISSION_NUMBER;

    // The candidate: check-in through the API, then 进入考试.
    const { registrationId, base } = await confirmedRegistration(candidateApi, admissionNumber);
    await callApi(candidateApi, 'PUT', `${base}/check-in/device`, WORKING_DEVICES);
    const state = await callApi<{ steps: { pledge: { state: string } } }>(
      candidateApi,
      'GET',
      `${base}/check-in`,
    );
    if (state.steps.pledge.state === 'pending') {
      await callApi(candidateApi, 'POST', `${base}/check-in/pledge`, { agree: true });
    }
    await callApi(candidateApi, 'POST', `${base}/waiting-room/enter`);

    // The waiting-room examiner checks and marks them ready.
    const ticketPath = `${queuePath}/${registrationId}`;
    await callApi(waiting1, 'POST', `${ticketPath}/call`);
    await callApi(waiting1, 'POST', `${ticketPath}/readiness`, { readiness: 'ready' });
    await callApi(waiting1, 'POST', `${ticketPath}/end-call`);
    const queued = await callApi<Queue>(panel1, 'GET', queuePath);
    const name = queued.items.find(
      (item) => item.admissionNumber === admissionNumber,
    )?.candidateName;
    const candidate = { admissionNumber, name: name ?? '' };

    // panel1 opens 考场 from the session list.
    await logInStaff(page, 'panel1');
    await page.waitForURL(/\/examiner/);
    await page.getByRole('link', { name: '考场', exact: true }).first().click();
    await expect(page).toHaveURL(new RegExp(`/examiner/sessions/${sessionId}/panel$`));
    // The panel examiner's own camera is on before anyone is in the room.
    await expect(page.getByTestId('local-preview')).toHaveAttribute('data-state', 'live');

    const row = page.getByRole('row').filter({ hasText: candidate.admissionNumber });
    await expect(row).toContainText(candidate.name);
    await row.getByRole('button', { name: `邀请 ${candidate.name}` }).click();
    const current = page.getByTestId('panel-current');
    await expect(current).toContainText('已邀请，等待考生确认');
    await expect(current.getByRole('button', { name: '取消邀请' })).toBeVisible();
    await expect(row).toBeHidden();

    // The candidate accepts: the page follows live (queue:changed), the timer runs.
    await callApi(candidateApi, 'POST', `${base}/waiting-room/accept`);
    await expect(current).toContainText('面试中');
    const timer = page.getByTestId('panel-interview-timer');
    await expect(timer).toContainText(/已进行 \d\d:\d\d/);
    const first = await timer.textContent();
    await expect(timer).not.toHaveText(first ?? '', { timeout: 5_000 });

    // 结束面试 asks first.
    await current.getByRole('button', { name: '结束面试' }).click();
    const confirm = page.getByRole('dialog').filter({ hasText: '确定结束' });
    await expect(confirm).toContainText(candidate.name);
    await confirm.getByRole('button', { name: '结束面试' }).click();
    await expect(current.getByRole('link', { name: `为 ${candidate.name} 评分` })).toHaveAttribute(
      'href',
      `/examiner/sessions/${sessionId}/scores`,
    );
    const after = await callApi<Queue>(panel1, 'GET', queuePath);
    expect(
      after.items.find((item) => item.admissionNumber === candidate.admissionNumber)?.ticket.state,
    ).toBe('done');
  } finally {
    await candidateApi.dispose();
    await waiting1.dispose();
    await panel1.dispose();
    await restoreRules();
  }
});
