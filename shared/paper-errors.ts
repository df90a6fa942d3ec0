/** The papers' error codes (issue 14 §2, §7), spread into shared/errors.ts ERRORS. */
export const PAPER_ERRORS = {
  PAPER_VERSION_CONFLICT: {
    status: 409,
    zh: '试卷已被他人修改，请刷新后在最新版本上编辑',
    en: 'Someone else changed the paper: reload it and edit the latest version',
  },
  PAPER_QUESTION_UNKNOWN: {
    status: 400,
    zh: '试卷中有题目不在本校题库中（可能已被删除）',
    en: "A question of the paper is not in the school's bank (it may have been deleted)",
  },
  PAPER_DRAW_POINTS_UNEQUAL: {
    status: 400,
    zh: '随机抽题的大题中，每道题的分值必须相同，否则考生的总分会不同',
    en: "A section that draws questions needs equal points on each, or candidates' papers are worth different totals",
  },
  EXAM_NOT_WRITTEN: {
    status: 409,
    zh: '只有笔试类考试才有试卷',
    en: 'Only written exams have papers',
  },
} as const;
