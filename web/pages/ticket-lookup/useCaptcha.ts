import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { getCaptcha } from '../../../shared/api/ticket-lookup.js';
import { callApi } from '../../api/client.js';

// A picture code lives 5 minutes on the server; fetch a new one before it runs out.
const RENEW_AFTER_MS = 4.5 * 60_000;

/** The SVG as a data URL, so it is shown by an <img> and never inserted into the page. */
export function svgDataUrl(svg: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(svg)) binary += String.fromCharCode(byte);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

/** The current picture code of a school's lookup page; `refresh` draws a new one. */
export function useCaptcha(schoolSlug: string) {
  const query = useQuery({
    queryKey: ['captcha', schoolSlug],
    queryFn: () => callApi(getCaptcha, { params: { slug: schoolSlug } }),
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchInterval: RENEW_AFTER_MS,
    retry: 1,
  });
  const { refetch } = query;
  const refresh = useCallback(() => void refetch(), [refetch]);
  return {
    captchaId: query.data?.captchaId ?? null,
    imageUrl: query.data ? svgDataUrl(query.data.svg) : null,
    isFetching: query.isFetching,
    error: query.isError ? query.error : null,
    refresh,
  };
}
