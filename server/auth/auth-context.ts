import type { SessionUser } from '../../shared/api/auth.js';

/** Who is calling: the user as the client sees them, and the hash of their session token. */
export interface AuthContext {
  user: SessionUser;
  sessionTokenHash: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}
