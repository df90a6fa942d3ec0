import { z } from 'zod';
import { defineRoute } from './contract.js';

/**
 * One STUN or TURN server as RTCPeerConnection takes it (RTCIceServer). TURN entries carry
 * time-limited credentials (the TURN REST API convention coturn's `use-auth-secret` checks).
 */
export const iceServerSchema = z.object({
  urls: z.array(z.string().min(1)).min(1),
  username: z.string().optional(),
  credential: z.string().optional(),
});
export type IceServer = z.infer<typeof iceServerSchema>;

export const iceServersSchema = z.object({
  iceServers: z.array(iceServerSchema),
  /** Seconds the TURN credentials stay valid; null when there are none (STUN never expires). */
  ttlSeconds: z.number().int().positive().nullable(),
});
export type IceServers = z.infer<typeof iceServersSchema>;

export const getIceServers = defineRoute({
  method: 'GET',
  path: '/api/media/ice-servers',
  summary:
    'STUN/TURN servers for WebRTC, with TURN credentials valid for TURN_TTL_SECONDS; any logged-in user or the paired phone (by its device cookie)',
  tags: ['media'],
  // The phone has no login: the route checks the session or the phone cookie itself.
  access: 'public',
  policy: { foreign: 'none', except: { anonymous: 'UNAUTHENTICATED' } },
  response: iceServersSchema,
});
