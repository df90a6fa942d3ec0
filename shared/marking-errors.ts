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
  MARK_SAME_MARKER: {
    status: 409,
    zh: '双评：您已评过这份答卷，同一份答卷须由另一位阅卷人评分',
    en: 'Double marking: you have marked this paper already; another marker must mark it',
  },
  MARK_ALREADY_FINAL: {
    status: 409,
    zh: '双评：这份答卷已有最终得分，无需再评',
    en: 'Double marking: this paper has its final mark already',
  },
  MARKERS_WRITTEN_ONLY: {
    status: 400,
    zh: '只有笔试的考场可以指派阅卷人',
    en: 'Markers can only be assigned to sessions of written exams',
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
