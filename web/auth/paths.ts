import type { SessionUser } from '../../shared/api/auth.js';

const LOGIN_PATH_KEY = 'invigil.loginPath';

/** Where a user lands after login: their role's home, or the forced password change. */
export function homePathFor(user: Pick<SessionUser, 'role' | 'mustChangePassword'>): string {
  if (user.mustChangePassword) return '/change-password';
  switch (user.role) {
    case 'candidate':
      return '/candidate';
    case 'examiner':
      return '/examiner';
    case 'proctor':
      return '/proctor';
    case 'college_admin':
    case 'school_admin':
    case 'platform_admin':
      return '/admin';
  }
}

/** The login page a user came from: their school's page, or the platform login. */
export function loginPathFor(user: Pick<SessionUser, 'schoolSlug'>): string {
  return user.schoolSlug ? `/s/${encodeURIComponent(user.schoolSlug)}` : '/login';
}

/** Remembers the login page so an expired session returns to the right school. */
export function rememberLoginPath(path: string): void {
  try {
    localStorage.setItem(LOGIN_PATH_KEY, path);
  } catch {
    // Storage disabled: an expired session falls back to the platform login.
  }
}

export function rememberedLoginPath(): string {
  try {
    const path = localStorage.getItem(LOGIN_PATH_KEY);
    return path && /^\/(s\/[a-z0-9-]+|login)$/.test(path) ? path : '/login';
  } catch {
    return '/login';
  }
}
