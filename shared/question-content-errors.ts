/** Errors of what a question holds: formulas and pictures (issue 14 §1, §7), spread into ERRORS. */
export const QUESTION_CONTENT_ERRORS = {
  FORMULA_INVALID: {
    status: 400,
    zh: '公式无法解析：请检查 $…$ 是否成对、LaTeX 命令是否正确（美元符号本身请写作 \\$）',
    en: 'A formula cannot be parsed: check that each $ is closed and the LaTeX commands are right (write a literal dollar as \\$)',
  },
  QUESTION_IMAGE_NOT_IMAGE: {
    status: 400,
    zh: '文件不是可用的图片：题目图片只能是 PNG 或 JPEG，且必须能完整解码',
    en: 'The file is not a usable picture: question pictures must be PNG or JPEG and decode completely',
  },
  QUESTION_IMAGE_UNKNOWN: {
    status: 400,
    zh: '题目引用的图片不存在或不在本题库中，请重新插入图片',
    en: 'The question refers to a picture that does not exist or is not in this bank: insert it again',
  },
  QUESTION_IMAGE_ALT_MISSING: {
    status: 400,
    zh: '每张图片都需要文字说明（供读屏软件朗读），格式为 ![说明](image:…)',
    en: 'Every picture needs a description (read out by screen readers), written ![description](image:…)',
  },
} as const;
