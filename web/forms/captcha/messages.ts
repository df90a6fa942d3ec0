// Texts of the picture code (图形验证码) in both languages; web/i18n/resources mounts them under
// `captcha`.
export const zh = {
  label: '图形验证码',
  placeholder: '请输入图片中的字符',
  image: '图形验证码图片',
  refresh: '换一张',
  refreshLabel: '换一张图形验证码',
  refreshHint: '看不清？点击图片换一张',
  loadFailed: '验证码加载失败',
  loginWhy:
    '该账号最近有多次登录失败。为防止他人反复猜测账号或密码，请输入图中的字符后再登录。看不清可点击“换一张”。',
};

export const en: typeof zh = {
  label: 'Picture code',
  placeholder: 'Characters shown',
  image: 'Picture code image',
  refresh: 'New picture',
  refreshLabel: 'Show a new picture code',
  refreshHint: 'Hard to read? Click the picture for a new one',
  loadFailed: 'The picture code could not be loaded',
  loginWhy:
    'Several logins failed here lately. So that nobody can keep guessing accounts or passwords, type the characters in the picture, then log in. Hard to read? Click New picture.',
};
