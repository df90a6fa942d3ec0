// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionRosterEntry } from '../../../../shared/api/roster.js';
import { renderInApp, testUser } from '../../../test/renderInApp.js';
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

/** The upload's XMLHttpRequest, answering with the next status and body. */
class FakeUpload {
  static sent: { method: string; url: string; body: unknown }[] = [];
  static answer: { status: number; body: unknown } = { status: 200, body: {} };
  status = 0;
  responseText = '';
  upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  private method = '';
  private url = '';
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader() {
    return undefined;
  }
  getAllResponseHeaders() {
    return 'content-type: application/json';
  }
  abort() {
    return undefined;
  }
  send(body: unknown) {
    FakeUpload.sent.push({ method: this.method, url: this.url, body });
    this.status = FakeUpload.answer.status;
    this.responseText = JSON.stringify(FakeUpload.answer.body);
    queueMicrotask(() => this.onload?.());
  }
}

describe('RosterPhotoButton (上传照片 in the roster)', () => {
  const admin = testUser({ role: 'school_admin', name: '学校管理员' });
  beforeEach(() => {
    document.cookie = 'invigil_csrf=test-token; path=/';
    FakeUpload.sent = [];
    vi.stubGlobal('XMLHttpRequest', FakeUpload);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('uploads a photo for a candidate without one and says the face check uses it', async () => {
    FakeUpload.answer = { status: 200, body: { registrationId: REGISTRATION, hasPhoto: true } };
    renderInApp(<RosterPhotoButton entry={entry()} />, { user: admin });
    const file = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'zhao.png', {
      type: 'image/png',
    });
    await userEvent.upload(screen.getByLabelText('上传照片：赵敏', { selector: 'input' }), file);
    expect(
      await screen.findByText('赵敏 的照片已保存，人脸识别将与新照片比对'),
    ).toBeInTheDocument();
    expect(FakeUpload.sent).toEqual([
      {
        method: 'PUT',
        url: `/api/admin/registrations/${REGISTRATION}/photo?name=zhao.png`,
        body: file,
      },
    ]);
  });

  it('offers 更换照片 when there is one, and names the limit when a photo is too large', async () => {
    FakeUpload.answer = {
      status: 413,
      body: { error: { code: 'FILE_TOO_LARGE', message: '文件超过大小限制', requestId: 'r' } },
    };
    renderInApp(<RosterPhotoButton entry={entry({ hasPhoto: true, candidateName: '张三' })} />, {
      user: admin,
    });
    expect(screen.getByRole('button', { name: '更换照片：张三' })).toBeInTheDocument();
    await userEvent.upload(
      screen.getByLabelText('更换照片：张三', { selector: 'input' }),
      new File(['x'], 'big.jpg', { type: 'image/jpeg' }),
    );
    expect(
      await screen.findByText('张三 的照片未保存：文件超过大小限制 (PNG 或 JPEG，最大 5 MB)'),
    ).toBeInTheDocument();
  });
});
