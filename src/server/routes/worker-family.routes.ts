import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addChild,
  addHeir,
  Child,
  ChildInput,
  ChildPatch,
  Heir,
  HeirInput,
  HeirPatch,
  LifeStatusInput,
  listFamily,
  removeChild,
  removeHeir,
  setLifeStatus,
  updateChild,
  updateHeir,
  WorkerDetail,
  WorkerFamily,
} from '../../core/modules/workers/index.ts';
import { requireUser } from '../plugins/auth.ts';
import { IdParams, NoContent, errorResponses } from './common.ts';

const errors = errorResponses(400, 401, 403, 404, 409);
const tags = ['pekerja'];
const HeirParams = IdParams.extend({ heirId: z.string().max(64) });
const ChildParams = IdParams.extend({ childId: z.string().max(64) });

/** Heirs and children of a worker (for the death benefit and scholarships) and life status. */
export async function workerFamilyRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.addHook('onRequest', requireUser);

  r.get(
    '/api/workers/:id/family',
    {
      schema: {
        tags,
        summary: 'Ahli waris dan anak seorang pekerja (NIK tersamar)',
        params: IdParams,
        response: { 200: WorkerFamily, ...errors },
      },
    },
    async (req) => listFamily(req.ctx(), req.params.id),
  );

  r.post(
    '/api/workers/:id/heirs',
    {
      schema: {
        tags,
        summary: 'Menambah ahli waris (penerima santunan kematian)',
        params: IdParams,
        body: HeirInput,
        response: { 201: Heir, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await addHeir(req.ctx(), req.params.id, req.body)),
  );
  r.patch(
    '/api/workers/:id/heirs/:heirId',
    {
      schema: {
        tags,
        summary: 'Mengubah data ahli waris (null mengosongkan NIK atau telepon)',
        params: HeirParams,
        body: HeirPatch,
        response: { 200: Heir, ...errors },
      },
    },
    async (req) => updateHeir(req.ctx(), req.params.id, req.params.heirId, req.body),
  );
  r.delete(
    '/api/workers/:id/heirs/:heirId',
    {
      schema: {
        tags,
        summary: 'Menghapus ahli waris',
        params: HeirParams,
        response: { 204: NoContent, ...errors },
      },
    },
    async (req, reply) => {
      await removeHeir(req.ctx(), req.params.id, req.params.heirId);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/workers/:id/children',
    {
      schema: {
        tags,
        summary: 'Menambah anak (untuk beasiswa)',
        params: IdParams,
        body: ChildInput,
        response: { 201: Child, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await addChild(req.ctx(), req.params.id, req.body)),
  );
  r.patch(
    '/api/workers/:id/children/:childId',
    {
      schema: {
        tags,
        summary: 'Mengubah data anak (null mengosongkan NIK)',
        params: ChildParams,
        body: ChildPatch,
        response: { 200: Child, ...errors },
      },
    },
    async (req) => updateChild(req.ctx(), req.params.id, req.params.childId, req.body),
  );
  r.delete(
    '/api/workers/:id/children/:childId',
    {
      schema: {
        tags,
        summary: 'Menghapus data anak',
        params: ChildParams,
        response: { 204: NoContent, ...errors },
      },
    },
    async (req, reply) => {
      await removeChild(req.ctx(), req.params.id, req.params.childId);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/workers/:id/life-status',
    {
      schema: {
        tags,
        summary:
          'Mengubah status hidup: meninggal dunia (tanggal wajib), pindah (tanggal wajib) atau hidup (koreksi, tanggal dihapus)',
        params: IdParams,
        body: LifeStatusInput,
        response: { 200: WorkerDetail, ...errors },
      },
    },
    async (req) => setLifeStatus(req.ctx(), req.params.id, req.body),
  );
}
