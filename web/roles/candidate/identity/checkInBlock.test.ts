import { describe, expect, it } from 'vitest';
import { checkInBlockMessageKey, checkInPath, waitingRoomEntryPath } from './checkInBlock.js';

describe('checkInBlock', () => {
  it('shows the reason the server gives, and none once the exam is over for the candidate', () => {
    expect(checkInBlockMessageKey(null)).toBeNull();
    expect(checkInBlockMessageKey('finished')).toBeNull();
    expect(checkInBlockMessageKey('attendance_pending')).toBe('attendancePending');
    expect(checkInBlockMessageKey('not_open')).toBe('notOpen');
  });

  it('links to the check-in page of the registration', () => {
    expect(checkInPath('abc')).toBe('/candidate/registrations/abc/check-in');
  });

  it('leads 进入候考区 straight to the 候考区 once the candidate is there', () => {
    expect(waitingRoomEntryPath({ registrationId: 'abc', standing: 'check_in' })).toBe(
      '/candidate/registrations/abc/check-in',
    );
    expect(waitingRoomEntryPath({ registrationId: 'abc', standing: 'interviewing' })).toBe(
      '/candidate/registrations/abc/waiting-room',
    );
  });
});
