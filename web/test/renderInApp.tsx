// Component tests only (jsdom): the app's providers around one component.
import '@testing-library/jest-dom/vitest';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, type RenderResult } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import type { SessionUser } from '../../shared/api/auth.js';
import { SessionUserContext } from '../auth/SessionUserContext.js';
import { i18next } from '../i18n/index.js';
import { afterEach } from 'vitest';

// Without vitest globals Testing Library cannot unmount by itself between tests.
afterEach(() => cleanup());

// antd asks for media queries (responsive tables, grids); jsdom has none.
if (typeof window.matchMedia !== 'function') {
  // Never matching; the deprecated addListener/removeListener are left out (antd does not use them).
  window.matchMedia = (query: string) =>
    Object.assign(new EventTarget(), {
      matches: false,
      media: query,
      onchange: null,
    }) as unknown as MediaQueryList;
}

// antd measures text areas and overflowing lists; jsdom cannot lay out, so nothing changes size.
if (typeof globalThis.ResizeObserver !== 'function') {
  globalThis.ResizeObserver = class {
    observe() {
      return undefined;
    }
    unobserve() {
      return undefined;
    }
    disconnect() {
      return undefined;
    }
  };
}

/** A logged-in user of the demo school, for components that read the session. */
export function testUser(changes: Partial<SessionUser> = {}): SessionUser {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    role: 'examiner',
    name: '考官 周老师',
    schoolId: '00000000-0000-4000-8000-000000000002',
    schoolSlug: 'demo',
    schoolName: '演示大学',
    schoolTimeZone: 'Asia/Shanghai',
    collegeId: null,
    collegeName: null,
    locale: 'zh-CN',
    mustChangePassword: false,
    ...changes,
  };
}

/** Renders under a fresh query cache, antd's App, a router and (optionally) a session user. */
export function renderInApp(
  ui: ReactNode,
  options: { user?: SessionUser | null; language?: 'zh-CN' | 'en' } = {},
): RenderResult & { queryClient: QueryClient } {
  void i18next.changeLanguage(options.language ?? 'zh-CN');
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const result = render(
    <QueryClientProvider client={queryClient}>
      <ConfigProvider button={{ autoInsertSpace: false }}>
        <AntApp>
          <MemoryRouter>
            <SessionUserContext value={options.user === undefined ? testUser() : options.user}>
              {ui}
            </SessionUserContext>
          </MemoryRouter>
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>,
  );
  return { ...result, queryClient };
}

/** A fetch stub answering every call with this JSON body; the calls are on `mock.calls`. */
export function jsonFetch(body: unknown, status = 200) {
  return () =>
    Promise.resolve(
      new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      }),
    );
}
