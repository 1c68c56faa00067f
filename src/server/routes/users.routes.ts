import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  createUser,
  CreateUserInput,
  getUser,
  listUsersInScope,
  ListUsersQuery,
  resetUserPassword,
  ResetPasswordInput,
  setUserActive,
  updateUser,
  UpdateUserInput,
  UserList,
  UserSummary,
} from '../../core/modules/accounts/index.ts';
import { requireUser } from '../plugins/auth.ts';
import { IdParams, NoContent, errorResponses } from './common.ts';

const errors = errorResponses(400, 401, 403, 404, 409);
const tags = ['pengguna'];

export async function userRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.addHook('onRequest', requireUser);

  r.get(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Pengguna di wilayah cakupan Anda',
        querystring: ListUsersQuery,
        response: { 200: UserList, ...errors },
      },
    },
    async (req) => listUsersInScope(req.ctx(), req.query),
  );
  r.post(
    '/api/users',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Membuat pengguna (peran dan wilayah kerja tidak boleh melebihi milik Anda)',
        body: CreateUserInput,
        response: { 201: UserSummary, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await createUser(req.ctx(), req.body)),
  );
  r.get(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: 'Satu pengguna',
        params: IdParams,
        response: { 200: UserSummary, ...errors },
      },
    },
    async (req) => getUser(req.ctx(), req.params.id),
  );
  r.patch(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary:
          'Mengubah nama, peran, wilayah kerja atau bahasa (perubahan hak mengakhiri sesinya)',
        params: IdParams,
        body: UpdateUserInput,
        response: { 200: UserSummary, ...errors },
      },
    },
    async (req) => updateUser(req.ctx(), req.params.id, req.body),
  );
  r.post(
    '/api/users/:id/deactivate',
    {
      schema: {
        tags,
        summary: 'Menonaktifkan pengguna (semua sesinya berakhir)',
        params: IdParams,
        response: { 200: UserSummary, ...errors },
      },
    },
    async (req) => setUserActive(req.ctx(), req.params.id, false),
  );
  r.post(
    '/api/users/:id/activate',
    {
      schema: {
        tags,
        summary: 'Mengaktifkan kembali pengguna (juga membuka kunci)',
        params: IdParams,
        response: { 200: UserSummary, ...errors },
      },
    },
    async (req) => setUserActive(req.ctx(), req.params.id, true),
  );
  r.post(
    '/api/users/:id/reset-password',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Mengatur ulang kata sandi pengguna',
        params: IdParams,
        body: ResetPasswordInput,
        response: { 204: NoContent, ...errors },
      },
    },
    async (req, reply) => {
      await resetUserPassword(req.ctx(), req.params.id, req.body);
      return reply.code(204).send(null);
    },
  );
}
