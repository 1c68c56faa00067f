import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  DuplicateDecision,
  DuplicateList,
  ListDuplicatesQuery,
  listPossibleDuplicates,
  markDifferent,
  MarkDifferentInput,
  mergeWorkers,
  MergeWorkersInput,
} from '../../core/modules/workers/index.ts';
import { requireUser } from '../plugins/auth.ts';
import { errorResponses } from './common.ts';

const errors = errorResponses(400, 401, 403, 404, 409);
const tags = ['pekerja'];

/**
 * Possible duplicates (DOMAIN §4): the review list and a regency admin's two decisions. Static
 * paths under /api/workers/: Fastify's router prefers them to /api/workers/:id (the access test
 * checks it).
 */
export async function workerDuplicateRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.addHook('onRequest', requireUser);

  r.get(
    '/api/workers/duplicates',
    {
      schema: {
        tags,
        summary:
          'Kemungkinan data ganda di wilayah Anda: nama dan tanggal lahir sama, NIK berbeda, satu kabupaten/kota',
        querystring: ListDuplicatesQuery,
        response: { 200: DuplicateList, ...errors },
      },
    },
    async (req) => listPossibleDuplicates(req.ctx(), req.query),
  );
  r.post(
    '/api/workers/duplicates/different',
    {
      schema: {
        tags,
        summary: 'Menandai pasangan sebagai dua orang berbeda (tidak muncul lagi di daftar)',
        body: MarkDifferentInput,
        response: { 200: DuplicateDecision, ...errors },
      },
    },
    async (req) => markDifferent(req.ctx(), req.body),
  );
  r.post(
    '/api/workers/duplicates/merge',
    {
      schema: {
        tags,
        summary:
          'Menggabungkan data ganda: ahli waris dan anak pindah ke data yang disimpan, isian kosongnya dilengkapi, data lain disembunyikan (riwayat tetap)',
        body: MergeWorkersInput,
        response: { 200: DuplicateDecision, ...errors },
      },
    },
    async (req) => mergeWorkers(req.ctx(), req.body),
  );
}
