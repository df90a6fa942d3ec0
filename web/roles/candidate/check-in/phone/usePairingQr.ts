import { useQuery } from '@tanstack/react-query';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import {
  createPhonePairing,
  PAIRING_TOKEN_TTL_SECONDS,
  PHONE_PAGE_PATH,
} from '../../../../../shared/api/phone.js';
import { callApi } from '../../../../api/client.js';

/** A fresh code is made this long before the old one expires, so a scan never hits the edge. */
const REFRESH_BEFORE_MS = 20_000;

export interface PairingQr {
  /** `${origin}/phone#<token>`: what the phone opens. */
  url: string;
  /** The QR code as a PNG data URL. */
  imageUrl: string;
  /** When this browser should consider it expired (from the server's expiresAt). */
  expiresAtMs: number;
}

/**
 * A pairing QR code for the registration, re-created before it expires. `serverOffsetMs`
 * (server clock − this clock) turns the server's expiresAt into this browser's time.
 */
export function usePairingQr(registrationId: string, serverOffsetMs: number) {
  return useQuery({
    queryKey: ['me', 'registrations', registrationId, 'check-in', 'phone-pairing'],
    queryFn: async (): Promise<PairingQr> => {
      const requestedAt = Date.now();
      const { token, expiresAt } = await callApi(createPhonePairing, {
        params: { registrationId },
      });
      const url = `${window.location.origin}${PHONE_PAGE_PATH}#${token}`;
      const imageUrl = await QRCode.toDataURL(url, { margin: 1, width: 240 });
      // Never trust a skewed clock to stretch the life of a code beyond its TTL.
      const expiresAtMs = Math.min(
        Date.parse(expiresAt) - serverOffsetMs,
        requestedAt + PAIRING_TOKEN_TTL_SECONDS * 1000,
      );
      return { url, imageUrl, expiresAtMs };
    },
    refetchInterval: (query) => {
      const expiresAtMs = query.state.data?.expiresAtMs;
      if (expiresAtMs === undefined) return false;
      return Math.max(1_000, expiresAtMs - REFRESH_BEFORE_MS - Date.now());
    },
    refetchIntervalInBackground: true,
    refetchOnWindowFocus: false,
    staleTime: Infinity,
    gcTime: 0,
  });
}

/** Whole seconds until `atMs`, ticking once a second (display only). */
export function useSecondsUntil(atMs: number | undefined): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return atMs === undefined ? null : Math.max(0, Math.ceil((atMs - now) / 1000));
}
