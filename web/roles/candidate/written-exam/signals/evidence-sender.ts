import { uploadMyEventSnapshot } from '../../../../../shared/api/attempt-evidence.js';
import { isApiError } from '../../../../api/ApiError.js';
import { uploadApi } from '../../../../api/upload.js';
import type { SnapshotOutcome, SnapshotSender } from './evidence-queue.js';

/** An upload without an answer after this long is tried again later. */
const UPLOAD_TIMEOUT_MS = 30_000;

/** What a refused upload means: its event not there yet or no answer waits; the rest is final. */
function outcomeOf(error: unknown): SnapshotOutcome {
  if (!isApiError(error)) return 'later';
  if (error.code === 'EVENT_NOT_FOUND' || error.code === 'NETWORK' || error.status >= 500) {
    return 'later';
  }
  if (error.code === 'RATE_LIMITED') return 'later';
  return 'dropped';
}

/** Uploads one snapshot of the candidate's registration through the shared contract. */
export function snapshotSender(registrationId: string): SnapshotSender {
  return async (snapshot) => {
    const controller = new AbortController();
    const timer = window.setTimeout(() => controller.abort(), UPLOAD_TIMEOUT_MS);
    try {
      await uploadApi(
        uploadMyEventSnapshot,
        {
          params: { registrationId, eventId: snapshot.eventId },
          query: { name: `${snapshot.eventId}.jpg` },
        },
        snapshot.jpeg,
        { signal: controller.signal },
      );
      return 'done';
    } catch (error) {
      return outcomeOf(error);
    } finally {
      window.clearTimeout(timer);
    }
  };
}
