import { expect } from '@playwright/test';
import { logInByAdmission, myExamRow } from '../../fixtures/candidate.js';
import { journeyPaper } from '../../fixtures/paper.js';
import { test } from '../../fixtures/world.js';

// 模拟考试 (seed 003, issue 14 §2): before the written exam, the candidate opens the mock paper
// from the 准考证, answers, hands in at any time and sees the score with the correct answers at
// once; any number of attempts, each listed with its score.

test('李四 practises on the mock paper twice before the exam, scored at once', async ({
  createWorld,
  page,
}) => {
  const world = await createWorld({
    kind: 'written',
    session: { startsInSeconds: 3_600 },
    rules: { faceCheckRequired: false, durationMinutes: 30, minMinutesBeforeSubmit: 20 },
    candidates: ['李四'],
  });
  await journeyPaper(world, 'mock');

  await logInByAdmission(page, world, world.candidate('李四'));
  await myExamRow(page, world).getByRole('button', { name: '准考证' }).click();
  await page
    .getByRole('dialog', { name: '准考证' })
    .getByRole('button', { name: '模拟考试' })
    .click();
  await expect(page.getByRole('heading', { name: '模拟考试', level: 1 })).toBeVisible();
  await expect(page.getByText('还没有模拟记录')).toBeVisible();

  await page.getByRole('button', { name: '开始模拟' }).click();
  await expect(page.getByText('模拟考试 · 不计入成绩 · 可随时交卷')).toBeVisible();
  await page.getByRole('radio', { name: 'put off' }).check();
  await expect(page.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
  // No minimum time in a mock: 交卷 at once, even with questions left.
  await page.getByRole('button', { name: /^交卷$/ }).click();
  const confirm = page.getByRole('dialog', { name: '确认交卷' });
  await expect(confirm).toContainText('您还有 4 题未作答');
  await confirm.getByRole('button', { name: '确认交卷' }).click();

  // The single choice right (4 points), the rest unanswered; the essay is not scored.
  await expect(page.getByRole('heading', { name: '模拟考试成绩' })).toBeVisible();
  await expect(page.getByText('得分 4 分')).toBeVisible();
  await expect(page.getByText('客观题满分 12 分，全卷 20 分')).toBeVisible();
  await expect(page.getByText('A. put off').first()).toBeVisible();

  // Again: a second attempt, and both are listed.
  await page.getByRole('button', { name: '返回模拟考试' }).click();
  await expect(page.getByRole('row').filter({ hasText: '4 / 20 分' })).toHaveCount(1);
  await page.getByRole('button', { name: '开始模拟' }).click();
  await page.getByRole('button', { name: /^交卷$/ }).click();
  await page
    .getByRole('dialog', { name: '确认交卷' })
    .getByRole('button', { name: '确认交卷' })
    .click();
  await expect(page.getByText('得分 0 分')).toBeVisible();
  await page.getByRole('button', { name: '返回模拟考试' }).click();
  await expect(page.getByRole('row').filter({ hasText: /\d+ \/ 20 分/ })).toHaveCount(2);
});
