// Texts of this area in both languages; web/i18n/resources mounts them under `candidateIdentity`.
export const zh = {
  title: '模拟考试',
};

export const en: typeof zh = {
  title: 'Mock exam',
};
