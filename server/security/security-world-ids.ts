// The ids the security matrix puts into requests: a school's own rows, the rows out of a
// role's reach, ids that exist nowhere, and every id of a school to look for in answers.
import type { Role } from '../../shared/enums.js';

/** The kinds of row a route names by id; requests are filled from one IdSet. */
export const ID_KINDS = [
  'exam',
  'session',
  'registration',
  'candidate',
  'staff',
  'college',
  'document',
  'announcement',
  'report',
  'faceCheck',
  'question',
  'passage',
  /** A written exam of the caller's reach (papers exist for written exams only). */
  'writtenExam',
  /** An essay on the formal paper of that written exam (阅卷). */
  'paperQuestion',
  /** A mock attempt (模拟考试) of the registration. */
  'mockAttempt',
  /** A photo of a file answer (上传作答) of the candidate's attempt. */
  'answerFile',
  /** A picture of the bank (题库图片), named in a question of 张三's mock attempt. */
  'questionImage',
  /** An AI flag with its snapshot (AI 监考截图) in 张三's formal attempt. */
  'evidenceEvent',
] as const;
export type IdKind = (typeof ID_KINDS)[number];
export type IdSet = Record<IdKind, string> & { schoolSlug: string };

/** One candidate's own rows. */
export interface CandidateRows {
  userId: string;
  registrationId: string;
  documentId: string;
  reportId: string;
  faceCheckId: string;
  mockAttemptId: string;
}

/** One seeded school with rows of every kind, seen from its interview exam. */
export interface SchoolRows {
  schoolId: string;
  slug: string;
  /** 外国语学院 (fl), the interview exam's college; 计算机学院 (cs). */
  collegeId: string;
  csCollegeId: string;
  interviewExamId: string;
  writtenExamId: string;
  /** A written exam of 外国语学院, without sessions (its papers, for a college admin). */
  flWrittenExamId: string;
  interviewSessionId: string;
  writtenSessionId: string;
  /** 张三: the candidate the matrix calls as. */
  zhang: CandidateRows;
  /** 李四: another candidate of the same interview session. */
  li: CandidateRows;
  /** 王五: a cs candidate of the written exam only (no college exam, no assigned examiner). */
  wang: CandidateRows;
  /** 考官 周老师 (fl examiner), the staff account admins manage in requests. */
  staffId: string;
  /** 监考员 吴老师 (in no college). */
  proctorId: string;
  /** Published announcements, one for fl and one for cs. */
  flAnnouncementId: string;
  csAnnouncementId: string;
  /** Question bank rows (题库), one of each college. */
  flQuestionId: string;
  csQuestionId: string;
  flPassageId: string;
  csPassageId: string;
  /** An essay on 外国语学院笔试's formal paper, and one on WRT2026's (the demo's paper). */
  flPaperQuestionId: string;
  writtenPaperQuestionId: string;
  /** Answer photos: 张三's at 外国语学院笔试's paper; 李四's and 王五's at WRT2026's. */
  zhangAnswerFileId: string;
  /** 外国语学院's picture, on 张三's mock attempt; 计算机学院's, on no paper. */
  flImageId: string;
  csImageId: string;
  liAnswerFileId: string;
  wangAnswerFileId: string;
  /** 张三's AI flag with its snapshot (security-world-evidence.ts). */
  zhangEvidenceEventId: string;
}

/** The ids a caller's own requests carry: its school's rows, 张三's for candidate rows. */
export function ownIds(rows: SchoolRows): IdSet {
  return {
    schoolSlug: rows.slug,
    exam: rows.interviewExamId,
    session: rows.interviewSessionId,
    registration: rows.zhang.registrationId,
    candidate: rows.zhang.userId,
    staff: rows.staffId,
    college: rows.collegeId,
    document: rows.zhang.documentId,
    announcement: rows.flAnnouncementId,
    report: rows.zhang.reportId,
    faceCheck: rows.zhang.faceCheckId,
    question: rows.flQuestionId,
    passage: rows.flPassageId,
    writtenExam: rows.flWrittenExamId,
    paperQuestion: rows.flPaperQuestionId,
    mockAttempt: rows.zhang.mockAttemptId,
    answerFile: rows.zhangAnswerFileId,
    questionImage: rows.flImageId,
    evidenceEvent: rows.zhangEvidenceEventId,
  };
}

/**
 * Rows of the caller's own school that its role still does not reach: another candidate's for a
 * candidate, a session they are not assigned to for examiners and proctors, another college's
 * (or school-wide) rows for a college admin. School admins reach the whole school.
 */
export function outOfScopeIds(rows: SchoolRows, role: Role): Partial<IdSet> | null {
  const wang = {
    registration: rows.wang.registrationId,
    faceCheck: rows.wang.faceCheckId,
  };
  switch (role) {
    case 'candidate':
      return {
        registration: rows.li.registrationId,
        candidate: rows.li.userId,
        document: rows.li.documentId,
        report: rows.li.reportId,
        faceCheck: rows.li.faceCheckId,
        mockAttempt: rows.li.mockAttemptId,
        answerFile: rows.liAnswerFileId,
        questionImage: rows.csImageId,
        // 张三 is of 外国语学院: the 计算机学院 announcement is not for him.
        announcement: rows.csAnnouncementId,
      };
    case 'examiner':
    case 'proctor':
      return { session: rows.writtenSessionId, ...wang };
    case 'college_admin':
      return {
        ...wang,
        exam: rows.writtenExamId,
        session: rows.writtenSessionId,
        candidate: rows.wang.userId,
        staff: rows.proctorId,
        college: rows.csCollegeId,
        document: rows.wang.documentId,
        announcement: rows.csAnnouncementId,
        report: rows.wang.reportId,
        question: rows.csQuestionId,
        passage: rows.csPassageId,
        writtenExam: rows.writtenExamId,
        paperQuestion: rows.writtenPaperQuestionId,
        answerFile: rows.wangAnswerFileId,
        questionImage: rows.csImageId,
      };
    case 'school_admin':
    case 'platform_admin':
      return null;
  }
}

/** Ids of rows that do not exist: foreign rows must answer exactly like these. */
export function unknownIds(schoolSlug: string): IdSet {
  const entries = ID_KINDS.map((kind, index) => [
    kind,
    `0e0e0e0e-0000-4000-8000-${String(index + 1).padStart(12, '0')}`,
  ]);
  return { ...(Object.fromEntries(entries) as Record<IdKind, string>), schoolSlug };
}

/** Every id of a school's rows, to look for in answers that must not carry them. */
export function allIdsOf(rows: SchoolRows): string[] {
  const people = [rows.zhang, rows.li, rows.wang].flatMap((person) => [
    person.userId,
    person.registrationId,
    person.documentId,
    person.reportId,
    person.faceCheckId,
    person.mockAttemptId,
  ]);
  return [
    rows.schoolId,
    rows.collegeId,
    rows.csCollegeId,
    rows.interviewExamId,
    rows.writtenExamId,
    rows.flWrittenExamId,
    rows.interviewSessionId,
    rows.writtenSessionId,
    rows.staffId,
    rows.proctorId,
    rows.flAnnouncementId,
    rows.csAnnouncementId,
    rows.flQuestionId,
    rows.csQuestionId,
    rows.flPassageId,
    rows.csPassageId,
    rows.flPaperQuestionId,
    rows.writtenPaperQuestionId,
    rows.zhangAnswerFileId,
    rows.flImageId,
    rows.csImageId,
    rows.liAnswerFileId,
    rows.wangAnswerFileId,
    rows.zhangEvidenceEventId,
    ...people,
  ];
}
