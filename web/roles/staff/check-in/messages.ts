// Texts of this area in both languages; web/i18n/resources mounts them under `staffCheckIn`.
export const zh = {
  title: '考生检测情况',
};
export const en: typeof zh = {
  title: 'Candidate check-in',
};
