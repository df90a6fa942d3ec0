import { describe, expect, it } from 'vitest';
import { PcAttendance } from './pc-attendance.js';

const at = (seconds: number) => new Date(Date.UTC(2026, 11, 20, 1, 0, seconds));

describe('PcAttendance', () => {
  it("answers each registration's latest sighting over all of its sockets", () => {
    const attendance = new PcAttendance();
    expect(attendance.connected('s1', ['r1', 'r2'], at(0))).toEqual([
      { registrationId: 'r1', at: at(0) },
      { registrationId: 'r2', at: at(0) },
    ]);
    attendance.connected('s2', ['r1'], at(5));
    attendance.heard('s1', at(20));
    expect(attendance.snapshot()).toEqual([
      { registrationId: 'r1', at: at(20) },
      { registrationId: 'r2', at: at(20) },
    ]);
  });

  it('dates a clean close now, and a ping timeout when the socket was last heard', () => {
    const attendance = new PcAttendance();
    attendance.connected('closed', ['r1'], at(0));
    attendance.connected('silent', ['r2'], at(0));
    attendance.heard('silent', at(10));
    expect(attendance.disconnected('closed', at(30), false)).toEqual([
      { registrationId: 'r1', at: at(30) },
    ]);
    // The power went at about 10 s; the server's ping gave up 45 s later.
    expect(attendance.disconnected('silent', at(55), true)).toEqual([
      { registrationId: 'r2', at: at(10) },
    ]);
    expect(attendance.snapshot()).toEqual([]);
    expect(attendance.disconnected('silent', at(60), true)).toEqual([]);
  });
});
