/** The error codes of answer photos (上传作答, issue 14), spread into shared/errors.ts ERRORS. */
export const ANSWER_FILE_ERRORS = {
  ANSWER_FILE_NOT_IMAGE: {
    status: 415,
    zh: '只能上传 JPG 或 PNG 照片（以文件内容为准，修改扩展名无效）',
    en: 'Only JPG or PNG photos can be uploaded (judged by the content, not the name)',
  },
  ANSWER_FILES_FULL: {
    status: 409,
    zh: '本题的照片已达上限，请先删除一张再上传',
    en: 'This question already holds as many photos as it allows; remove one first',
  },
  ANSWER_FILE_UNKNOWN: {
    status: 400,
    zh: '答案中的照片不是本题已上传的照片',
    en: 'The answer names a photo that was not uploaded for this question',
  },
  QUESTION_NOT_FILE: {
    status: 400,
    zh: '本题不是上传作答题，不能上传照片',
    en: 'This question does not take photos',
  },
  PHONE_CAPTURE_NONE: {
    status: 409,
    zh: '电脑端没有请求手机拍照，请在电脑上点击“用手机拍照”',
    en: 'The PC has not asked for a photo; press 用手机拍照 on the PC first',
  },
} as const;
