import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { systemActor } from '../../core/access/actor.ts';
import type { Database } from '../../core/db/client.ts';
import { z } from 'zod';
import {
  changeOwnPassword,
  ChangePasswordInput,
  listOwnSessions,
  login,
  logout,
  LoginInput,
  MeResponse,
  revokeOtherSessions,
  revokeOwnSession,
  SessionList,
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

    const own = { onRequest: requireUser };
    r.post(
      '/api/auth/password',
      {
        ...own,
        config: { rateLimit: { max: opts.loginRatePerMinute, timeWindow: '1 minute' } },
        schema: {
          tags: ['autentikasi'],
          summary: 'Mengganti kata sandi sendiri (sesi lain berakhir)',
          body: ChangePasswordInput,
          response: { 204: NoContent, 400: ErrorResponse, 401: ErrorResponse },
        },
      },
      async (req, reply) => {
        await changeOwnPassword(req.ctx(), req.body);
        return reply.code(204).send(null);
      },
    );
    r.get(
      '/api/auth/sessions',
      {
        ...own,
        schema: {
          tags: ['autentikasi'],
          summary: 'Sesi Anda yang masih terbuka',
          response: { 200: SessionList, 401: ErrorResponse },
        },
      },
      async (req) => ({ items: await listOwnSessions(req.ctx()) }),
    );
    r.post(
      '/api/auth/sessions/:id/revoke',
      {
        ...own,
        schema: {
          tags: ['autentikasi'],
          summary: 'Mengakhiri salah satu sesi Anda',
          params: z.object({ id: z.string().max(128) }),
          response: { 204: NoContent, 401: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (req, reply) => {
        await revokeOwnSession(req.ctx(), req.params.id);
        return reply.code(204).send(null);
      },
    );
    r.post(
      '/api/auth/sessions/revoke-others',
      {
        ...own,
        schema: {
          tags: ['autentikasi'],
          summary: 'Mengakhiri semua sesi Anda selain yang ini',
          response: { 200: z.object({ revoked: z.number().int() }), 401: ErrorResponse },
        },
      },
      async (req) => ({ revoked: await revokeOtherSessions(req.ctx()) }),
    );
  };
}
