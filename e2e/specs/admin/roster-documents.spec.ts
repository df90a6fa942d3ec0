import { expectNoAxeViolations } from '../../fixtures/axe.js';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { PNG } from 'pngjs';
import { DEMO_ADMIN } from '../../fixtures/api.js';
import { logInByAdmission, logInStaff, myExamRow } from '../../fixtures/candidate.js';
import { PHOTOS, expect, test, type World } from '../../fixtures/world.js';
import { beijingTimeRange, type RosterPerson } from '../../fixtures/world-data.js';

const HEADER = ['姓名', '身份证号', '手机号', '准考证号', '学院', '考场'];

const rowOf = (world: World, person: RosterPerson) => [
  person.name,
  person.idNumber,
  person.phone,
  person.admissionNumber,
  world.college.name,
  world.session.name,
];

async function rosterFile(rows: string[][]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('考生名单');
  sheet.addRow(HEADER);
  for (const row of rows) sheet.addRow(row);
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return {
    name: '考生名单.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer,
  };
}

const photo = {
  name: '身份证正面.png',
  mimeType: 'image/png',
  buffer: readFileSync(PHOTOS.cameraman),
};
const pdf = (name: string) => ({
  name,
  mimeType: 'application/pdf',
  buffer: Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  ),
});

/** Chooses `file` in the file dialog that a click on `button` opens, as the admin does. */
async function chooseFile(page: Page, button: Locator, file: URL, name: string) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button.click()]);
  await chooser.setFiles({ name, mimeType: 'image/png', buffer: readFileSync(file) });
}

/** The pixels of a PNG, to tell two photos apart whatever the server's re-encoding changed. */
const pixels = (png: Buffer) => PNG.sync.read(png).data;

/** The review drawer of a candidate (材料审核：name), opened from the queue. */
async function openReview(admin: Page, world: World, person: RosterPerson) {
  await admin.goto('/admin/reviews');
  const row = admin
    .getByRole('row')
    .filter({ hasText: person.name })
    .filter({ hasText: world.college.name });
  await row.getByRole('button', { name: '审核', exact: true }).click();
  const drawer = admin.getByRole('dialog', { name: `材料审核：${person.name}` });
  await expect(drawer).toBeVisible();
  return drawer;
}

test('roster import with a bad row, documents review with a rejection, then attendance', async ({
  browser,
  createWorld,
}) => {
  test.setTimeout(120_000);
  const world = await createWorld({ rules: { faceCheckRequired: false } });
  const qian = world.newPerson('钱七');
  const zhao = world.newPerson('赵六');
  /** 赵六's row with a wrong check character: the import must name its line. */
  const typo = rowOf(world, zhao).map((cell, index) =>
    index === 1 ? cell.slice(0, 17) + (cell.endsWith('0') ? '1' : '0') : cell,
  );

  const admin = await browser.newPage();
  await logInStaff(admin, DEMO_ADMIN);
  await expect(admin).toHaveURL(/\/admin$/);
  await admin.getByRole('menuitem', { name: '考试管理' }).click();
  await expect(admin.getByRole('row').filter({ hasText: world.exam.code })).toBeVisible();
  await expectNoAxeViolations(admin, 'admin exam list');
  await test.step('issue 11: the admin’s date column names its zone', async () => {
    await admin
      .getByRole('row')
      .filter({ hasText: world.exam.code })
      .getByRole('button', { name: '考场', exact: true })
      .click();
    const sessions = admin.getByRole('dialog', { name: `考场管理：${world.exam.name}` });
    await expect(sessions.getByRole('columnheader', { name: '日期 (北京时间)' })).toBeVisible();
    await expect(
      sessions.getByRole('row').filter({ hasText: world.session.name }).getByRole('cell').first(),
    ).toHaveText(beijingTimeRange(world.session, { withZone: false }));
    await sessions.getByRole('button', { name: '关闭' }).click();
    await expect(sessions).toBeHidden();
  });
  await admin
    .getByRole('row')
    .filter({ hasText: world.exam.code })
    .getByRole('button', { name: '考生名单' })
    .click();

  // One bad row: the import names its line and column, and imports nothing.
  await admin
    .getByLabel('选择名单文件')
    .setInputFiles(await rosterFile([rowOf(world, qian), typo]));
  const errors = admin.getByRole('table').filter({ hasText: '行号' });
  const typoRow = errors.getByRole('row').filter({ hasText: typo[1] ?? '' });
  await expect(typoRow.getByRole('cell').first()).toHaveText('3');
  await expect(errors.getByRole('row')).toHaveCount(2);
  await expect(admin.getByRole('button', { name: '导入', exact: true })).toBeDisabled();

  // Fixed, the same file imports cleanly.
  await admin
    .getByLabel('选择名单文件')
    .setInputFiles(await rosterFile([rowOf(world, qian), rowOf(world, zhao)]));
  await admin.getByRole('button', { name: '导入', exact: true }).click();
  await expect(admin.getByRole('alert').filter({ hasText: '导入完成' })).toContainText('新增 2');

  await test.step('issue 11: a reference photo uploaded, then replaced, in the roster', async () => {
    const zhaoRow = admin.getByRole('row').filter({ hasText: zhao.admissionNumber });
    const qianRow = admin.getByRole('row').filter({ hasText: qian.admissionNumber });
    const upload = zhaoRow.getByRole('button', { name: `上传照片：${zhao.name}` });
    const replace = zhaoRow.getByRole('button', { name: `更换照片：${zhao.name}` });
    const photoCell = zhaoRow
      .getByRole('cell')
      .filter({ has: admin.getByRole('button') })
      .first();
    const saved = admin.getByText(`${zhao.name} 的照片已保存，人脸识别将与新照片比对`);
    await expect(photoCell).toHaveText(/^无\s*上传照片$/);
    await chooseFile(admin, upload, PHOTOS.eileenCollins, `${zhao.name}.png`);
    await expect(saved).toBeVisible();
    await expect(photoCell).toHaveText(/^有\s*更换照片$/);
    await expect(upload).toHaveCount(0);
    // The other candidate still has none.
    await expect(qianRow.getByRole('button', { name: `上传照片：${qian.name}` })).toBeVisible();
    await expect(saved).toBeHidden();

    await chooseFile(admin, replace, PHOTOS.cameraman, `${zhao.name}-新.png`);
    await expect(saved).toBeVisible();
    await expect(photoCell).toHaveText(/^有\s*更换照片$/);
    await expect(qianRow.getByRole('button', { name: `上传照片：${qian.name}` })).toBeVisible();
  });

  // The new candidate logs in with the exam ID and admission number and uploads two documents.
  const candidate = await browser.newPage();
  await logInByAdmission(candidate, world, zhao);
  await candidate.getByRole('link', { name: /上传材料/ }).click();
  await candidate.getByLabel('选择文件').setInputFiles([photo, pdf('学历证明.pdf')]);
  const documents = candidate.getByRole('table');
  await expect(documents.getByRole('row').filter({ hasText: '学历证明.pdf' })).toBeVisible();
  await expect(documents.getByRole('row').filter({ hasText: '身份证正面.png' })).toBeVisible();
  await candidate.getByRole('button', { name: '提交审核' }).click();
  await candidate
    .getByRole('dialog')
    .getByRole('button', { name: /确\s?定/ })
    .click();
  await expect(candidate.getByText('材料已提交，请等待审核')).toBeVisible();

  // The admin rejects, marking the photo: the 不通过 dialog lists it and asks why.
  let review = await openReview(admin, world, zhao);
  await expect(review.getByRole('img', { name: /身份证正面/ })).toBeVisible();
  const mark = review
    .locator('.ant-card')
    .filter({ hasText: '身份证正面.png' })
    .getByRole('checkbox', { name: '标记为有问题' });
  await mark.check();
  await expect(mark).toBeChecked();
  await review.getByRole('button', { name: '不通过' }).click();
  const reject = admin.getByRole('dialog', { name: `审核不通过：${zhao.name}` });
  await expect(reject.getByRole('listitem')).toHaveText(['身份证正面.png']);
  await reject.getByLabel('未通过原因，考生可见').fill('身份证照片不清晰，请重新拍摄');
  await reject.getByRole('button', { name: /确\s?定/ }).click();
  // Rejected: both the dialog and the drawer close, and the candidate is under 未通过.
  await expect(admin.getByText('已设为未通过')).toBeVisible();
  await expect(reject).toBeHidden();
  await expect(review).toBeHidden();
  await admin.getByRole('tab', { name: '未通过' }).click();
  await expect(
    admin.getByRole('row').filter({ hasText: zhao.name }).filter({ hasText: world.college.name }),
  ).toBeVisible();

  // The candidate sees why, replaces the photo and submits again.
  await candidate.reload();
  await expect(candidate.getByText('审核未通过：身份证照片不清晰，请重新拍摄')).toBeVisible();
  await expect(documents.getByRole('row').filter({ hasText: '身份证正面.png' })).toContainText(
    '已标记问题',
  );
  await expect(documents.getByRole('row').filter({ hasText: '学历证明.pdf' })).not.toContainText(
    '已标记问题',
  );
  await documents
    .getByRole('row')
    .filter({ hasText: '身份证正面.png' })
    .getByRole('button', { name: /删\s?除/ })
    .click();
  await candidate
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /删\s?除/ })
    .click();
  await expect(documents.getByRole('row').filter({ hasText: '身份证正面.png' })).toBeHidden();
  await candidate.getByLabel('选择文件').setInputFiles([pdf('身份证扫描件.pdf')]);
  await expect(documents.getByRole('row').filter({ hasText: '身份证扫描件.pdf' })).toBeVisible();
  await candidate.getByRole('button', { name: '重新提交审核' }).click();
  await candidate
    .getByRole('dialog')
    .getByRole('button', { name: /确\s?定/ })
    .click();
  await expect(candidate.getByText('材料已提交，请等待审核')).toBeVisible();

  // The admin approves.
  review = await openReview(admin, world, zhao);
  await review.getByRole('button', { name: '审核通过' }).click();
  await admin.getByRole('button', { name: /确\s?定/ }).click();
  await expect(admin.getByText('已审核通过')).toBeVisible();
  await expect(review).toBeHidden();
  await admin.close();

  // The candidate sees 审核通过 on the home page and confirms attendance on the ticket.
  await candidate.goto('/candidate');
  await expect(candidate.getByText('审核通过')).toBeVisible();
  await myExamRow(candidate, world).getByRole('button', { name: '准考证' }).click();
  const ticket = candidate.getByRole('dialog', { name: '准考证' });
  await expect(ticket).toContainText(zhao.admissionNumber);
  // The 准考证 shows the photo the admin put in place of the first.
  const ticketPhoto = ticket.getByRole('img', { name: `${zhao.name}的照片` });
  await expect(ticketPhoto).toBeVisible();
  const shown = await candidate.request.get((await ticketPhoto.getAttribute('src')) ?? '');
  expect(shown.ok()).toBe(true);
  const shownPixels = pixels(await shown.body());
  expect(shownPixels.equals(pixels(readFileSync(PHOTOS.cameraman)))).toBe(true);
  await ticket.getByRole('button', { name: '我确认参加' }).click();
  await expect(ticket).toContainText('已确认参加');
  await candidate.close();
});
