// Texts of this area in both languages; web/i18n/resources mounts them under `adminReports`.
export const zh = {
  title: '信息纠错',
};

export const en: typeof zh = {
  title: 'Data reports',
};
