// Texts of this area in both languages; web/i18n/resources mounts them under `candidateFace`.
export const zh = {
  title: '人脸识别',
};
export const en: typeof zh = {
  title: 'Face check',
};
