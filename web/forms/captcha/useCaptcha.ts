import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Captcha } from '../../../shared/api/captcha.js';

// A picture code lives 5 minutes on the server; fetch a new one before it runs out.
const RENEW_AFTER_MS = 4.5 * 60_000;

/** The SVG as a data URL, so it is shown by an <img> and never inserted into the page. */
export function svgDataUrl(svg: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(svg)) binary += String.fromCharCode(byte);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

/** A picture code from `fetchCaptcha` while `enabled`; `refresh` draws a new one. */
export function useCaptcha(
  queryKey: readonly unknown[],
  fetchCaptcha: () => Promise<Captcha>,
  enabled = true,
) {
  const query = useQuery({
    queryKey,
    queryFn: fetchCaptcha,
    enabled,
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
