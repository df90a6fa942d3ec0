import type { QueryClient } from '@tanstack/react-query';
import { render as renderDom, type RenderResult } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel, type UserEvent } from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { expect, onTestFinished } from 'vitest';
import { getCsrfToken, getCurrentUser, type SessionUser } from '../../shared/api/auth.js';
import type { Locale } from '../../shared/enums.js';
import { AppProviders } from '../AppProviders.js';
import { createQueryClient } from '../api/queryClient.js';
import { RequireAuth } from '../auth/RequireAuth.js';
import { sessionQueryKey } from '../auth/session.js';
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

export interface RenderOptions {
  /** The route pattern the element is mounted at, e.g. `/candidate/registrations/:id/check-in`. */
  path?: string;
  /** The address the page opens at (defaults to `path`). */
  url?: string;
  /**
   * Logged in as this user: the element sits under the app's real route guard (RequireAuth),
   * which provides the session to the page as after a login. Omit for a page without login.
   */
  user?: SessionUser;
  /** The network; a fresh one answering only the session and CSRF routes by default. */
  api?: FakeApi;
  /** The interface language (zh-CN by default, as the app starts for a new visitor). */
  language?: Locale;
}

export interface Rendered extends RenderResult {
  /** The fake server: what it answers (`on`) and what the page sent (`requestsTo`). */
  api: FakeApi;
  /** Clicks and typing, as a person does them. */
  user: UserEvent;
  /** This test's own react-query cache. */
  client: QueryClient;
  /** Where the app is now (after its own navigations). */
  location: () => string;
}

/** Shows where a navigation led, so a test can read it like a user would see the page change. */
function Elsewhere() {
  const location = useLocation();
  return <p data-testid="elsewhere">{location.pathname}</p>;
}

/**
 * Renders a page or component the way the app does: i18n (zh-CN unless `language`), the app's
 * providers (antd's ConfigProvider in that language and App context, without antd's runtime CSS,
 * which jsdom cannot lay out anyway), a fresh react-query cache with the app's rules but no
 * retries (so a refusal shows at once), a memory router and, with `user`, the route guard. Only
 * the network is fake (`api`, web/test/fake-api.ts): a request the test did not expect fails it.
 */
export function render(ui: ReactElement, options: RenderOptions = {}): Rendered {
  applyLocale(options.language ?? 'zh-CN');
  const path = options.path ?? '/';
  const api = (options.api ?? new FakeApi()).install();
  api.on(getCsrfToken, { token: 'csrf-test' });
  // A request the test did not answer got a 500: the page did something the test did not see.
  onTestFinished(() => expect(api.unexpected, 'requests the test did not answer').toEqual([]));
  const client = createQueryClient();
  client.setDefaultOptions({
    ...client.getDefaultOptions(),
    queries: { ...client.getDefaultOptions().queries, retry: false },
  });
  if (options.user) {
    api.on(getCurrentUser, { user: options.user });
    // As after a login (useCompleteLogin): the guard has the user at once, no spinner first.
    client.setQueryData(sessionQueryKey, options.user);
  }
  const router = createMemoryRouter(
    [
      options.user
        ? { element: <RequireAuth />, children: [{ path, element: ui }] }
        : { path, element: ui },
      { path: '*', element: <Elsewhere /> },
    ],
    { initialEntries: [options.url ?? path] },
  );
  // The pointer-events check reads every antd style sheet per action: slow in jsdom, and the
  // tests assert enabled/disabled through roles instead.
  const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
  const rendered = renderDom(
    <AppProviders client={client} withoutRuntimeStyles>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...rendered, api, user, client, location: () => router.state.location.pathname };
}
