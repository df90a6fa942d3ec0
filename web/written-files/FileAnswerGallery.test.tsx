import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { render, sessionUser } from '../test/render.js';
import { FileAnswerGallery } from './FileAnswerGallery.js';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const REGISTRATION = '00000000-0000-4000-8000-000000000001';

const srcOf = (element: HTMLElement) => element.querySelector('img')?.getAttribute('src');

describe('FileAnswerGallery (作答照片)', () => {
  it('shows a marker each photo from the staff route and opens it large, by keyboard too', async () => {
    const { user } = render(<FileAnswerGallery fileIds={[A, B]} />, {
      user: sessionUser({ role: 'school_admin' }),
    });
    const list = screen.getByRole('list', { name: '作答照片（2 张）' });
    const second = within(list).getByRole('button', { name: '第 2 张照片（点击放大）' });
    expect(srcOf(second)).toBe(`/api/answer-files/${B}/content`);
    second.focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: '第 2 张照片' });
    expect(within(dialog).getByRole('img', { name: '第 2 张照片' })).toHaveAttribute(
      'src',
      `/api/answer-files/${B}/content`,
    );
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('shows the candidate their own photos from their registration, and says when there are none', () => {
    const { unmount } = render(<FileAnswerGallery fileIds={[A]} registrationId={REGISTRATION} />, {
      user: sessionUser(),
    });
    expect(srcOf(screen.getByRole('button', { name: '第 1 张照片（点击放大）' }))).toBe(
      `/api/me/registrations/${REGISTRATION}/attempt/files/${A}/content`,
    );
    unmount();
    render(<FileAnswerGallery fileIds={[]} />, { user: sessionUser() });
    expect(screen.getByText('未上传照片')).toBeInTheDocument();
  });
});
