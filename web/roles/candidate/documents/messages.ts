// Texts of this area in both languages; web/i18n/resources mounts them under `candidateDocuments`.
export const zh = {
  title: '身份认证',
};

export const en: typeof zh = {
  title: 'Identity documents',
};
