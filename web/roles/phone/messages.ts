// Texts of this area in both languages; web/i18n/resources mounts them under `phoneCamera`.
export const zh = {
  title: '手机机位',
};
export const en: typeof zh = {
  title: 'Phone camera',
};
