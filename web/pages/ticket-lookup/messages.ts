// Texts of this area in both languages; web/i18n/resources mounts them under `ticketLookup`.
export const zh = {
  title: '准考证查询',
};

export const en: typeof zh = {
  title: 'Admission ticket lookup',
};
