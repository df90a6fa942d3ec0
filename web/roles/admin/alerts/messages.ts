// Texts of the login alerts on the admin home in both languages; web/i18n/resources mounts
// them under `adminAlerts`.
export const zh = {
  title: '安全提醒：疑似有人在猜测登录信息',
  admission_exam: '考试 {{exam}}：{{count}} 个不同地址在短时间内用错误的准考证号尝试登录。',
  admission_examUnknown: '{{count}} 个不同地址在短时间内用不存在的考试ID尝试准考证号登录。',
  admission_ip: '地址 {{ip}} 在短时间内 {{count}} 次用错误的考试ID或准考证号登录。',
  staff_password_failures:
    '工作人员账号 {{account}}：同一地址（{{ip}}）在短时间内 {{count}} 次密码错误。',
  staff_password_clients: '工作人员账号 {{account}}：{{count}} 个不同地址在短时间内输错密码。',
  candidate_password_failures:
    '考生 {{account}}：同一地址（{{ip}}）在短时间内 {{count}} 次身份证号登录失败。',
  candidate_password_clients: '考生 {{account}}：{{count}} 个不同地址在短时间内身份证号登录失败。',
  unknownStaff: '（不存在的用户名）',
  unknownCandidate: '（未登记的身份证号）',
  accountWithUsername: '{{name}}（{{username}}）',
  advice:
    '系统已对这些登录要求图形验证码并放慢重试，正确的登录不受影响。如确认是本人多次输错，可在“学院与人员”中解除其登录限制；否则请提醒相关人员修改密码，必要时检查考生名单的准考证号是否连续。',
};

export const en: typeof zh = {
  title: 'Security notice: someone may be guessing logins',
  admission_exam:
    'Exam {{exam}}: {{count}} different addresses tried wrong admission numbers within a short time.',
  admission_examUnknown:
    '{{count}} different addresses tried admission logins with an exam ID that does not exist.',
  admission_ip:
    'Address {{ip}} tried {{count}} wrong exam IDs or admission numbers within a short time.',
  staff_password_failures:
    'Staff account {{account}}: {{count}} wrong passwords from one address ({{ip}}) within a short time.',
  staff_password_clients:
    'Staff account {{account}}: wrong passwords from {{count}} different addresses within a short time.',
  candidate_password_failures:
    'Candidate {{account}}: {{count}} failed ID-number logins from one address ({{ip}}) within a short time.',
  candidate_password_clients:
    'Candidate {{account}}: failed ID-number logins from {{count}} different addresses within a short time.',
  unknownStaff: '(a username nobody has)',
  unknownCandidate: '(an ID number nobody registered)',
  accountWithUsername: '{{name}} ({{username}})',
  advice:
    'These logins now need a picture code and wait between tries; right logins are not affected. If the person made the mistakes, lift their limits under Colleges and staff; otherwise ask them to change their password, and check that the roster’s admission numbers are not sequential.',
};
