import type { SessionUser } from '../../shared/api/auth.js';
import type { AdmissionTicket, AttendanceChange } from '../../shared/api/tickets.js';
import type { Actor, AuditLog } from '../audit/audit-log.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors/app-error.js';
import { readStoredBytes } from '../files/stored-files.js';
import type { FileStorage } from '../files/storage.js';
import { presentTicket } from './presenter.js';
import type { TicketRow, TicketsRepo } from './repo.js';

export type { Actor } from '../audit/audit-log.js';

/**
 * 准考证 and attendance (确认参加 / 确认放弃) of a candidate's own registrations. Someone else's
 * registration answers NOT_FOUND, never FORBIDDEN, so registration ids do not leak.
 */
export class TicketsService {
  constructor(
    private readonly repo: TicketsRepo,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly storage: FileStorage,
  ) {}

  async ticket(user: SessionUser, registrationId: string): Promise<AdmissionTicket> {
    return presentTicket(await this.findOwn(user, registrationId), this.clock.now());
  }

  async photo(
    user: SessionUser,
    registrationId: string,
  ): Promise<{ bytes: Buffer; mimeType: string }> {
    const file = await this.repo.photoOf(user.id, registrationId);
    if (!file) throw AppError.notFound('photo');
    return {
      bytes: await readStoredBytes(this.storage, file.storageKey, 'photo'),
      mimeType: file.mimeType,
    };
  }

  /**
   * Withdrawing is final, and refused once the candidate entered the waiting room (staff may be
   * calling them); nothing changes once the session has ended.
   */
  async setAttendance(
    actor: Actor,
    registrationId: string,
    attendance: AttendanceChange,
  ): Promise<AdmissionTicket> {
    const row = await this.findOwn(actor.user, registrationId);
    const now = this.clock.now();
    if (now >= row.endsAt) throw AppError.of('CONFLICT', 'The session has ended');
    if (row.attendance === attendance) return presentTicket(row, now);
    if (row.attendance === 'withdrawn') throw withdrawnConflict();
    const changed = await this.repo.setAttendance(registrationId, attendance, now);
    if (!changed) {
      throw (await this.repo.hasEnteredWaitingRoom(registrationId))
        ? AppError.of('WITHDRAWAL_AFTER_ENTRY')
        : withdrawnConflict();
    }
    await this.audit.recordBy(actor, {
      schoolId: row.schoolId,
      action: `registration.${attendance}`,
      targetType: 'registration',
      targetId: registrationId,
      detail: `${row.examName} ${row.sessionName} ${row.admissionNumber}`,
    });
    return presentTicket({ ...row, attendance, attendanceChangedAt: now }, now);
  }

  private async findOwn(user: SessionUser, registrationId: string): Promise<TicketRow> {
    const row = await this.repo.ticketOf(user.id, registrationId);
    if (!row) throw AppError.notFound('registration');
    return row;
  }
}

function withdrawnConflict(): AppError {
  return AppError.of('CONFLICT', 'Withdrawing is final');
}
