// Texts of this area in both languages; web/i18n/resources mounts them under `ticketLookup`.
export const zh = {
  title: '准考证查询',
  intro: '请按要求输入个人信息和验证码，勾选相关协议后，点击【查看准考证】。',
  name: '姓名',
  idNumber: '身份证号',
  captcha: '图形验证码',
  captchaPlaceholder: '请输入图片中的字符',
  agreementPrefix: '我已阅读并同意',
  pledgeLink: '《考生诚信承诺书》',
  agreementAnd: '和',
  privacyLink: '《隐私政策》',
  agreementRequired: '请阅读并勾选同意《考生诚信承诺书》和《隐私政策》',
  pledgeTitle: '考生诚信承诺书',
  // Long texts: one paragraph a line.
  pledgeText:
    '本人承诺所填写的个人信息真实、准确，由本人亲自参加考试，不请他人代考。\n' +
    '考试期间遵守考场纪律：不查阅资料、不与他人交流、不录屏录音、不传播试题。\n' +
    '按要求开启摄像头和双机位监控，服从监考人员的指令。\n' +
    '如有违纪作弊行为，本人愿意承担相应后果。',
  privacyTitle: '隐私政策',
  privacyText:
    '我们仅为组织考试、核验身份和监考而收集您的姓名、身份证号、照片以及考试过程中的音视频。\n' +
    '这些信息只提供给本次考试的主办学校和监考、考官人员，不会用于其他用途或提供给第三方。\n' +
    '身份证号在页面上以脱敏形式显示；考试资料按学校规定的期限保存后删除。',
  close: '我知道了',
  submit: '查看准考证',
  backToLogin: '返回登录',
};

export const en: typeof zh = {
  title: 'Admission ticket lookup',
  intro:
    'Enter your personal details and the picture code, accept the agreements, then click View admission ticket.',
  name: 'Name',
  idNumber: 'ID number',
  captcha: 'Picture code',
  captchaPlaceholder: 'Characters shown',
  agreementPrefix: 'I have read and accept the ',
  pledgeLink: 'Candidate integrity pledge',
  agreementAnd: ' and the ',
  privacyLink: 'Privacy policy',
  agreementRequired: 'Please read and accept the integrity pledge and the privacy policy',
  pledgeTitle: 'Candidate integrity pledge',
  pledgeText:
    'The personal details I enter are true and correct, and I take the exam myself; nobody sits it for me.\n' +
    'During the exam I follow the rules: no materials, no talking to others, no recording, no sharing of questions.\n' +
    'I turn on the camera and the second camera as required and follow the proctors’ instructions.\n' +
    'I accept the consequences of any misconduct or cheating.',
  privacyTitle: 'Privacy policy',
  privacyText:
    'We collect your name, ID number, photo and the audio and video of the exam only to run the exam, check your identity and proctor it.\n' +
    'Only the school holding this exam and its proctors and examiners see them; they are not used for anything else or given to third parties.\n' +
    'Pages show your ID number masked; exam records are deleted after the period the school sets.',
  close: 'Close',
  submit: 'View admission ticket',
  backToLogin: 'Back to login',
};
