import { recordMyAttemptEvents } from '../../../../../shared/api/attempt-events.js';
import { callApi } from '../../../../api/client.js';
import { outcomeOfError, SAVE_TIMEOUT_MS } from '../save-sender.js';
import type { EventSender, EventSendOutcome } from './event-queue.js';

/** What a refused batch means for the queue, read as an autosave's refusal is. */
function outcomeOf(error: unknown): EventSendOutcome {
  const outcome = outcomeOfError(error);
  switch (outcome.kind) {
    case 'closed':
      return { kind: 'closed' };
    case 'rejected':
      // The attempt's cap, or an event the server cannot take: sending it again cannot help.
      return { kind: 'dropped' };
    case 'failed':
    case 'stale':
    case 'saved':
      return { kind: 'failed' };
  }
}

/**
 * Sends one batch of the attempt's events through the shared contract; no answer after
 * `timeoutMs` counts as failed (the replay of the same ids is stored once).
 */
export function eventSender(registrationId: string, timeoutMs = SAVE_TIMEOUT_MS): EventSender {
  return async (events) => {
    let timer: number | undefined;
    const timedOut = new Promise<EventSendOutcome>((resolve) => {
      timer = window.setTimeout(() => resolve({ kind: 'failed' }), timeoutMs);
    });
    const body = {
      events: events.map(({ id, type, at, detail }) => ({
        id,
        type,
        at,
        ...(detail ? { detail } : {}),
      })),
    };
    const sent = callApi(recordMyAttemptEvents, { params: { registrationId }, body }).then(
      (): EventSendOutcome => ({ kind: 'saved' }),
      outcomeOf,
    );
    try {
      return await Promise.race([sent, timedOut]);
    } finally {
      window.clearTimeout(timer);
    }
  };
}
