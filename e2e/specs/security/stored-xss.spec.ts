import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { callApi, DEMO_ADMIN, uploadFile } from '../../fixtures/api.js';
import {
  checkedIn,
  logInByAdmission,
  logInStaff,
  openStaffSession,
  ticketPath,
} from '../../fixtures/candidate.js';
import { expect, PHOTOS, test } from '../../fixtures/world.js';

// Stored XSS (issue 12): markup typed into the free-text fields a candidate or a staff member can
// fill comes back on other people's pages as the text that was typed, and nothing of it runs.
// Names cannot carry markup at all (personNameSchema refuses it); these fields can.

/** What an attacker types: an image whose error handler runs, and a script. */
const attack = (where: string) =>
  `${where} <img src=x onerror="window.__xss='${where}'"><script>window.__xss='${where}'</script>`;

/** Fails the test when anything the attack planted ran on the page (a dialog or the marker). */
function watchForScripts(page: Page): () => Promise<void> {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return async () => {
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as { __xss?: string }).__xss ?? null)).toBeNull();
    // Markup that became elements, whether or not the Content-Security-Policy then stopped it.
    expect(await page.locator('[onerror], [onclick], script:not([src])').count()).toBe(0);
  };
}

test('markup typed into notes, reasons, file names and announcements is shown as text and never runs', async ({
  browser,
  createWorld,
}) => {
  const world = await createWorld({
    rules: { faceCheckRequired: false, secondCameraRequired: false },
    candidates: ['李四'],
    waitingExaminer: '陈老师',
    panel: ['林老师'],
  });
  const li = world.candidate('李四');

  // An announcement with markup in its title and body (the body is rich text, sanitised).
  const title = attack('公告标题');
  await callApi(world.admin, 'POST', '/api/admin/announcements', {
    title,
    bodyHtml: `<p>${attack('公告正文')}</p><p onclick="window.__xss='onclick'">请按时参加</p>`,
    published: true,
  });

  // The candidate reports wrong roster data with markup, and is checked in.
  const candidateApi = await world.newApi();
  const registration = await checkedIn(candidateApi, world, li);
  const reportText = attack('信息有误');
  await callApi(candidateApi, 'POST', `${registration.base}/identity/reports`, {
    message: reportText,
  });
  await callApi(candidateApi, 'POST', `${registration.base}/waiting-room/enter`);
  // A document whose file name is markup (a name keeps only its last path part: no slash here).
  const fileName = `身份证<img src=x onerror=window.__xss=1>.png`;
  await uploadFile(candidateApi, '/api/me/documents', {
    name: fileName,
    buffer: readFileSync(PHOTOS.cameraman),
  });
  await callApi(candidateApi, 'POST', '/api/me/documents/submit', {});

  // The 候考官 marks the candidate ready with a note full of markup.
  const waiting = await world.apiOf(world.waitingExaminer);
  const ticket = ticketPath(world, registration.registrationId);
  const note = attack('备注');
  await callApi(waiting, 'POST', `${ticket}/call`);
  await callApi(waiting, 'POST', `${ticket}/readiness`, { readiness: 'ready', note });
  await callApi(waiting, 'POST', `${ticket}/end-call`);

  // The candidate reads the announcement: its title as typed, the body without its markup.
  const candidate = await browser.newPage();
  const candidateRan = watchForScripts(candidate);
  await logInByAdmission(candidate, world, li);
  await candidate.getByRole('button', { name: title }).click();
  const notice = candidate.getByRole('dialog', { name: title });
  await expect(notice).toContainText('公告正文');
  await expect(notice).toContainText('请按时参加');
  await notice.getByText('请按时参加').click();
  await candidateRan();

  // The admin reads the report: the message exactly as the candidate typed it.
  const admin = await browser.newPage();
  const adminRan = watchForScripts(admin);
  await logInStaff(admin, DEMO_ADMIN);
  await expect(admin).toHaveURL(/\/admin$/);
  await admin.goto('/admin/reports');
  await expect(admin.getByText(reportText)).toBeVisible();
  // …and the document under review, its file name as uploaded.
  await admin.goto('/admin/reviews');
  await admin
    .getByRole('row')
    .filter({ hasText: li.name })
    .filter({ hasText: world.college.name })
    .getByRole('button', { name: '审核', exact: true })
    .click();
  const review = admin.getByRole('dialog', { name: `材料审核：${li.name}` });
  await expect(review.getByText(fileName).first()).toBeVisible();
  await adminRan();

  // The panel sees the 候考官's note exactly as typed, in its list of ready candidates.
  const panel = await browser.newPage();
  const panelRan = watchForScripts(panel);
  await openStaffSession(panel, world, world.chair, '主考官', '考场');
  await expect(panel.getByText(note)).toBeVisible();
  await panelRan();

  await Promise.all([candidate.close(), admin.close(), panel.close()]);
});
