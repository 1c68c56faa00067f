import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../core/errors.ts';
import {
  cancelImport,
  commitPreview,
  getImport,
  ImportMode,
  type ImportRunner,
  ImportSummary,
  listImports,
  queueImport,
  resumeImport,
  writeRejectedRows,
} from '../../core/modules/imports/index.ts';
import { requireUser } from '../plugins/auth.ts';
import { receiveUpload } from './upload.ts';
import {
  IdParams,
  NoContent,
  ErrorResponse,
  errorResponses,
  sendFile,
  XLSX_TYPE,
} from './common.ts';

const errors = errorResponses(400, 401, 403, 404, 413);
const tags = ['impor'];
/** A million workers in CSV with every column is about 175 MB. */
const MAX_MEGABYTES = 300;

/** How long an upload waits for its job before answering 202 (a small file is done by then). */
const WAIT_MS = 8000;
const FINISHED = new Set(['done', 'failed', 'cancelled', 'interrupted']);

export async function importRoutes(
  app: FastifyInstance,
  opts: { runner: ImportRunner },
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.addHook('onRequest', requireUser);

  r.post(
    '/api/imports/workers',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary:
          'Impor berkas pekerja (multipart: file, mode=preview|commit, village): XLSX/CSV Jaring, OpenSID, atau daftar NIK + nama',
        consumes: ['multipart/form-data'],
        querystring: z.object({
          mode: ImportMode.optional(),
          village: z.string().max(20).optional(),
        }),
        response: { 200: ImportSummary, 202: ImportSummary, ...errors },
      },
    },
    async (req, reply) => {
      const { file, fields, cleanup } = await receiveUpload(req, {
        maxMegabytes: MAX_MEGABYTES,
        missing: 'Pilih berkas Excel (.xlsx) atau CSV untuk diimpor (kolom formulir "file").',
      });
      let id: string;
      try {
        const mode = ImportMode.safeParse(fields.mode ?? req.query.mode ?? 'preview');
        if (!mode.success)
          throw new DomainError('VALIDATION', 'Mode impor harus "preview" atau "commit".');
        ({ id } = await queueImport(req.ctx(), file, {
          mode: mode.data,
          villageCode: fields.village ?? req.query.village,
        }));
      } finally {
        cleanup();
      }
      opts.runner.nudge();
      return answerWhenDone(req, reply, id);
    },
  );

  r.post(
    '/api/imports/:id/commit',
    {
      schema: {
        tags,
        summary:
          'Simpan hasil pratinjau dari berkas yang disimpan server (tanpa mengunggah lagi): impor baru mode simpan, satu kali per pratinjau, selama berkasnya masih ada',
        params: IdParams,
        response: { 200: ImportSummary, 202: ImportSummary, 409: ErrorResponse, ...errors },
      },
    },
    async (req, reply) => {
      const { id } = await commitPreview(req.ctx(), req.params.id);
      opts.runner.nudge();
      return answerWhenDone(req, reply, id);
    },
  );

  r.get(
    '/api/imports',
    {
      schema: {
        tags,
        summary:
          'Impor terakhir yang dapat Anda lihat (milik sendiri dan wilayah Anda), tanpa barisnya',
        response: { 200: z.object({ items: z.array(ImportSummary) }), ...errors },
      },
    },
    async (req) => ({ items: await listImports(req.ctx()) }),
  );

  r.post(
    '/api/imports/:id/cancel',
    {
      schema: {
        tags,
        summary:
          'Batalkan impor: yang masih antre berhenti segera, yang berjalan berhenti setelah potongan barisnya (baris yang sudah tersimpan tetap)',
        params: IdParams,
        response: { 204: NoContent, 409: ErrorResponse, ...errors },
      },
    },
    async (req, reply) => {
      await cancelImport(req.ctx(), req.params.id);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/imports/:id/resume',
    {
      schema: {
        tags,
        summary:
          'Lanjutkan impor yang terhenti (server mati) atau gagal, dari baris terakhir yang tersimpan',
        params: IdParams,
        response: { 204: NoContent, 409: ErrorResponse, ...errors },
      },
    },
    async (req, reply) => {
      await resumeImport(req.ctx(), req.params.id);
      opts.runner.nudge();
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/imports/:id',
    {
      schema: {
        tags,
        summary: 'Hasil impor: jumlah per hasil dan baris yang tidak ditulis beserta alasannya',
        params: IdParams,
        response: { 200: ImportSummary, ...errors },
      },
    },
    async (req) => getImport(req.ctx(), req.params.id),
  );

  r.get(
    '/api/imports/:id/rejected.xlsx',
    {
      schema: {
        tags,
        summary:
          'Baris yang ditolak, dalam tata letak berkas asal ditambah kolom alasan, siap diperbaiki dan diunggah lagi',
        params: IdParams,
        response: {
          200: z.string().meta({ description: 'Berkas XLSX', format: 'binary' }),
          ...errors,
        },
      },
    },
    async (req, reply) => {
      const ctx = req.ctx();
      const name = `impor-ditolak-${req.params.id.slice(0, 8)}.xlsx`;
      return sendFile(
        req,
        reply,
        (out) => writeRejectedRows(ctx, req.params.id, out),
        XLSX_TYPE,
        name,
      );
    },
  );
}

/** The job's summary once it is finished (200), or as it stands after WAIT_MS (202). */
async function answerWhenDone(req: FastifyRequest, reply: FastifyReply, id: string) {
  const ctx = req.ctx();
  const until = Date.now() + WAIT_MS;
  let summary = await getImport(ctx, id);
  while (!FINISHED.has(summary.status) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    summary = await getImport(ctx, id);
  }
  return reply.code(FINISHED.has(summary.status) ? 200 : 202).send(summary);
}
