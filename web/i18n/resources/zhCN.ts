import { zh as peopleZH } from '../../roles/admin/people/messages.js';
import { zh as examsZH } from '../../roles/admin/exams/messages.js';
import { zh as announcementsZH } from '../../roles/admin/announcements/messages.js';
import { zh as auditZH } from '../../roles/admin/audit/messages.js';
import { zh as ticketZH } from '../../roles/candidate/ticket/messages.js';
import { zh as adminRosterZH } from '../../roles/admin/roster/messages.js';
import { zh as adminReviewsZH } from '../../roles/admin/reviews/messages.js';
import { zh as adminReportsZH } from '../../roles/admin/reports/messages.js';
import { zh as candidateDocumentsZH } from '../../roles/candidate/documents/messages.js';
import { zh as candidateIdentityZH } from '../../roles/candidate/identity/messages.js';
import { zh as ticketLookupZH } from '../../pages/ticket-lookup/messages.js';
import { zh as mediaZH } from '../../media/messages.js';
import { zh as callZH } from '../../call/messages.js';
import { zh as candidateCheckInZH } from '../../roles/candidate/check-in/messages.js';
import { zh as candidateFaceZH } from '../../roles/candidate/check-in/face/messages.js';
import { zh as phoneCameraZH } from '../../roles/phone/messages.js';
import { zh as staffCheckInZH } from '../../roles/staff/check-in/messages.js';
import { zh as adminScoringZH } from '../../roles/admin/scoring/messages.js';
import { zh as staffScoringZH } from '../../roles/staff/scoring/messages.js';
import { zh as staffWaitingRoomZH } from '../../roles/staff/waiting-room/messages.js';
import { zh as staffPanelZH } from '../../roles/staff/panel/messages.js';
import { zh as candidateWaitingRoomZH } from '../../roles/candidate/waiting-room/messages.js';
import { errorTexts } from './errorTexts.js';

/** Chinese texts; the source of the message keys (en.ts must have the same shape). */
export const zhCN = {
  app: {
    name: '云考场',
    fullName: '云考场 Invigil',
    tagline: '在线考试与视频面试平台',
    language: '界面语言',
    logout: '退出登录',
    loading: '加载中…',
    retry: '重试',
    reload: '重新加载',
    backHome: '返回首页',
    loadFailed: '加载失败',
  },
  roles: {
    candidate: '考生',
    examiner: '考官',
    proctor: '监考员',
    college_admin: '学院管理员',
    school_admin: '学校管理员',
    platform_admin: '平台管理员',
  },
  identityStatus: {
    not_uploaded: '未上传',
    draft: '待提交',
    pending: '待审核',
    approved: '审核通过',
    rejected: '未通过',
  },
  status: {
    not_started: '未开始',
    check_in_open: '候考中',
    in_progress: '进行中',
    ended: '已结束',
  },
  duty: {
    waiting_examiner: '候考官',
    panel_examiner: '考官',
    panel_chair: '主考官',
    proctor: '监考员',
  },
  examKind: {
    interview: '面试',
    written: '笔试',
    recorded: '录制答题',
  },
  landing: {
    chooseSchool: '选择学校登录',
    noSchools: '暂无入驻学校',
    adminLogin: '平台管理员登录',
    demoTitle: '演示模式',
    demoHint: '演示账号和短信验证码会打印在服务器控制台，也可以在短信发件箱中查看。',
    outboxLink: '打开短信发件箱',
  },
  login: {
    schoolTitle: '{{school}}云考场',
    role: '选择角色',
    asCandidate: '我是考生',
    asStaff: '我是工作人员',
    methods: '登录方式',
    tabSms: '手机验证码登录',
    tabIdNumber: '身份证号登录',
    tabAdmission: '考试ID登录',
    college: '学院',
    collegePlaceholder: '请选择报考学院',
    phone: '手机号',
    smsCode: '短信验证码',
    getCode: '获取验证码',
    resendIn: '{{seconds}}秒后重新获取',
    codeSent: '验证码已发送，{{minutes}}分钟内有效',
    smsHelp: '如多次尝试仍未收到验证码，请与报考学院联系',
    idNumber: '身份证号',
    password: '密码',
    idPasswordHint: '初始密码为身份证号后六位',
    examCode: '考试ID',
    admissionNumber: '准考证号',
    staffAccount: '用户名或手机号',
    submit: '登录',
    forgotPassword: '忘记密码',
    schoolNotFound: '学校不存在',
    schoolNotFoundDetail: '请检查网址是否正确，或回到首页选择学校。',
    platformTitle: '平台管理员登录',
  },
  password: {
    forgotTitle: '找回密码',
    forgotIntro: '输入登记的手机号和短信验证码，设置新密码。',
    newPassword: '新密码',
    confirmPassword: '确认新密码',
    rules: '至少8位，须同时包含字母和数字',
    mismatch: '两次输入的密码不一致',
    resetSubmit: '重置密码',
    resetDone: '密码已重置',
    resetDoneDetail: '请使用新密码登录。',
    backToLogin: '返回登录',
    changeTitleFirst: '首次登录请修改密码',
    changeTitle: '修改密码',
    changeIntro: '为了账号安全，请设置新密码后继续。',
    currentPassword: '当前密码',
    changeSubmit: '确认修改',
  },
  form: {
    required: '请输入{{field}}',
    requiredSelect: '请选择{{field}}',
    invalid: '{{field}}格式不正确',
  },
  issues: {
    INVALID_PHONE: '请输入正确的11位手机号',
    INVALID_CODE: '验证码为6位数字',
    INVALID_ID_NUMBER: '身份证号应为18位，最后一位可以是X',
    INVALID_ID_NUMBER_CHECKSUM: '身份证号校验位不正确，请检查',
    PASSWORD_TOO_SHORT: '密码至少8位',
    PASSWORD_NEEDS_LETTER: '密码须包含字母',
    PASSWORD_NEEDS_DIGIT: '密码须包含数字',
    INVALID_USERNAME: '用户名为3–32位字母、数字或 _ . -',
    MIN_SUBMIT_AFTER_DURATION: '最短交卷时间不能超过考试时长',
    CHAIR_NOT_ON_PANEL: '主考官须是面试考官之一',
    DUPLICATE_STAFF: '同一人不能重复选择',
    INVALID_EXAM_CODE: '考试ID为2–40位字母、数字、- 或 _',
  },
  candidate: {
    result: '成绩 {{score}} / {{max}}',
    welcome: '欢迎来到{{school}}云考场',
    welcomeNoSchool: '欢迎来到云考场',
    schoolNotices: '学校公告',
    collegeNotices: '学院公告',
    noNotices: '暂无公告',
    identity: '身份认证',
    myExams: '我的考场',
    date: '日期',
    sessionName: '考场名称',
    status: '考场状态',
    actions: '操作',
    faceCheck: '人脸识别',
    enterWaitingRoom: '进入候考区',
    noExams: '暂无考场',
  },
  staff: {
    mySessions: '我的考场',
    date: '日期',
    examName: '考试名称',
    sessionName: '考场名称',
    kind: '类型',
    duty: '职责',
    status: '考场状态',
    candidates: '考生人数',
    noSessions: '暂无分配的考场',
    actions: '操作',
  },
  admin: {
    console: '管理后台',
    menuOverview: '概览',
    menuExams: '考试管理',
    menuPeople: '人员管理',
    menuAnnouncements: '公告管理',
    menuAudit: '审计日志',
    menuReviews: '材料审核',
    menuReports: '信息纠错',
    overview: '概览',
    scopePlatform: '全平台',
    counts: {
      schools: '学校',
      colleges: '学院',
      exams: '考试',
      sessions: '考场',
      candidates: '考生',
      staff: '工作人员',
    },
    sessions: '考场列表',
    noSessions: '暂无考场',
  },
  outbox: {
    title: '短信发件箱（演示）',
    intro: '演示模式下发送的短信不会真正发出，而是显示在这里，每2秒自动刷新。',
    phone: '手机号',
    text: '短信内容',
    time: '发送时间',
    refresh: '刷新',
    empty: '暂无短信',
    off: '短信发件箱未开启',
    offDetail: '短信发件箱仅在演示模式下可用。',
  },
  notFound: {
    title: '页面不存在',
    detail: '您访问的页面不存在或已被移除。',
  },
  crash: {
    title: '出错了',
    detail: '页面发生了错误，请重新加载后再试。',
  },
  adminPeople: peopleZH,
  adminExams: examsZH,
  adminAnnouncements: announcementsZH,
  adminAudit: auditZH,
  candidateTicket: ticketZH,
  adminRoster: adminRosterZH,
  adminReviews: adminReviewsZH,
  adminReports: adminReportsZH,
  candidateDocuments: candidateDocumentsZH,
  candidateIdentity: candidateIdentityZH,
  ticketLookup: ticketLookupZH,
  candidateWaitingRoom: candidateWaitingRoomZH,
  media: mediaZH,
  call: callZH,
  candidateCheckIn: candidateCheckInZH,
  candidateFace: candidateFaceZH,
  phoneCamera: phoneCameraZH,
  staffCheckIn: staffCheckInZH,
  adminScoring: adminScoringZH,
  staffScoring: staffScoringZH,
  staffWaitingRoom: staffWaitingRoomZH,
  staffPanel: staffPanelZH,
  errors: {
    ...errorTexts('zh'),
    NETWORK: '网络连接失败，请检查网络后重试',
    UNKNOWN: '操作失败，请稍后重试',
    withRequestId: '{{message}}（请求编号：{{requestId}}）',
    withDetails: '{{message}}：{{details}}',
    retryAfter: '{{message}}（{{seconds}}秒后可重试）',
    smsTooFrequentWait: '验证码发送过于频繁，请{{seconds}}秒后再试',
    listSeparator: '；',
  },
};

/** The shape every language must provide. */
export type Messages = typeof zhCN;
