import { useQuery } from '@tanstack/react-query';
import { getSchoolBySlug } from '../../../shared/api/org.js';
import { slugSchema } from '../../../shared/api/common.js';
import { callApi, isApiError } from '../../api/client.js';

/** The public facts of the school in the address; `null` when no such school exists. */
export function useSchoolQuery(slug: string) {
  const isValidSlug = slugSchema.safeParse(slug).success;
  return useQuery({
    queryKey: ['school', slug],
    enabled: isValidSlug,
    staleTime: 5 * 60_000,
    queryFn: async () => {
      try {
        return await callApi(getSchoolBySlug, { params: { slug } });
      } catch (error) {
        if (isApiError(error, 'NOT_FOUND') || isApiError(error, 'VALIDATION_FAILED')) return null;
        throw error;
      }
    },
  });
}
