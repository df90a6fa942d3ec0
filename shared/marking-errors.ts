/** The marking and written results' error codes (issue 14 §6), spread into shared/errors.ts ERRORS. */
export const MARKING_ERRORS = {
  MARK_POINTS_OVER_MAX: {
    status: 400,
    zh: '给分超过本题满分',
    en: "The points are more than the question's full marks",
  },
  MARK_ATTEMPT_NOT_SUBMITTED: {
    status: 409,
    zh: '该答卷尚未交卷，交卷后才能阅卷',
    en: 'This paper has not been submitted yet; it can be marked once submitted',
  },
  MARK_QUESTION_OBJECTIVE: {
    status: 409,
    zh: '客观题在交卷时已自动评分，无需阅卷',
    en: 'Objective questions are scored at submission; they are not marked by hand',
  },
  MARKING_INCOMPLETE: {
    status: 409,
    zh: '仍有已交答卷的主观题未阅完，暂不能公布成绩',
    en: 'Some submitted papers still have unmarked answers; results cannot be published yet',
  },
  WRITTEN_ATTEMPTS_OPEN: {
    status: 409,
    zh: '仍有考生正在作答，暂不能公布成绩',
    en: 'Some candidates are still sitting the exam; results cannot be published yet',
  },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;
