import { useQuery } from '@tanstack/react-query';
import { slugSchema } from '../../../shared/api/common.js';
import { getSchoolBySlug } from '../../../shared/api/org.js';
import { callApi, isApiError } from '../../api/client.js';

/** The public facts of the school in the address; `null` when no such school exists. */
export function useSchoolQuery(slug: string) {
  return useQuery({
    queryKey: ['school', slug],
    staleTime: 5 * 60_000,
    queryFn: async () => {
      if (!slugSchema.safeParse(slug).success) return null;
      try {
        return await callApi(getSchoolBySlug, { params: { slug } });
      } catch (error) {
        if (isApiError(error, 'NOT_FOUND')) return null;
        throw error;
      }
    },
  });
}
