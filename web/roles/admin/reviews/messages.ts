// Texts of this area in both languages; web/i18n/resources mounts them under `adminReviews`.
export const zh = {
  title: '材料审核',
};

export const en: typeof zh = {
  title: 'Document review',
};
