import type katexModule from 'katex';

type Katex = typeof katexModule;

let loading: Promise<Katex> | null = null;
let loaded: Katex | null = null;
const listeners = new Set<() => void>();

/**
 * KaTeX and its stylesheet (with fonts) in their own chunk, fetched the first time a text with a
 * formula is shown: the login page and the candidate home never load it.
 */
export function loadKatex(): Promise<Katex> {
  loading ??= Promise.all([import('katex'), import('katex/dist/katex.min.css')]).then(
    ([module]) => {
      loaded = module.default;
      for (const listener of listeners) listener();
      return loaded;
    },
  );
  return loading;
}

/** KaTeX once loaded, or null (for useSyncExternalStore). */
export function loadedKatex(): Katex | null {
  return loaded;
}

export function onKatexLoaded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
