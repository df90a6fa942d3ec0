/** The written exam's error codes (issue 14 §7), spread into shared/errors.ts ERRORS. */
export const WRITTEN_EXAM_ERRORS = {
  ANSWER_TYPE_MISMATCH: {
    status: 400,
    zh: '答案与题型不符',
    en: 'The answer does not match the type of the question',
  },
  CHOICE_NOT_IN_QUESTION: {
    status: 400,
    zh: '所选选项不属于本题',
    en: 'A chosen option is not one of the question',
  },
  BLANK_COUNT_MISMATCH: {
    status: 400,
    zh: '填空数量与题目不符',
    en: 'The number of blanks does not match the question',
  },
  ANSWER_TOO_LONG: {
    status: 400,
    zh: '答案超过本题的字数限制',
    en: "The answer is longer than the question's limit",
  },
  ANSWER_TOO_MANY_FILES: {
    status: 400,
    zh: '上传的文件超过本题允许的数量',
    en: 'More files than the question allows',
  },
  PAPER_MISSING: {
    status: 409,
    zh: '本场考试尚未设置试卷，请联系考务人员',
    en: 'This exam has no paper yet; contact the exam staff',
  },
  QUESTION_NOT_IN_ATTEMPT: {
    status: 404,
    zh: '该题目不在您的试卷中',
    en: 'This question is not on your paper',
  },
  ANSWER_SEQ_STALE: {
    status: 409,
    zh: '服务器上已有更新的答案，本次保存未覆盖它',
    en: 'A newer answer is already saved; this one did not replace it',
  },
  ATTEMPT_NOT_OPEN_YET: {
    status: 409,
    zh: '考试尚未开始，请在开考后作答',
    en: 'The exam has not started yet; answering opens at the start',
  },
  ATTEMPT_CLOSED: {
    status: 409,
    zh: '考试已结束或已交卷，答案未能保存',
    en: 'The exam is over or the paper was submitted; the answer was not saved',
  },
  SUBMIT_TOO_EARLY: {
    status: 409,
    zh: '未到最早交卷时间，暂不能交卷',
    en: 'It is too early to submit; submitting opens later',
  },
  FACE_CHECK_AT_SUBMIT_REQUIRED: {
    status: 409,
    zh: '交卷前请先完成人脸识别',
    en: 'Take the face check before submitting',
  },
  FACE_CHECK_AT_SUBMIT_OFF: {
    status: 409,
    zh: '本场考试交卷时无需人脸识别',
    en: 'This exam needs no face check at submit',
  },
  QUESTION_KEY_TAKEN: {
    status: 409,
    zh: '题号已被题库中的另一道题使用',
    en: 'Another question of the bank already has this key (题号)',
  },
  QUESTION_FILE_UNREADABLE: {
    status: 400,
    zh: '无法读取题目文件，请使用下载的 xlsx 模板、按【单选题】格式编写的 Word（.docx）文件或 UTF-8 编码的 GIFT 文本',
    en: 'The question file cannot be read; use the xlsx template, a Word (.docx) file marked 【单选题】 etc., or GIFT text in UTF-8',
  },
  ATTEMPT_EVENTS_LIMIT: {
    status: 429,
    zh: '本场考试记录的页面事件已达上限，后续事件不再记录',
    en: "This attempt's event log is full; further events are not recorded",
  },
  EVENT_NOT_FOUND: {
    status: 404,
    zh: '该页面事件尚未送达服务器，请稍后重试',
    en: 'This page event has not reached the server yet; try again shortly',
  },
  EVIDENCE_NOT_TAKEN: {
    status: 409,
    zh: '只有 AI 监考提醒可以附带截图',
    en: "Only the AI monitor's flags carry a snapshot",
  },
  EXTRA_TIME_BEYOND_SESSION: {
    status: 409,
    zh: '该考生的作答时间已到考场结束时间，不能再加时',
    en: "The candidate's time already runs to the session's end; no more time can be added",
  },
  ATTEMPT_ALREADY_SUBMITTED: {
    status: 409,
    zh: '该考生已交卷，无需再强制交卷',
    en: 'This candidate has already submitted; there is nothing to force',
  },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

/**
 * The one issue of an ANSWER_SEQ_STALE answer: the seq the server holds for the question. Equal
 * to the seq sent, it is a replay whose acknowledgement was lost (the answer is stored); higher,
 * another device stored a newer answer, which the page has to fetch and show.
 */
export function staleSeqIssue(storedSeq: number): { path: string; message: string } {
  return { path: 'seq', message: `stored ${String(storedSeq)}` };
}

/** The stored seq an ANSWER_SEQ_STALE answer names, if it names one (an older server does not). */
export function storedSeqOfIssues(
  issues: readonly { path: string; message: string }[],
): number | null {
  for (const issue of issues) {
    const match = issue.path === 'seq' ? /^stored (\d+)$/.exec(issue.message) : null;
    if (match?.[1]) return Number(match[1]);
  }
  return null;
}
