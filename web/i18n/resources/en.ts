import { en as peopleEN } from '../../roles/admin/people/messages.js';
import { en as examsEN } from '../../roles/admin/exams/messages.js';
import { en as announcementsEN } from '../../roles/admin/announcements/messages.js';
import { en as auditEN } from '../../roles/admin/audit/messages.js';
import { en as ticketEN } from '../../roles/candidate/ticket/messages.js';
import { en as adminRosterEN } from '../../roles/admin/roster/messages.js';
import { en as adminReviewsEN } from '../../roles/admin/reviews/messages.js';
import { en as adminReportsEN } from '../../roles/admin/reports/messages.js';
import { en as candidateDocumentsEN } from '../../roles/candidate/documents/messages.js';
import { en as candidateIdentityEN } from '../../roles/candidate/identity/messages.js';
import { en as ticketLookupEN } from '../../pages/ticket-lookup/messages.js';
import { en as captchaEN } from '../../forms/captcha/messages.js';
import { en as adminAlertsEN } from '../../roles/admin/alerts/messages.js';
import { en as mediaEN } from '../../media/messages.js';
import { en as callEN } from '../../call/messages.js';
import { en as candidateCheckInEN } from '../../roles/candidate/check-in/messages.js';
import { en as candidateFaceEN } from '../../roles/candidate/check-in/face/messages.js';
import { en as phoneCameraEN } from '../../roles/phone/messages.js';
import { en as staffCheckInEN } from '../../roles/staff/check-in/messages.js';
import { en as adminScoringEN } from '../../roles/admin/scoring/messages.js';
import { en as staffScoringEN } from '../../roles/staff/scoring/messages.js';
import { en as staffWaitingRoomEN } from '../../roles/staff/waiting-room/messages.js';
import { en as staffPanelEN } from '../../roles/staff/panel/messages.js';
import { en as candidateWaitingRoomEN } from '../../roles/candidate/waiting-room/messages.js';
import { errorTexts } from './errorTexts.js';
import type { Messages } from './zhCN.js';

export const en: Messages = {
  app: {
    name: 'Invigil',
    fullName: '云考场 Invigil',
    tagline: 'Online exams and video interviews',
    language: 'Language',
    logout: 'Log out',
    loading: 'Loading…',
    retry: 'Retry',
    reload: 'Reload',
    backHome: 'Back to home',
    loadFailed: 'Could not load',
  },
  roles: {
    candidate: 'Candidate',
    examiner: 'Examiner',
    proctor: 'Proctor',
    college_admin: 'College administrator',
    school_admin: 'School administrator',
    platform_admin: 'Platform administrator',
  },
  identityStatus: {
    not_uploaded: 'Not uploaded',
    draft: 'Not submitted',
    pending: 'Awaiting review',
    approved: 'Approved',
    rejected: 'Rejected',
  },
  status: {
    not_started: 'Not started',
    check_in_open: 'Check-in open',
    in_progress: 'In progress',
    ended: 'Ended',
  },
  duty: {
    waiting_examiner: 'Waiting-room examiner',
    panel_examiner: 'Examiner',
    panel_chair: 'Chief examiner',
    proctor: 'Proctor',
  },
  examKind: {
    interview: 'Interview',
    written: 'Written exam',
    recorded: 'Recorded answers',
  },
  landing: {
    chooseSchool: 'Choose your school to log in',
    noSchools: 'No schools yet',
    adminLogin: 'Platform administrator login',
    demoTitle: 'Demo mode',
    demoHint:
      'Demo accounts and SMS codes are printed in the server console; you can also read the codes in the SMS outbox.',
    outboxLink: 'Open the SMS outbox',
  },
  login: {
    schoolTitle: '{{school}} Online Exams',
    role: 'Who are you?',
    asCandidate: 'I am a candidate',
    asStaff: 'I am staff',
    methods: 'Login method',
    tabSms: 'Phone and SMS code',
    tabIdNumber: 'ID number',
    tabAdmission: 'Exam ID',
    college: 'College',
    collegePlaceholder: 'Choose the college you applied to',
    phone: 'Phone number',
    smsCode: 'SMS code',
    getCode: 'Get code',
    resendIn: 'Resend in {{seconds}} s',
    codeSent:
      'If this phone number is registered, a code is on its way; it is valid for {{minutes}} minutes',
    smsHelp: 'If no code arrives after several tries, contact the college you applied to',
    idNumber: 'ID number',
    password: 'Password',
    idPasswordHint: 'Your first password is the last six characters of your ID number',
    examCode: 'Exam ID',
    admissionNumber: 'Admission number',
    staffAccount: 'Username or phone number',
    submit: 'Log in',
    forgotPassword: 'Forgot password',
    schoolNotFound: 'School not found',
    schoolNotFoundDetail: 'Check the address, or choose your school on the home page.',
    platformTitle: 'Platform administrator login',
  },
  password: {
    forgotTitle: 'Reset your password',
    forgotIntro:
      'Choose the kind of account, enter your registered phone number and the SMS code; then pick the account and choose a new password.',
    accountKind: 'Account',
    kindCandidate: 'Candidate',
    kindStaff: 'Staff',
    verifySubmit: 'Next',
    chooseAccount: 'Account to reset',
    chooseAccountHint:
      'Several accounts use this phone number; only the one you choose gets the new password.',
    resetFor: 'New password for the account {{account}}',
    accountOption: '{{name}} ({{role}})',
    accountOptionWithUsername: '{{name}} ({{username}}, {{role}})',
    startOver: 'Verify again',
    newPassword: 'New password',
    confirmPassword: 'Confirm new password',
    rules: 'At least 8 characters, with a letter and a digit',
    mismatch: 'The two passwords differ',
    resetSubmit: 'Reset password',
    resetDone: 'Your password has been reset',
    resetDoneDetail: 'Log in with your new password.',
    backToLogin: 'Back to login',
    changeTitleFirst: 'Change your password before the first use',
    changeTitle: 'Change password',
    changeIntro: 'For the safety of your account, set a new password to continue.',
    currentPassword: 'Current password',
    changeSubmit: 'Change password',
  },
  form: {
    required: '{{field}} is required',
    requiredSelect: '{{field}} is required',
    invalid: '{{field}} is not valid',
  },
  issues: {
    INVALID_PHONE: 'Enter an 11-digit mobile number',
    INVALID_CODE: 'The code has 6 digits',
    INVALID_ID_NUMBER: 'An ID number has 18 characters; the last may be X',
    INVALID_ID_NUMBER_CHECKSUM: 'The check character of this ID number is wrong',
    PASSWORD_TOO_SHORT: 'The password needs at least 8 characters',
    PASSWORD_NEEDS_LETTER: 'The password needs a letter',
    PASSWORD_NEEDS_DIGIT: 'The password needs a digit',
    INVALID_USERNAME: 'A username has 3–32 letters, digits or _ . -',
    MIN_SUBMIT_AFTER_DURATION: 'The minimum time before submitting cannot exceed the duration',
    CHAIR_NOT_ON_PANEL: 'The chair must be one of the panel examiners',
    DUPLICATE_STAFF: 'The same person is chosen twice',
    INVALID_EXAM_CODE: 'An exam ID has 2–40 letters, digits, - or _',
  },
  candidate: {
    result: 'Result {{score}} / {{max}}',
    welcome: 'Welcome to the {{school}} online exam hall',
    welcomeNoSchool: 'Welcome to Invigil',
    schoolNotices: 'School notices',
    collegeNotices: 'College notices',
    noNotices: 'No notices',
    identity: 'Identity documents',
    myExams: 'My exam sessions',
    date: 'Date',
    sessionName: 'Session',
    status: 'Status',
    actions: 'Actions',
    faceCheck: 'Face check',
    enterWaitingRoom: 'Enter waiting room',
    noExams: 'No exam sessions',
  },
  staff: {
    mySessions: 'My exam sessions',
    date: 'Date',
    examName: 'Exam',
    sessionName: 'Session',
    kind: 'Kind',
    duty: 'Duty',
    status: 'Status',
    candidates: 'Candidates',
    noSessions: 'No sessions assigned to you',
    actions: 'Actions',
  },
  admin: {
    console: 'Administration',
    menuOverview: 'Overview',
    menuExams: 'Exams',
    menuPeople: 'People',
    menuAnnouncements: 'Announcements',
    menuAudit: 'Audit log',
    menuReviews: 'Document review',
    menuReports: 'Data reports',
    overview: 'Overview',
    scopePlatform: 'Whole platform',
    counts: {
      schools: 'Schools',
      colleges: 'Colleges',
      exams: 'Exams',
      sessions: 'Sessions',
      candidates: 'Candidates',
      staff: 'Staff',
    },
    sessions: 'Sessions',
    noSessions: 'No sessions',
  },
  outbox: {
    title: 'SMS outbox (demo)',
    intro:
      'In demo mode text messages are not sent but listed here. The list refreshes every 2 seconds.',
    phone: 'Phone number',
    text: 'Message',
    time: 'Sent at',
    refresh: 'Refresh',
    empty: 'No messages',
    off: 'The SMS outbox is off',
    offDetail: 'The SMS outbox is only available in demo mode.',
  },
  notFound: {
    title: 'Page not found',
    detail: 'The page you asked for does not exist or was removed.',
  },
  crash: {
    title: 'Something went wrong',
    detail: 'The page hit an error. Reload it and try again.',
  },
  adminPeople: peopleEN,
  adminExams: examsEN,
  adminAnnouncements: announcementsEN,
  adminAudit: auditEN,
  candidateTicket: ticketEN,
  adminRoster: adminRosterEN,
  adminReviews: adminReviewsEN,
  adminReports: adminReportsEN,
  candidateDocuments: candidateDocumentsEN,
  candidateIdentity: candidateIdentityEN,
  ticketLookup: ticketLookupEN,
  captcha: captchaEN,
  adminAlerts: adminAlertsEN,
  candidateWaitingRoom: candidateWaitingRoomEN,
  media: mediaEN,
  call: callEN,
  candidateCheckIn: candidateCheckInEN,
  candidateFace: candidateFaceEN,
  phoneCamera: phoneCameraEN,
  staffCheckIn: staffCheckInEN,
  adminScoring: adminScoringEN,
  staffScoring: staffScoringEN,
  staffWaitingRoom: staffWaitingRoomEN,
  staffPanel: staffPanelEN,
  errors: {
    ...errorTexts('en'),
    NETWORK: 'Could not reach the server; check your connection and try again',
    UNKNOWN: 'The operation failed; try again later',
    withRequestId: '{{message}} (request ID: {{requestId}})',
    withDetails: '{{message}}: {{details}}',
    retryAfter: '{{message}} (retry in {{seconds}} s)',
    smsTooFrequentWait: 'A code was sent recently; wait {{seconds}} s and try again',
    listSeparator: '; ',
  },
};
