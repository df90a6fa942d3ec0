import { useEffect } from 'react';

const PRODUCT = '云考场 Invigil';

/** Names the browser tab after the page, so screen-reader users hear where they landed. */
export function useDocumentTitle(title: string | null): void {
  useEffect(() => {
    document.title = title ? `${title} - ${PRODUCT}` : PRODUCT;
  }, [title]);
}
