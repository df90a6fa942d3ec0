import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setRegistrationPhoto, type SessionRosterEntry } from '../../../../shared/api/roster.js';
import { FakeApi, refuse } from '../../../test/fake-api.js';
import { render, sessionUser } from '../../../test/render.js';
import { RosterPhotoButton } from './RosterPhotoButton.js';

const REGISTRATION = '00000000-0000-4000-8000-0000000000d1';
const entry = (changes: Partial<SessionRosterEntry> = {}): SessionRosterEntry => ({
  registrationId: REGISTRATION,
  userId: '00000000-0000-4000-8000-0000000000d2',
  candidateName: '赵敏',
  maskedIdNumber: null,
  phone: null,
  admissionNumber: 'INT2026003',
  collegeName: null,
  hasPhoto: false,
  attendance: 'pending',
  attendanceChangedAt: null,
  identityStatus: 'not_uploaded',
  identityConfirmedAt: null,
  mockEntryCount: 0,
  ...changes,
});

describe('RosterPhotoButton (上传照片 in the roster)', () => {
  const admin = sessionUser({ role: 'school_admin', name: '学校管理员' });

  it('uploads a photo for a candidate without one and says the face check uses it', async () => {
    const api = new FakeApi().on(setRegistrationPhoto, {
      registrationId: REGISTRATION,
      hasPhoto: true,
    });
    const { user } = render(<RosterPhotoButton entry={entry()} />, { user: admin, api });
    const file = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'zhao.png', {
      type: 'image/png',
    });
    await user.upload(screen.getByLabelText('上传照片：赵敏', { selector: 'input' }), file);
    expect(
      await screen.findByText('赵敏 的照片已保存，人脸识别将与新照片比对'),
    ).toBeInTheDocument();
    const sent = api.requestsTo(setRegistrationPhoto);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.params).toEqual({ registrationId: REGISTRATION });
    expect(sent[0]?.query.get('name')).toBe('zhao.png');
    expect(sent[0]?.body).toBe(file);
  });

  it('offers 更换照片 when there is one, and names the limit when a photo is too large', async () => {
    const api = new FakeApi().on(setRegistrationPhoto, refuse('FILE_TOO_LARGE'));
    const { user } = render(
      <RosterPhotoButton entry={entry({ hasPhoto: true, candidateName: '张三' })} />,
      { user: admin, api },
    );
    expect(screen.getByRole('button', { name: '更换照片：张三' })).toBeInTheDocument();
    await user.upload(
      screen.getByLabelText('更换照片：张三', { selector: 'input' }),
      new File(['x'], 'big.jpg', { type: 'image/jpeg' }),
    );
    expect(
      await screen.findByText('张三 的照片未保存：文件超过大小限制 (PNG 或 JPEG，最大 5 MB)'),
    ).toBeInTheDocument();
  });
});
