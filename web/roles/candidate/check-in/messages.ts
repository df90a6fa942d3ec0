// Texts of this area in both languages; web/i18n/resources mounts them under `candidateCheckIn`.
export const zh = {
  title: '人脸识别与考前检测',
};
export const en: typeof zh = {
  title: 'Check-in',
};
