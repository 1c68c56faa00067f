import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { systemActor } from '../../core/access/actor.ts';
import type { Database } from '../../core/db/client.ts';
import {
  login,
  logout,
  LoginInput,
  MeResponse,
  type AuthPolicy,
} from '../../core/modules/accounts/index.ts';
import { requireUser, SESSION_COOKIE } from '../plugins/auth.ts';
import { ErrorResponse, NoContent } from './common.ts';

export interface AuthRouteOptions {
  database: Database;
  policy: AuthPolicy;
  now: () => Date;
  cookieSecure: 'auto' | boolean;
  loginRatePerMinute: number;
}

export function authRoutes(opts: AuthRouteOptions) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/api/auth/login',
      {
        config: { rateLimit: { max: opts.loginRatePerMinute, timeWindow: '1 minute' } },
        schema: {
          tags: ['autentikasi'],
          summary: 'Masuk: memeriksa kata sandi dan membuka sesi (cookie)',
          body: LoginInput,
          response: {
            200: MeResponse,
            400: ErrorResponse,
            401: ErrorResponse,
            423: ErrorResponse,
            429: ErrorResponse,
          },
        },
      },
      async (req, reply) => {
        const ctx = {
          db: opts.database.db,
          actor: systemActor('login'),
          now: opts.now,
          log: req.log,
          requestId: req.id,
        };
        const result = await login(
          ctx,
          { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] },
          opts.policy,
        );
        void reply.setCookie(SESSION_COOKIE, result.token, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: opts.cookieSecure === 'auto' ? req.protocol === 'https' : opts.cookieSecure,
          expires: result.expiresAt,
        });
        return { user: result.user };
      },
    );

    r.post(
      '/api/auth/logout',
      {
        schema: {
          tags: ['autentikasi'],
          summary: 'Keluar: menutup sesi ini',
          response: { 204: NoContent, 401: ErrorResponse },
        },
        onRequest: requireUser,
      },
      async (req, reply) => {
        await logout(req.ctx());
        void reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.code(204).send(null);
      },
    );

    r.get(
      '/api/auth/me',
      {
        schema: {
          tags: ['autentikasi'],
          summary: 'Pengguna yang sedang masuk',
          response: { 200: MeResponse, 401: ErrorResponse },
        },
        onRequest: requireUser,
      },
      async (req) => ({ user: req.me! }),
    );
  };
}
