// A page chunk that fails to load (a lost packet on a poor home connection, or a tab left open
// over a new deploy whose chunks have new names) would show 出错了. Vite announces it as
// `vite:preloadError`: the page reloads once instead, which fetches the current build afresh. A
// page that reloaded for this a moment ago lets the error through (the error page says so and
// offers 重新加载), so a chunk missing from the server cannot loop.

const RELOAD_MARK = 'invigil-chunk-reload-at';
/** A reload this recent was this handler's own: the same failure again is not reloaded. */
export const RELOAD_GRACE_MS = 30_000;

interface ReloadDeps {
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  now: () => number;
  reload: () => void;
}

/** Answers whether the page reloads for this failure (and reloads it). */
export function reloadForChunkError(deps: ReloadDeps): boolean {
  let last = Number.NaN;
  try {
    last = Number(deps.storage.getItem(RELOAD_MARK));
  } catch {
    // Storage refused (private mode): without a mark the page cannot know, so it does not loop.
    return false;
  }
  if (Number.isFinite(last) && deps.now() - last < RELOAD_GRACE_MS) return false;
  try {
    deps.storage.setItem(RELOAD_MARK, String(deps.now()));
  } catch {
    return false;
  }
  deps.reload();
  return true;
}

/** Listens for Vite's chunk failures for the page's lifetime. */
export function reloadOnChunkErrors(): void {
  window.addEventListener('vite:preloadError', (event) => {
    const isReloading = reloadForChunkError({
      storage: sessionStorage,
      now: Date.now,
      reload: () => window.location.reload(),
    });
    if (isReloading) event.preventDefault();
  });
}
