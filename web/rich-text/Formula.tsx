import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { loadedKatex, loadKatex, onKatexLoaded } from './katex-loader.js';

interface FormulaProps {
  tex: string;
  display: boolean;
}

/**
 * One formula as KaTeX renders it: HTML for the eye and MathML for screen readers. Only KaTeX's
 * own output is put in the page (it escapes the TeX); trust is off, so \href, \url and the HTML
 * extensions render as an error mark, never as a link. Until KaTeX has loaded, the TeX is shown
 * as text.
 */
export function Formula({ tex, display }: FormulaProps) {
  const katex = useSyncExternalStore(onKatexLoaded, loadedKatex, loadedKatex);
  useEffect(() => {
    if (!katex) void loadKatex();
  }, [katex]);
  const html = useMemo(() => {
    if (!katex) return null;
    try {
      return katex.renderToString(tex, {
        displayMode: display,
        throwOnError: false,
        trust: false,
        strict: 'ignore',
        output: 'htmlAndMathml',
      });
    } catch {
      // Only what no parse error covers (nesting too deep for the stack): shown as typed.
      return null;
    }
  }, [katex, tex, display]);
  const Tag = display ? 'div' : 'span';
  if (html === null) {
    return (
      <Tag data-formula={katex ? 'unrenderable' : 'loading'}>
        {display ? `$$${tex}$$` : `$${tex}$`}
      </Tag>
    );
  }
  // KaTeX's output, built from the TeX with every character escaped, is the only HTML set here.
  return <Tag data-formula="ready" dangerouslySetInnerHTML={{ __html: html }} />;
}
