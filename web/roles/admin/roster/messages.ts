// Texts of this area in both languages; web/i18n/resources mounts them under `adminRoster`.
export const zh = {
  title: '考生名单',
};

export const en: typeof zh = {
  title: 'Roster',
};
