import { Button, type ButtonProps } from 'antd';
import { useNavigate } from 'react-router';

/** The session parameter of the roster page's address. */
export const ROSTER_SESSION_PARAM = 'session';

/** `/admin/exams/:examId/roster`, optionally opened at one session's list. */
export function rosterPath(examId: string, sessionId?: string): string {
  const base = `/admin/exams/${encodeURIComponent(examId)}/roster`;
  return sessionId ? `${base}?${ROSTER_SESSION_PARAM}=${encodeURIComponent(sessionId)}` : base;
}

type NavButtonProps = Omit<ButtonProps, 'href' | 'onClick'> & { to: string };

/** A button (like the other row actions) that opens another page of the app. */
export function NavButton({ to, ...rest }: NavButtonProps) {
  const navigate = useNavigate();
  return <Button {...rest} onClick={() => void navigate(to)} />;
}
