import { expect, test } from '@playwright/test';
import { logInStaff } from '../../fixtures/candidate.js';

test('the admin sets the 评分表, the chair scores and confirms, the admin publishes', async ({
  browser,
}) => {
  const admin = await (await browser.newContext()).newPage();
  await logInStaff(admin, 'admin');
  await admin.waitForURL(/\/admin/);
  const exams = (await (await admin.request.get('/api/admin/exams')).json()) as {
    items: { id: string; code: string }[];
  };
  const examId = exams.items.find((item) => item.code === 'INT2026')?.id ?? '';
  await admin.goto(`/admin/exams/${examId}/scoring`);
  await admin.getByLabel('1. 评分项名称').fill('内容');
  await admin.getByLabel('满分').first().fill('60');
  await admin.getByRole('button', { name: '添加评分项' }).click();
  await admin.getByLabel('2. 评分项名称').fill('语言');
  await admin.getByLabel('满分').nth(1).fill('40');
  await admin.getByRole('button', { name: '保存评分表' }).click();
  await expect(admin.getByText('评分表已保存')).toBeVisible();
  await expect(admin.getByText('总分 100')).toBeVisible();

  const chair = await (await browser.newContext()).newPage();
  await logInStaff(chair, 'panel1');
  await chair.waitForURL(/\/examiner/);
  const mine = (await (await chair.request.get('/api/me/assignments')).json()) as {
    items: { sessionId: string; examKind: string }[];
  };
  const sessionId = mine.items.find((item) => item.examKind === 'interview')?.sessionId ?? '';
  await chair.goto(`/examiner/sessions/${sessionId}/scores`);
  // 赵敏 was interviewed by the panel journey just before (staff/panel.spec.ts); candidates not
  // interviewed yet cannot be scored.
  await expect(chair.getByRole('row', { name: /INT2026004/ })).toContainText('未面试');
  const row = chair.getByRole('row', { name: /INT2026003/ });
  await expect(row).toContainText('已面试');
  await row.getByRole('button').first().click();
  const form = chair.getByRole('form', { name: '赵敏 的评分' });
  await form.getByLabel('内容（满分 60）').fill('50.5');
  await form.getByLabel('语言（满分 40）').fill('30');
  await form.getByRole('button', { name: '保存评分' }).click();
  await expect(chair.getByText('评分已保存')).toBeVisible();
  await expect(form.getByText('总分 80.5 / 100')).toBeVisible();
  await expect(chair.getByText('成绩（平均分）：80.5')).toBeVisible();
  await chair.getByRole('button', { name: '确认成绩' }).click();
  await chair.getByRole('button', { name: /确\s?定|OK/ }).click();
  await expect(chair.getByText('成绩已确认', { exact: true })).toBeVisible();
  await expect(chair.getByText('成绩已确认，评分已锁定')).toBeVisible();

  await admin.reload();
  await expect(admin.getByText('已有考官评分，评分表不能再修改')).toBeVisible();
  const result = admin.getByRole('row', { name: /INT2026003/ });
  await expect(result).toContainText('80.5');
  await expect(result).toContainText('已确认');
  await admin.getByRole('button', { name: '公布成绩' }).click();
  await admin.getByRole('button', { name: /确\s?定|OK/ }).click();
  await expect(admin.getByText('成绩已公布').first()).toBeVisible();
});
