import { render, type RenderResult } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel, type UserEvent } from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { getCsrfToken, getCurrentUser, type SessionUser } from '../../shared/api/auth.js';
import { AppProviders } from '../AppProviders.js';
import { createQueryClient } from '../api/queryClient.js';
import { RequireAuth } from '../auth/RequireAuth.js';
import { applyLocale } from '../i18n/index.js';
import { FakeApi } from './fake-api.js';

export const TEST_SCHOOL_ID = '00000000-0000-4000-8000-000000000001';

/** A logged-in user of the demo school (override what the test is about). */
export function sessionUser(overrides: Partial<SessionUser> = {}): SessionUser {
  return {
    id: '00000000-0000-4000-8000-0000000000aa',
    role: 'candidate',
    name: '张三',
    schoolId: TEST_SCHOOL_ID,
    schoolSlug: 'demo',
    schoolName: '示范大学',
    collegeId: null,
    collegeName: null,
    locale: 'zh-CN',
    schoolTimeZone: 'Asia/Shanghai',
    mustChangePassword: false,
    ...overrides,
  };
}

interface RenderOptions {
  /** The route pattern the element is mounted at, e.g. `/candidate/registrations/:id/check-in`. */
  path?: string;
  /** The address the page opens at (defaults to `path`). */
  url?: string;
  /** Logged in as this user (through the real route guard); omit for a page without login. */
  user?: SessionUser;
  /** The network; a fresh one answering only the session and CSRF routes by default. */
  api?: FakeApi;
}

export interface RenderedPage extends RenderResult {
  api: FakeApi;
  user: UserEvent;
  /** Where the app is now (after its own navigations). */
  location: () => string;
}

/** Shows where a navigation led, so a test can read it like a user would see the page change. */
function Elsewhere() {
  const location = useLocation();
  return <p data-testid="elsewhere">{location.pathname}</p>;
}

/**
 * Renders a page or component the way the app does: i18n in zh-CN, antd's ConfigProvider and
 * App context (without antd's runtime CSS, which jsdom cannot lay out anyway), a fresh react-query cache with the app's rules (no retries, so a refusal shows at
 * once), and a memory router; only the network is fake (`api`, web/test/fake-api.ts).
 */
export function renderPage(element: ReactElement, options: RenderOptions = {}): RenderedPage {
  applyLocale('zh-CN');
  const path = options.path ?? '/';
  const api = (options.api ?? new FakeApi()).install();
  api.on(getCsrfToken, { token: 'csrf-test' });
  if (options.user) api.on(getCurrentUser, { user: options.user });
  const client = createQueryClient();
  client.setDefaultOptions({
    ...client.getDefaultOptions(),
    queries: { ...client.getDefaultOptions().queries, retry: false },
  });
  const router = createMemoryRouter(
    [
      options.user
        ? { element: <RequireAuth />, children: [{ path, element }] }
        : { path, element },
      { path: '*', element: <Elsewhere /> },
    ],
    { initialEntries: [options.url ?? path] },
  );
  // The pointer-events check reads every antd style sheet per action: slow in jsdom, and the
  // tests assert enabled/disabled through roles instead.
  const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
  const rendered = render(
    <AppProviders client={client} withoutRuntimeStyles>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...rendered, api, user, location: () => router.state.location.pathname };
}
