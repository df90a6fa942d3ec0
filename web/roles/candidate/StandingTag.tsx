import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CandidateStanding } from '../../../shared/enums.js';

/** The standings that say more than the session's status, with their colours. */
const OWN_STANDINGS = { waiting: 'blue', interviewing: 'green', interview_done: 'purple' } as const;
type OwnStanding = keyof typeof OWN_STANDINGS;

const isOwnStanding = (standing: CandidateStanding): standing is OwnStanding =>
  standing in OWN_STANDINGS;

/**
 * Where the candidate stands as the server says it (在候考区 / 面试中 / 面试结束); before
 * that, and after a session that ended without an end of their own, `fallback` (the session's
 * status).
 */
export function StandingTag({
  standing,
  fallback,
}: {
  standing: CandidateStanding;
  fallback: ReactNode;
}) {
  const { t } = useTranslation();
  if (!isOwnStanding(standing)) return fallback;
  return (
    <Tag color={OWN_STANDINGS[standing]} data-testid="candidate-standing" data-standing={standing}>
      {t(`candidateIdentity.standing.${standing}`)}
    </Tag>
  );
}
