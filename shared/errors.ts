import { z } from 'zod';
import { ANSWER_FILE_ERRORS } from './answer-file-errors.js';
import { MARKING_ERRORS } from './marking-errors.js';
import { MOCK_ERRORS } from './mock-errors.js';
import { PAPER_ERRORS } from './paper-errors.js';
import { QUESTION_CONTENT_ERRORS } from './question-content-errors.js';
import { WRITTEN_EXAM_ERRORS } from './written-exam-errors.js';

/**
 * Every error code the API can answer with, its HTTP status and a sentence in each language.
 * The server sends the code and the message in the caller's language; the web app shows its own
 * translation of the code, so a message never has to be parsed.
 */
export const ERRORS = {
  ...WRITTEN_EXAM_ERRORS,
  ...PAPER_ERRORS,
  ...QUESTION_CONTENT_ERRORS,
  ...MARKING_ERRORS,
  ...MOCK_ERRORS,
  ...ANSWER_FILE_ERRORS,
  VALIDATION_FAILED: { status: 400, zh: '提交的内容不符合要求', en: 'The request is not valid' },
  BAD_REQUEST: { status: 400, zh: '请求格式错误', en: 'The request could not be read' },
  TEXT_NOT_STORABLE: {
    status: 400,
    zh: '内容含有无法保存的字符（如空字符 U+0000），请删除后重试',
    en: 'The text holds characters that cannot be stored (such as U+0000); remove them and try again',
  },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please log in' },
  INVALID_CREDENTIALS: {
    status: 401,
    zh: '账号或密码错误',
    en: 'The account or password is wrong',
  },
  SMS_CODE_INVALID: {
    status: 401,
    zh: '验证码错误或已过期',
    en: 'The verification code is wrong or has expired',
  },
  PASSWORD_RESET_EXPIRED: {
    status: 401,
    zh: '验证已失效，请重新获取短信验证码',
    en: 'The verification has expired; request a new SMS code',
  },
  ADMISSION_NOT_FOUND: {
    status: 401,
    zh: '考试ID或准考证号错误',
    en: 'The exam ID or admission number is wrong',
  },
  FORBIDDEN: { status: 403, zh: '您没有权限进行此操作', en: 'You are not allowed to do this' },
  CSRF_FAILED: {
    status: 403,
    zh: '页面已过期，请刷新后重试',
    en: 'The page has expired; reload it and try again',
  },
  ACCOUNT_DISABLED: {
    status: 403,
    zh: '账号已停用，请联系管理员',
    en: 'This account is disabled; contact your administrator',
  },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    zh: '首次登录请先修改密码',
    en: 'Change your password before you continue',
  },
  NOT_FOUND: { status: 404, zh: '请求的内容不存在', en: 'Not found' },
  COLLEGE_MISMATCH: {
    status: 409,
    zh: '所选学院与报名信息不符',
    en: 'The selected college does not match your registration',
  },
  CONFLICT: {
    status: 409,
    zh: '数据已被修改，请刷新后重试',
    en: 'The data changed; reload and retry',
  },
  DUPLICATE: {
    status: 409,
    zh: '已存在相同的记录',
    en: 'A record with the same key already exists',
  },
  INVALID_TIME_RANGE: {
    status: 400,
    zh: '结束时间须晚于开始时间',
    en: 'The end must be after the start',
  },
  PASSWORD_REUSED: {
    status: 409,
    zh: '新密码不能与原密码相同',
    en: 'The new password must differ from the old one',
  },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '提交的内容过大', en: 'The request is too large' },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    zh: '不支持的内容格式',
    en: 'This content type is not supported',
  },
  FILE_TOO_LARGE: {
    status: 413,
    zh: '文件超过大小限制',
    en: 'The file is larger than allowed',
  },
  FILE_TYPE_NOT_ALLOWED: {
    status: 415,
    zh: '不支持该文件格式（以文件内容为准，修改扩展名无效）',
    en: 'This file type is not accepted (judged by its content, not its name)',
  },
  FILE_DAMAGED: {
    status: 400,
    zh: '文件已损坏或内容与格式不符，请重新导出或拍摄后上传',
    en: 'The file is damaged or its content does not match its type; export or take it again and upload it',
  },
  STORAGE_FULL: {
    status: 507,
    zh: '服务器存储空间已满，文件未能保存。已保存的文件不受影响，请稍后重试或联系考务人员',
    en: 'The server has run out of storage space and the file was not saved. Files already saved are safe; try again later or tell the exam staff',
  },
  TOO_MANY_FILES: {
    status: 409,
    zh: '文件数量已达上限',
    en: 'The maximum number of files is reached',
  },
  ARCHIVE_REJECTED: {
    status: 400,
    zh: '压缩文件无法安全解压（文件过多、过大或已损坏）',
    en: 'The archive cannot be unpacked safely (too many or too large entries, or damaged)',
  },
  SPREADSHEET_UNREADABLE: {
    status: 400,
    zh: '无法读取表格，请使用下载的模板（xlsx 或 csv）',
    en: 'The spreadsheet cannot be read; use the template (xlsx or csv)',
  },
  TOO_MANY_ROWS: {
    status: 400,
    zh: '表格行数超过上限，请拆分后分批导入',
    en: 'The sheet has too many rows; split it and import in parts',
  },
  DOCUMENTS_LOCKED: {
    status: 409,
    zh: '材料已提交审核或已通过，不能再修改',
    en: 'The documents are under review or approved and cannot be changed',
  },
  NO_DOCUMENTS: {
    status: 400,
    zh: '请先上传材料再提交审核',
    en: 'Upload at least one document before submitting',
  },
  REVIEW_NOT_PENDING: {
    status: 409,
    zh: '该考生的材料不在待审核状态',
    en: "This candidate's documents are not awaiting review",
  },
  CAPTCHA_INVALID: {
    status: 400,
    zh: '图形验证码错误或已过期，请重新输入',
    en: 'The picture code is wrong or has expired; try the new one',
  },
  CAPTCHA_REQUIRED: {
    status: 401,
    zh: '登录失败次数较多，为保护账号安全，请输入图形验证码',
    en: 'Several logins failed; to protect the account, enter the picture code',
  },
  TICKET_NOT_FOUND: {
    status: 404,
    zh: '未查询到准考证，请核对姓名和身份证号',
    en: 'No admission ticket found; check the name and ID number',
  },
  LOGIN_DELAYED: {
    status: 429,
    zh: '登录失败次数较多，请稍候再试',
    en: 'Several logins failed; wait a moment and try again',
  },
  SMS_TOO_FREQUENT: {
    status: 429,
    zh: '验证码发送过于频繁，请60秒后再试',
    en: 'A code was sent less than 60 seconds ago; wait and try again',
  },
  SMS_DAILY_LIMIT: {
    status: 429,
    zh: '今日验证码发送次数已达上限，请明天再试',
    en: 'The daily limit of codes for this phone is reached; try again tomorrow',
  },
  SMS_CODE_VOIDED: {
    status: 429,
    zh: '验证码错误次数过多，已失效，请重新获取',
    en: 'Too many wrong codes; the code is void, request a new one',
  },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; slow down' },
  SMS_SEND_FAILED: {
    status: 502,
    zh: '短信发送失败，请稍后重试',
    en: 'The text message could not be sent; try again later',
  },
  CHECK_IN_NOT_OPEN: {
    status: 409,
    zh: '尚未到检测时间，请在开考前规定时间内进入',
    en: 'The check-in has not opened yet',
  },
  CHECK_IN_CLOSED: { status: 409, zh: '考试已结束，无法再进行检测', en: 'The exam has ended' },
  CHECK_IN_NOT_ALLOWED: {
    status: 409,
    zh: '请先确认参加考试并完成信息确认',
    en: 'Confirm your attendance and your roster data first',
  },
  STEP_OUT_OF_ORDER: {
    status: 409,
    zh: '请先完成前面的检测步骤',
    en: 'Finish the earlier check-in steps first',
  },
  FACE_RETRIES_LEFT: {
    status: 409,
    zh: '还可以重试人脸识别，暂不能跳过',
    en: 'You still have face-check attempts left',
  },
  WITHDRAWAL_AFTER_ENTRY: {
    status: 409,
    zh: '您已进入候考区，不能再放弃考试；如需退出，请联系考务人员',
    en: 'You have entered the waiting room and can no longer withdraw; to leave, contact the exam staff',
  },
  FACE_ATTEMPTS_USED_UP: {
    status: 409,
    zh: '人脸识别次数已用完，请选择“继续进入”，由考务人员核验身份',
    en: 'No face-check attempts are left: choose 继续进入 and the staff will verify you',
  },
  FACE_CHECKS_EXHAUSTED: {
    status: 429,
    zh: '人脸识别次数过多，请联系考务人员',
    en: 'Too many face checks; contact the exam staff',
  },
  IMAGE_UNREADABLE: {
    status: 400,
    zh: '照片无法识别，请重新拍摄',
    en: 'The photo could not be read; take it again',
  },
  PAIRING_TOKEN_INVALID: {
    status: 404,
    zh: '二维码无效，请在电脑上刷新二维码后重新扫描',
    en: 'This QR code is not valid; refresh it on the computer and scan again',
  },
  PAIRING_TOKEN_EXPIRED: {
    status: 410,
    zh: '二维码已过期，请在电脑上刷新二维码后重新扫描',
    en: 'This QR code has expired; refresh it on the computer and scan again',
  },
  PAIRING_TOKEN_USED: {
    status: 409,
    zh: '二维码已被使用，请在电脑上刷新二维码后重新扫描',
    en: 'This QR code has already been used; refresh it on the computer and scan again',
  },
  PHONE_NOT_PAIRED: {
    status: 401,
    zh: '手机未配对或已被其他手机替换，请重新扫描电脑上的二维码',
    en: 'This phone is not paired (or was replaced); scan the QR code on the computer again',
  },
  MEDIA_UNAVAILABLE: {
    status: 404,
    zh: '该画面暂不可用',
    en: 'This camera is not available right now',
  },
  SCORING_FORM_MISSING: {
    status: 409,
    zh: '本考试尚未设置评分表',
    en: 'This exam has no scoring form yet',
  },
  SCORING_FORM_LOCKED: {
    status: 409,
    zh: '已有考官评分，评分表不能再修改',
    en: 'Scores exist already; the scoring form can no longer change',
  },
  SCORE_OUT_OF_RANGE: {
    status: 400,
    zh: '分数超出评分项的分值范围',
    en: 'A score is outside the range of its criterion',
  },
  SCORE_CRITERION_MISSING: {
    status: 400,
    zh: '请为每个评分项打分（可以打 0 分）',
    en: 'Give points for every criterion (0 is allowed)',
  },
  SCORE_COMMENT_REQUIRED: {
    status: 400,
    zh: '请填写评语',
    en: 'Please write a comment',
  },
  SCORES_CONFIRMED: {
    status: 409,
    zh: '成绩已确认，不能再修改',
    en: 'The scores are confirmed and can no longer change',
  },
  NO_SCORES_TO_CONFIRM: {
    status: 409,
    zh: '还没有考官评分，无法确认成绩',
    en: 'No examiner has scored yet; there is nothing to confirm',
  },
  // Waiting room and interview (server/interviews).
  WAITING_ROOM_CLOSED: {
    status: 409,
    zh: '暂不能进入考试：请完成全部检测，并在考试开始后进入',
    en: 'You cannot enter yet: finish every check and enter once the exam has started',
  },
  TICKET_STATE_CONFLICT: {
    status: 409,
    zh: '考生状态已变化，请刷新后重试',
    en: "The candidate's state has changed; reload and try again",
  },
  CANDIDATE_IN_CALL: {
    status: 409,
    zh: '该考生正在与候考官通话',
    en: 'This candidate is in a call with a waiting-room examiner',
  },
  EXAMINER_IN_CALL: {
    status: 409,
    zh: '您正在与其他考生通话，请先结束当前通话',
    en: 'You are in a call with another candidate; end it first',
  },
  NOT_YOUR_CALL: {
    status: 409,
    zh: '该通话由其他候考官发起',
    en: 'Another waiting-room examiner is in this call',
  },
  CANDIDATE_NOT_CALLED: {
    status: 409,
    zh: '请先呼叫考生完成核验后再标记',
    en: 'Call the candidate to check them before marking them',
  },
  CANDIDATE_NOT_READY: {
    status: 409,
    zh: '该考生尚未被候考官标记为准备就绪',
    en: 'The waiting-room examiner has not marked this candidate ready',
  },
  PANEL_BUSY: {
    status: 409,
    zh: '已有考生被邀请或正在面试，请在其面试结束后再邀请',
    en: 'Another candidate is invited or in the room; invite the next one once that interview ends',
  },
  DUTY_REQUIRED: {
    status: 403,
    zh: '您在本考场没有执行此操作的职责',
    en: 'Your duties in this session do not include this',
  },
  NOT_INTERVIEWED: {
    status: 409,
    zh: '该考生尚未参加面试，面试开始后才能评分',
    en: 'This candidate has not been interviewed yet; scoring opens once the interview starts',
  },
  SESSION_ENDED: {
    status: 409,
    zh: '本考场的考试时间已结束，不能再呼叫或邀请考生；如需延长，请联系管理员修改考场结束时间',
    en: "This session's time is over: nobody can be called or invited; ask an admin to move its end time to continue",
  },
  INTERNAL: { status: 500, zh: '服务器内部错误', en: 'Internal server error' },
  UNAVAILABLE: { status: 503, zh: '服务暂不可用', en: 'Service unavailable' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;
export const errorCodeSchema = z.enum(Object.keys(ERRORS) as [ErrorCode, ...ErrorCode[]]);

export const errorIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
});

/** The one error body of the API. */
export const errorBodySchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    requestId: z.string(),
    issues: z.array(errorIssueSchema).optional(),
    retryAfterSeconds: z.number().int().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
