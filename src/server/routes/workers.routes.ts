import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { jakartaDate } from '../../core/context.ts';
import {
  confirmWorkerWarnings,
  createWorker,
  exportWorkers,
  getWorker,
  getWorkerIdentity,
  listWorkers,
  ListWorkersQuery,
  updateWorker,
  WorkerDetail,
  WorkerIdentity,
  WorkerInput,
  WorkerList,
  WorkerPatch,
  TEMPLATE_FILE_NAME,
  writeWorkerTemplate,
} from '../../core/modules/workers/index.ts';
import { requireUser } from '../plugins/auth.ts';
import { file, IdParams, errorResponses, sendFile, XLSX_TYPE } from './common.ts';

const errors = errorResponses(400, 401, 403, 404, 409);
const tags = ['pekerja'];
const ExportQuery = ListWorkersQuery.omit({ page: true, pageSize: true });
export async function workerRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.addHook('onRequest', requireUser);

  r.get(
    '/api/workers',
    {
      schema: {
        tags,
        summary:
          'Pekerja di wilayah cakupan Anda (NIK tersamar); q = NIK lengkap atau sebagian nama',
        querystring: ListWorkersQuery,
        response: { 200: WorkerList, ...errors },
      },
    },
    async (req) => listWorkers(req.ctx(), req.query),
  );
  r.post(
    '/api/workers',
    {
      schema: {
        tags,
        summary: 'Mendaftarkan pekerja (aturan NIK: galat ditolak, peringatan disimpan)',
        body: WorkerInput,
        response: { 201: WorkerDetail, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await createWorker(req.ctx(), req.body)),
  );
  // Static paths: Fastify's router prefers them to /api/workers/:id (the access test checks it).
  for (const format of ['xlsx', 'csv'] as const) {
    r.get(
      `/api/workers/export.${format}`,
      {
        config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: `Pekerja (saringan daftar, semua halaman) sebagai berkas ${format.toUpperCase()} dengan NIK, KK dan KPJ lengkap; dicatat di audit`,
          querystring: ExportQuery,
          response: {
            200: file(`Berkas ${format.toUpperCase()}, tata letak berkas pekerja v1`),
            ...errors,
          },
        },
      },
      async (req, reply) => {
        const ctx = req.ctx();
        return sendFile(
          req,
          reply,
          (out) => exportWorkers(ctx, req.query, format, out),
          format === 'xlsx' ? XLSX_TYPE : 'text/csv; charset=utf-8',
          `pekerja-jaring-${jakartaDate(ctx.now())}.${format}`,
        );
      },
    );
  }
  r.get(
    '/api/workers/template.xlsx',
    {
      schema: {
        tags,
        summary: 'Templat Excel untuk impor pekerja (judul kolom, catatan, daftar pilihan, kode)',
        response: { 200: file('Berkas XLSX'), ...errors },
      },
    },
    async (req, reply) => sendFile(req, reply, writeWorkerTemplate, XLSX_TYPE, TEMPLATE_FILE_NAME),
  );
  r.get(
    '/api/workers/:id',
    {
      schema: {
        tags,
        summary: 'Satu pekerja (NIK, KK, KPJ tersamar)',
        params: IdParams,
        response: { 200: WorkerDetail, ...errors },
      },
    },
    async (req) => getWorker(req.ctx(), req.params.id),
  );
  r.get(
    '/api/workers/:id/identity',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'NIK, KK dan KPJ lengkap (setiap tampilan dicatat di audit)',
        params: IdParams,
        response: { 200: WorkerIdentity, ...errors },
      },
    },
    async (req) => getWorkerIdentity(req.ctx(), req.params.id),
  );
  r.patch(
    '/api/workers/:id',
    {
      schema: {
        tags,
        summary: 'Mengubah data pekerja (pindah desa: admin kabupaten)',
        params: IdParams,
        body: WorkerPatch,
        response: { 200: WorkerDetail, ...errors },
      },
    },
    async (req) => updateWorker(req.ctx(), req.params.id, req.body),
  );
  r.post(
    '/api/workers/:id/confirm-warnings',
    {
      schema: {
        tags,
        summary: 'Menandai peringatan NIK sudah diperiksa',
        params: IdParams,
        response: { 200: WorkerDetail, ...errors },
      },
    },
    async (req) => confirmWorkerWarnings(req.ctx(), req.params.id),
  );
}
