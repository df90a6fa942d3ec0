/** The mock exam's error codes (模拟考试, issue 14 §2), spread into shared/errors.ts ERRORS. */
export const MOCK_ERRORS = {
  MOCK_EXAM_CLOSED: {
    status: 409,
    zh: '正式考试已开始，模拟考试已关闭',
    en: 'The formal exam has started; the mock exam is closed',
  },
  MOCK_EXAM_ENDED: {
    status: 409,
    zh: '本场考试已结束，模拟考试已关闭',
    en: 'This exam is over; the mock exam is closed',
  },
  MOCK_WITHDRAWN: {
    status: 409,
    zh: '您已放弃本场考试，不能再参加模拟考试',
    en: 'You gave up this exam, so the mock exam is no longer open to you',
  },
  MOCK_PAPER_MISSING: {
    status: 409,
    zh: '本场考试暂无模拟试卷',
    en: 'This exam has no mock paper',
  },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;
