import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  listRosterReports,
  resolveRosterReport,
} from '../../../../shared/api/info-confirmation.js';
import type { RosterReportState } from '../../../../shared/enums.js';
import { callApi } from '../../../api/client.js';

const REPORTS_KEY = ['admin', 'roster-reports'];

/** One page of reports in the admin's scope. */
export function useRosterReports(state: RosterReportState, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...REPORTS_KEY, state, page, pageSize],
    queryFn: () => callApi(listRosterReports, { query: { state, page, pageSize } }),
    placeholderData: keepPreviousData,
  });
}

/** 标记为已处理; both tabs refresh afterwards. */
export function useResolveRosterReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { reportId: string; note: string }) =>
      callApi(resolveRosterReport, {
        params: { reportId: input.reportId },
        body: { note: input.note },
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: REPORTS_KEY }),
  });
}
