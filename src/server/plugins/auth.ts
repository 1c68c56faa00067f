import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor } from '../../core/access/actor.ts';
import type { Ctx } from '../../core/context.ts';
import type { Database } from '../../core/db/client.ts';
import { DomainError } from '../../core/errors.ts';
import {
  authenticateSession,
  type AuthPolicy,
  type Me,
} from '../../core/modules/accounts/index.ts';

export const SESSION_COOKIE = 'jaring_sesi';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | undefined;
    me: Me | undefined;
    /** The use-case context of this request: its actor, database, logger and request id. */
    ctx(): Ctx;
  }
}

export interface AuthPluginOptions {
  database: Database;
  policy: AuthPolicy;
  now: () => Date;
}

/** Resolves the session cookie to an actor on every request. */
export const authPlugin = fp(async (app: FastifyInstance, opts: AuthPluginOptions) => {
  app.decorateRequest('actor', undefined);
  app.decorateRequest('me', undefined);
  app.decorateRequest('ctx', function (this: FastifyRequest): Ctx {
    if (!this.actor) throw new DomainError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu.');
    return {
      db: opts.database.db,
      actor: this.actor,
      now: opts.now,
      log: this.log,
      requestId: this.id,
    };
  });
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const found = await authenticateSession(opts.database.db, token, opts.now(), opts.policy);
    if (found) {
      req.actor = found.actor;
      req.me = found.me;
    }
  });
});

/** onRequest hook (before validation: authenticate, then validate) for every route that needs a signed-in user. */
export async function requireUser(req: FastifyRequest, _reply: FastifyReply): Promise<void> {
  if (!req.actor)
    throw new DomainError(
      'UNAUTHENTICATED',
      'Sesi Anda berakhir atau Anda belum masuk. Silakan masuk lagi.',
    );
}
