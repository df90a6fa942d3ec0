// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { i18next } from '../i18n/index.js';
import { ApiError } from './ApiError.js';
import { describeError } from './errors.js';

describe('describeError', () => {
  it('names the criteria a score left empty', () => {
    const error = ApiError.fromResponse(
      400,
      {
        error: {
          code: 'SCORE_CRITERION_MISSING',
          message: '请为每个评分项打分（可以打 0 分）',
          requestId: 'r1',
          issues: [
            { path: 'points.0', message: '专业知识' },
            { path: 'points.3', message: '仪表礼仪' },
          ],
        },
      },
      new Headers(),
    );
    expect(describeError(error, i18next.getFixedT('zh-CN'))).toBe(
      '请为每个评分项打分（可以打 0 分）：专业知识；仪表礼仪',
    );
    expect(describeError(error, i18next.getFixedT('en'))).toMatch(
      /^Give points for every criterion \(0 is allowed\).*专业知识.*仪表礼仪$/,
    );
  });
});
