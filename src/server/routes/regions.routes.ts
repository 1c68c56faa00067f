import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  clearLocalTerm,
  getRegion,
  listRegions,
  ListRegionsQuery,
  LocalTerm,
  RegionCode,
  RegionDetail,
  RegionList,
  setLocalTerm,
  SetLocalTermInput,
} from '../../core/modules/regions/index.ts';
import { requireUser } from '../plugins/auth.ts';
import { NoContent, errorResponses } from './common.ts';

const CodeParams = z.object({ code: RegionCode });
const errors = errorResponses(400, 401, 403, 404);

export async function regionRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.addHook('onRequest', requireUser);

  r.get(
    '/api/regions',
    {
      schema: {
        tags: ['wilayah'],
        summary: 'Provinsi (tanpa parameter), anak suatu wilayah (parent) atau pencarian (q)',
        querystring: ListRegionsQuery,
        response: { 200: RegionList, ...errors },
      },
    },
    async (req) => listRegions(req.ctx(), req.query),
  );

  r.get(
    '/api/regions/:code',
    {
      schema: {
        tags: ['wilayah'],
        summary: 'Satu wilayah dengan leluhur, jumlah wilayah di bawahnya dan istilah lokal',
        params: CodeParams,
        response: { 200: RegionDetail, ...errors },
      },
    },
    async (req) => getRegion(req.ctx(), req.params.code),
  );

  r.put(
    '/api/regions/:code/local-term',
    {
      schema: {
        tags: ['wilayah'],
        summary:
          'Mengatur istilah lokal untuk tingkat desa (dusun, nagari, gampong…) di provinsi atau kabupaten/kota',
        params: CodeParams,
        body: SetLocalTermInput,
        response: { 200: LocalTerm, ...errors },
      },
    },
    async (req) => setLocalTerm(req.ctx(), req.params.code, req.body),
  );

  r.delete(
    '/api/regions/:code/local-term',
    {
      schema: {
        tags: ['wilayah'],
        summary: 'Menghapus istilah lokal: kembali ke sebutan resmi',
        params: CodeParams,
        response: { 204: NoContent, ...errors },
      },
    },
    async (req, reply) => {
      await clearLocalTerm(req.ctx(), req.params.code);
      return reply.code(204).send(null);
    },
  );
}
