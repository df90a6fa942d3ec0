import type { AttemptEventType } from '../../shared/api/attempt-events.js';
import type { OutageOutcome } from '../../shared/api/attempt-progress.js';
import type { TimelineEntry, TimelineGroup } from '../../shared/api/attempt-timeline.js';
import type { SubmitReason } from '../../shared/api/written-exam.js';
import type { FaceVerdict } from '../../shared/enums.js';
import { zh as words } from '../../shared/timeline-words.js';

// The report's Chinese words (the report is a file, read outside the app's i18n): the staff
// page's own, from shared/timeline-words.ts.

export const EVENT_LABELS: Record<AttemptEventType, string> = words.events;

const KIND_LABELS: Record<Exclude<TimelineEntry['kind'], 'event'>, string> = words.kinds;

export const GROUP_LABELS: Record<TimelineGroup, string> = words.groups;

const REASONS: Record<SubmitReason, string> = words.reasons;

const OUTCOMES: Record<OutageOutcome, string> = words.outcomes;

const VERDICTS: Record<FaceVerdict, string> = words.verdicts;

/** What an ai_condition_ended event says ended (detail `condition`). */
const AI_CONDITIONS = words.aiConditions;

export function entryLabel(entry: TimelineEntry): string {
  if (entry.kind === 'event') return entry.eventType ? EVENT_LABELS[entry.eventType] : '事件';
  return KIND_LABELS[entry.kind];
}

function isKeyOf<T extends object>(record: T, key: unknown): key is keyof T {
  return typeof key === 'string' && Object.hasOwn(record, key);
}

/** The entry's facts in words; unknown facts of an event as `name: value`. */
export function entryDetail(entry: TimelineEntry): string {
  const { detail } = entry;
  const parts: string[] = [];
  switch (entry.kind) {
    case 'warning_sent':
    case 'warning_confirmed':
      parts.push(`内容：${String(detail.text ?? '')}`);
      break;
    case 'outage_ended':
      parts.push(`断线 ${String(detail.lostSeconds ?? 0)} 秒`);
      if (isKeyOf(OUTCOMES, detail.outcome)) parts.push(OUTCOMES[detail.outcome]);
      if (Number(detail.compensationMinutes) > 0) {
        parts.push(`补时 ${String(detail.compensationMinutes)} 分钟`);
      }
      break;
    case 'time_added':
      if (detail.minutes !== undefined) parts.push(`加时 ${String(detail.minutes)} 分钟`);
      break;
    case 'face_check':
      if (isKeyOf(VERDICTS, detail.verdict)) parts.push(VERDICTS[detail.verdict]);
      if (typeof detail.score === 'number') parts.push(`相似度 ${detail.score.toFixed(2)}`);
      break;
    case 'submitted':
      if (isKeyOf(REASONS, detail.reason)) parts.push(REASONS[detail.reason]);
      if (detail.forcedReason !== undefined) parts.push(`原因：${String(detail.forcedReason)}`);
      break;
    case 'event':
      for (const [key, value] of Object.entries(detail)) {
        if (key === 'blocked') parts.push(value === true ? '已阻止' : '未阻止');
        else if (key === 'heldSeconds' || key === 'seconds') parts.push(`持续 ${String(value)} 秒`);
        else if (key === 'condition' && isKeyOf(AI_CONDITIONS, value)) {
          parts.push(AI_CONDITIONS[value]);
        } else parts.push(`${key}: ${String(value)}`);
      }
      // The picture itself stays in the app (each view audited); the report says there is one.
      if (entry.hasSnapshot) parts.push('有截图');
      break;
    case 'attempt_started':
    case 'outage_started':
      break;
  }
  return parts.join('；');
}
