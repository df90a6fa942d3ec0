/** Errors of what a question holds: formulas and pictures (issue 14 §1, §7), spread into ERRORS. */
export const QUESTION_CONTENT_ERRORS = {
  FORMULA_INVALID: {
    status: 400,
    zh: '公式无法解析（$ 须成对；美元符号写作 \\$）',
    en: 'A formula cannot be parsed ($ must be paired; write a dollar as \\$)',
  },
  QUESTION_IMAGE_NOT_IMAGE: {
    status: 400,
    zh: '图片须为可解码的 PNG 或 JPEG',
    en: 'The picture must be a PNG or JPEG that decodes',
  },
  QUESTION_IMAGE_UNKNOWN: {
    status: 400,
    zh: '引用的图片不在本题库中',
    en: 'The picture named is not in this bank',
  },
  QUESTION_IMAGE_ALT_MISSING: {
    status: 400,
    zh: '图片须有说明：![说明](image:…)',
    en: 'A picture needs its description: ![description](image:…)',
  },
} as const;
