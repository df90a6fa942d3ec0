import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

type TitlePart = string | null | undefined;

/** "面试中 · 2026年…面试 · 云考场": the parts known so far, then the product, in the interface language. */
export function documentTitle(parts: readonly TitlePart[], product: string): string {
  return [...parts.filter((part): part is string => Boolean(part)), product].join(' · ');
}

/**
 * Names the browser tab after the page and its state (most specific first), so screen-reader
 * users hear where they landed and a background tab says what is going on.
 */
export function useDocumentTitle(title: TitlePart | readonly TitlePart[]): void {
  const { t } = useTranslation();
  const parts = typeof title === 'string' || !title ? [title] : title;
  const text = parts.some(Boolean) ? documentTitle(parts, t('app.name')) : t('app.fullName');
  useEffect(() => {
    document.title = text;
  }, [text]);
}
