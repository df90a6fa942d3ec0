import type { ExamRules } from '../../shared/api/exams.js';
import { examRulesSchema } from '../../shared/api/exams.js';
import { idNumberCheckChar } from '../../shared/api/common.js';
import { scoringFormBodySchema, type ScoringFormBody } from '../../shared/api/scoring.js';

export const DEMO_SCHOOL = { slug: 'demo', name: '演示大学', nameEn: 'Demo University' };
export const DEMO_COLLEGES = [
  { key: 'fl', name: '外国语学院', nameEn: 'School of Foreign Languages' },
  { key: 'cs', name: '计算机学院', nameEn: 'School of Computer Science' },
] as const;
export type DemoCollegeKey = (typeof DEMO_COLLEGES)[number]['key'];

/** Every demo staff account shares this password; it is printed at start-up, never used in production. */
export const DEMO_STAFF_PASSWORD = 'Invigil2026';

export const DEMO_STAFF = [
  { username: 'platform', name: '平台管理员', role: 'platform_admin', college: null },
  { username: 'admin', name: '学校管理员', role: 'school_admin', college: null },
  { username: 'fl_admin', name: '外国语学院管理员', role: 'college_admin', college: 'fl' },
  { username: 'waiting1', name: '候考官 陈老师', role: 'examiner', college: 'fl' },
  { username: 'panel1', name: '主考官 林老师', role: 'examiner', college: 'fl' },
  { username: 'panel2', name: '考官 周老师', role: 'examiner', college: 'fl' },
  { username: 'proctor1', name: '监考员 吴老师', role: 'proctor', college: null },
] as const;

const withCheck = (first17: string) => first17 + idNumberCheckChar(first17);

export const DEMO_CANDIDATES = [
  {
    name: '张三',
    phone: '13800000001',
    idNumber: withCheck('11010820050101123'),
    college: 'fl',
    photo: 'eileen-collins.png',
    interview: 'INT2026001',
    written: null,
  },
  {
    name: '李四',
    phone: '13800000002',
    idNumber: withCheck('11010820050202234'),
    college: 'fl',
    photo: 'cameraman.png',
    interview: 'INT2026002',
    written: 'WRT2026001',
  },
  {
    name: '王五',
    phone: '13800000003',
    idNumber: withCheck('44030520050303345'),
    college: 'cs',
    photo: null,
    interview: null,
    written: 'WRT2026002',
  },
  // More in the interview room, so the waiting room has a queue.
  {
    name: '赵敏',
    phone: '13800000004',
    idNumber: withCheck('33010620050606678'),
    college: 'fl',
    photo: null,
    interview: 'INT2026003',
    written: null,
  },
  {
    name: '孙悦',
    phone: '13800000005',
    idNumber: withCheck('33010620050707789'),
    college: 'fl',
    photo: null,
    interview: 'INT2026004',
    written: null,
  },
  // The four-browser interview journey's own candidate (a finished interview is final).
  {
    name: '周宁',
    phone: '13800000006',
    idNumber: withCheck('33010620050808890'),
    college: 'fl',
    photo: null,
    interview: 'INT2026005',
    written: null,
  },
] as const;

export const INTERVIEW_RULES: ExamRules = examRulesSchema.parse({
  secondCameraRequired: true,
  screenShareRequired: true,
  faceCheckRetries: 3,
  preEntryMinutes: 30,
});

export const WRITTEN_RULES: ExamRules = examRulesSchema.parse({
  secondCameraRequired: true,
  screenShareRequired: true,
  durationMinutes: 120,
  minMinutesBeforeSubmit: 30,
  inactivitySubmitMinutes: 10,
  faceCheckAtSubmit: true,
  copyPasteBlocked: true,
  preEntryMinutes: 30,
});

export const PLEDGE_TEXT =
  '本人承诺：遵守考试纪律，独立完成考试；考试期间不离开考试机位，不使用任何电子设备或资料，不允许他人进入考试空间。如有违纪舞弊行为，自愿接受相应处理。';
export const NOTICE_TEXT =
  '1. 请使用最新版 Chrome 浏览器。2. 电脑摄像头为第一机位，手机为第二机位，置于考生侧后方45度约1.5米处。3. 考试期间保持手机屏幕常亮。';

/**
 * The interview's 评分表, as a 外语类保送生 / 研究生复试 panel scores: 100 points in four parts;
 * the result drops the highest and the lowest total once three or more examiners scored
 * (去掉一个最高分和一个最低分), the mean otherwise.
 */
export const INTERVIEW_SCORING_FORM: ScoringFormBody = scoringFormBodySchema.parse({
  criteria: [
    {
      name: '专业知识',
      maxPoints: 40,
      description: '专业基础扎实，对所学领域的核心概念、前沿问题有准确理解',
    },
    {
      name: '综合素质',
      maxPoints: 30,
      description: '逻辑思维、分析与应变能力，科研兴趣与发展潜力',
    },
    {
      name: '外语表达',
      maxPoints: 20,
      description: '发音标准、表达流利，能准确理解并回答考官提问',
    },
    { name: '仪表礼仪', maxPoints: 10, description: '仪表端庄、举止得体、沟通态度诚恳' },
  ],
  commentRequired: false,
  aggregation: 'trimmed_mean',
});
