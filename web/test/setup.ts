import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import '../i18n/index.js';
// The router loads these with the role pages (web/router.tsx); tests render the pages directly.
import '../i18n/candidateTexts.js';
import '../i18n/staffTexts.js';
import { cacheComputedStyles } from './computed-style-cache.js';
import { pageSocket } from './fake-socket.js';

// The page's socket is network too: the test plays the server (web/test/fake-socket.ts).
vi.mock('socket.io-client', async () => {
  const { fakeIo } = await import('./fake-socket.js');
  return { io: fakeIo };
});

// What jsdom lacks and antd reads on every render (responsive grid, measured overlays).
const ignore = () => undefined;
Object.defineProperty(window, 'matchMedia', {
  configurable: true,
  // Older antd internals still call addListener/removeListener.
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: ignore,
    removeListener: ignore,
    addEventListener: ignore,
    removeEventListener: ignore,
    dispatchEvent: () => false,
  }),
});

cacheComputedStyles();

class NoResizeObserver implements ResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (!('ResizeObserver' in globalThis)) globalThis.ResizeObserver = NoResizeObserver;

afterEach(() => {
  cleanup();
  pageSocket.reset();
  vi.unstubAllGlobals();
  document.cookie.split(';').forEach((part) => {
    const name = part.split('=')[0]?.trim();
    if (name) document.cookie = `${name}=; Max-Age=0; path=/`;
  });
});
