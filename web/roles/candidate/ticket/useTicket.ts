import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  getMyTicket,
  setMyAttendance,
  type AttendanceChange,
} from '../../../../shared/api/tickets.js';
import { callApi } from '../../../api/client.js';

/** Under the registrations list's key, so invalidating the list refreshes the ticket too. */
const ticketKey = (registrationId: string) => ['me', 'registrations', registrationId, 'ticket'];

/** One 准考证 of the logged-in candidate. */
export function useTicket(registrationId: string) {
  return useQuery({
    queryKey: ticketKey(registrationId),
    queryFn: () => callApi(getMyTicket, { params: { registrationId } }),
  });
}

/** 我确认参加 / 我确认放弃; refreshes the ticket and 我的考场 afterwards. */
export function useSetAttendance(registrationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (attendance: AttendanceChange) =>
      callApi(setMyAttendance, { params: { registrationId }, body: { attendance } }),
    onSuccess: async (ticket) => {
      queryClient.setQueryData(ticketKey(registrationId), ticket);
      await queryClient.invalidateQueries({ queryKey: ['me', 'registrations'] });
    },
  });
}
