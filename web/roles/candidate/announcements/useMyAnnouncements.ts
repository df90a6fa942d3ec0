import { useQuery } from '@tanstack/react-query';
import { listMyAnnouncements } from '../../../../shared/api/announcements.js';
import { callApi } from '../../../api/client.js';

/** The published 学校公告 and 学院公告 of the logged-in candidate. */
export function useMyAnnouncements() {
  return useQuery({
    queryKey: ['me', 'announcements'],
    queryFn: () => callApi(listMyAnnouncements),
    refetchInterval: 5 * 60_000,
  });
}
