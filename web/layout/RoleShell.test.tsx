import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { render, sessionUser } from '../test/render.js';
import { RoleShell } from './RoleShell.js';

describe('RoleShell (the header of every logged-in page)', () => {
  it('says the role once when the name already says it (学校管理员)', () => {
    render(<RoleShell>page</RoleShell>, {
      user: sessionUser({ role: 'school_admin', name: '学校管理员' }),
    });
    const header = screen.getByRole('banner');
    expect(header.textContent.match(/学校管理员/g)).toHaveLength(1);
    // One main landmark (antd's Layout.Content is one already).
    expect(screen.getAllByRole('main')).toHaveLength(1);
  });

  it('adds the role to a plain name, in the interface language', () => {
    render(<RoleShell>page</RoleShell>, {
      user: sessionUser({ role: 'school_admin', name: '王老师' }),
      language: 'en',
    });
    expect(screen.getByRole('banner')).toHaveTextContent('王老师School administrator');
  });

  it('leaves out an English role label a Chinese name already carries (考官 周老师)', () => {
    render(<RoleShell>page</RoleShell>, {
      user: sessionUser({ role: 'examiner', name: '考官 周老师' }),
      language: 'en',
    });
    expect(screen.getByRole('banner')).not.toHaveTextContent('Examiner');
  });
});
