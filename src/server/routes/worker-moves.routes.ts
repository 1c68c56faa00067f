import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ApproveMoveBody,
  decideMoveRequest,
  ListMoveRequestsQuery,
  listMoveRequests,
  MoveRequest,
  MoveRequestList,
  RejectMoveBody,
  requestMove,
  RequestMoveInput,
  withdrawMoveRequest,
} from '../../core/modules/workers/index.ts';
import { requireUser } from '../plugins/auth.ts';
import { IdParams, errorResponses } from './common.ts';

const errors = errorResponses(400, 401, 403, 404, 409);
const tags = ['pekerja'];

/**
 * Moving a worker between villages at the request of the receiving village: the village asks by
 * NIK, a regency admin of either side approves (the worker moves, with history) or refuses.
 */
export async function workerMoveRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.addHook('onRequest', requireUser);

  r.get(
    '/api/worker-moves',
    {
      schema: {
        tags,
        summary:
          'Permintaan pindah pekerja di wilayah Anda (desa asal atau desa tujuan), yang menunggu keputusan lebih dulu',
        querystring: ListMoveRequestsQuery,
        response: { 200: MoveRequestList, ...errors },
      },
    },
    async (req) => listMoveRequests(req.ctx(), req.query),
  );
  r.post(
    '/api/worker-moves',
    {
      schema: {
        tags,
        summary:
          'Meminta pekerja yang terdaftar di desa lain pindah ke desa Anda, dengan NIK dan alasan (diputuskan admin kabupaten/kota)',
        body: RequestMoveInput,
        response: { 201: MoveRequest, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await requestMove(req.ctx(), req.body)),
  );
  r.post(
    '/api/worker-moves/:id/approve',
    {
      schema: {
        tags,
        summary:
          'Menyetujui permintaan pindah: pekerja dipindahkan ke desa tujuan (tercatat di riwayat)',
        params: IdParams,
        body: ApproveMoveBody,
        response: { 200: MoveRequest, ...errors },
      },
    },
    async (req) =>
      decideMoveRequest(req.ctx(), req.params.id, {
        approve: true,
        ...(req.body.note ? { note: req.body.note } : {}),
      }),
  );
  r.post(
    '/api/worker-moves/:id/reject',
    {
      schema: {
        tags,
        summary: 'Menolak permintaan pindah dengan alasan yang dibaca desa pemohon',
        params: IdParams,
        body: RejectMoveBody,
        response: { 200: MoveRequest, ...errors },
      },
    },
    async (req) =>
      decideMoveRequest(req.ctx(), req.params.id, { approve: false, note: req.body.note }),
  );
  r.post(
    '/api/worker-moves/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Menarik permintaan pindah yang masih menunggu (hanya oleh pengaju)',
        params: IdParams,
        response: { 200: MoveRequest, ...errors },
      },
    },
    async (req) => withdrawMoveRequest(req.ctx(), req.params.id),
  );
}
