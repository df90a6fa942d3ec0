import type { Locale } from '../../shared/enums.js';

/** The English name when the interface is in English and one exists, else the Chinese name. */
export function localizedName(
  item: { name: string; nameEn: string | null },
  locale: Locale,
): string {
  return locale === 'en' && item.nameEn ? item.nameEn : item.name;
}
