// Texts of this page in both languages; web/i18n/resources mounts them under `adminAudit`.
export const zh = {
  title: '',
};

export const en: typeof zh = {
  title: '',
};
