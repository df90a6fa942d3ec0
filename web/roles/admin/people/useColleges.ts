import { useQuery } from '@tanstack/react-query';
import { listColleges } from '../../../../shared/api/people.js';
import { callApi } from '../../../api/client.js';

/** Query keys of this page; mutations invalidate the lists they change. */
export const peopleKeys = {
  colleges: ['admin', 'colleges'] as const,
  staff: ['admin', 'staff'] as const,
};

/** The colleges the admin may see (a college admin: their own). */
export function useColleges() {
  return useQuery({ queryKey: peopleKeys.colleges, queryFn: () => callApi(listColleges) });
}
