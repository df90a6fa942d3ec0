import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SIGNAL_EVENT_TYPES, type SignalEventType } from '../../../../shared/api/attempt-events.js';
import { OUTAGE_OUTCOMES } from '../../../../shared/api/attempt-progress.js';
import type { TimelineEntry } from '../../../../shared/api/attempt-timeline.js';
import { SUBMIT_REASONS } from '../../../../shared/api/written-exam.js';
import { FACE_VERDICTS } from '../../../../shared/enums.js';

const AI_CONDITIONS = ['no_face', 'multiple_faces', 'looking_away'] as const;

const isOneOf = <T extends string>(values: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (values as readonly string[]).includes(value);

/** An entry's name and its facts in words, in the interface language. */
export function useTimelineWords() {
  const { t } = useTranslation();
  return useMemo(() => {
    const label = (entry: TimelineEntry): string =>
      entry.kind === 'event'
        ? entry.eventType
          ? t(`staffTimeline.events.${entry.eventType}`)
          : entry.kind
        : t(`staffTimeline.kinds.${entry.kind}`);

    const detail = (entry: TimelineEntry): string => {
      const { detail: facts } = entry;
      const parts: string[] = [];
      switch (entry.kind) {
        case 'warning_sent':
        case 'warning_confirmed':
          parts.push(t('staffTimeline.detail.text', { text: String(facts.text ?? '') }));
          break;
        case 'outage_ended':
          parts.push(t('staffTimeline.detail.lost', { seconds: Number(facts.lostSeconds ?? 0) }));
          if (isOneOf(OUTAGE_OUTCOMES, facts.outcome)) {
            parts.push(t(`staffTimeline.outcomes.${facts.outcome}`));
          }
          if (Number(facts.compensationMinutes) > 0) {
            parts.push(
              t('staffTimeline.detail.compensated', { minutes: Number(facts.compensationMinutes) }),
            );
          }
          break;
        case 'time_added':
          if (facts.minutes !== undefined) {
            parts.push(t('staffTimeline.detail.minutes', { minutes: Number(facts.minutes) }));
          }
          break;
        case 'face_check':
          if (isOneOf(FACE_VERDICTS, facts.verdict)) {
            parts.push(t(`staffTimeline.verdicts.${facts.verdict}`));
          }
          if (typeof facts.score === 'number') {
            parts.push(t('staffTimeline.detail.score', { score: facts.score.toFixed(2) }));
          }
          break;
        case 'submitted':
          if (isOneOf(SUBMIT_REASONS, facts.reason)) {
            parts.push(t(`staffTimeline.reasons.${facts.reason}`));
          }
          if (facts.forcedReason !== undefined) {
            parts.push(
              t('staffTimeline.detail.forcedReason', { reason: String(facts.forcedReason) }),
            );
          }
          break;
        case 'event':
          for (const [key, value] of Object.entries(facts)) {
            if (key === 'blocked') {
              parts.push(
                t(
                  value === true
                    ? 'staffTimeline.detail.blocked'
                    : 'staffTimeline.detail.notBlocked',
                ),
              );
            } else if (key === 'heldSeconds' || key === 'seconds') {
              parts.push(t('staffTimeline.detail.held', { seconds: Number(value) }));
            } else if (key === 'condition' && isOneOf(AI_CONDITIONS, value)) {
              parts.push(t(`staffTimeline.aiConditions.${value}`));
            } else parts.push(t('staffTimeline.detail.fact', { key, value: String(value) }));
          }
          break;
        case 'attempt_started':
        case 'outage_started':
          break;
      }
      return parts.join(t('staffTimeline.detail.separator'));
    };

    /** `离开页面 3 次 · 粘贴 1 次`: each signal seen, in the order of SIGNAL_EVENT_TYPES. */
    const signalWords = (counts: Partial<Record<SignalEventType, number>>): string =>
      SIGNAL_EVENT_TYPES.filter((type) => (counts[type] ?? 0) > 0)
        .map((type) =>
          t('staffTimeline.signalCount', {
            label: t(`staffTimeline.signalWords.${type}`),
            count: counts[type] ?? 0,
          }),
        )
        .join(' · ');

    return { label, detail, signalWords };
  }, [t]);
}
