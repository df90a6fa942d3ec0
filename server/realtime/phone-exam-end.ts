import type { Clock } from '../clock.js';
import { examEndAt } from '../admission-tickets/exam-progress.js';
import type { RealtimeRepo } from './repo.js';
import { registrationPhonesRoom, type RealtimeServer, type RealtimeSocket } from './types.js';

/**
 * Tells a registration's phones `monitoring:ended` when the exam is over for its candidate
 * (exam-progress.ts decides): on connect (part of the phone's full state), when the interview
 * ends, and at the session's end, which the phone's own heartbeat notices without a database
 * read.
 */
export class PhoneExamEnd {
  constructor(
    private readonly io: RealtimeServer,
    private readonly repo: RealtimeRepo,
    private readonly clock: Clock,
  ) {}

  /** A phone connected: told now when its exam is over, else its session's end is kept. */
  async connected(socket: RealtimeSocket, registrationId: string): Promise<void> {
    const progress = await this.repo.examProgressOf(registrationId);
    if (!progress) return;
    const reason = examEndAt(this.clock.now(), progress);
    if (reason) socket.emit('monitoring:ended', { registrationId, reason });
    else socket.data.sessionEndsAt = progress.endsAt;
  }

  /** A ticket changed: when that ended the exam (the interview is done), the phones are told. */
  async ticketChanged(registrationId: string): Promise<void> {
    const progress = await this.repo.examProgressOf(registrationId);
    const reason = progress ? examEndAt(this.clock.now(), progress) : null;
    if (!reason) return;
    this.io
      .to(registrationPhonesRoom(registrationId))
      .emit('monitoring:ended', { registrationId, reason });
  }

  /** A phone's heartbeat: told once when its session's time is up. */
  heartbeat(socket: RealtimeSocket): void {
    const identity = socket.data.identity;
    const endsAt = socket.data.sessionEndsAt;
    if (identity.kind !== 'phone' || !endsAt || this.clock.now() < endsAt) return;
    delete socket.data.sessionEndsAt;
    socket.emit('monitoring:ended', {
      registrationId: identity.registrationId,
      reason: 'session_ended',
    });
  }
}
