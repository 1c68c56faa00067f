import { receiveUpload } from './upload.ts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DomainError } from '../../core/errors.ts';
import {
  BatchDetail,
  BatchDetailQuery,
  batchFileName,
  BatchFileQuery,
  BpjsExchange,
  downloadBatch,
  exportBatch,
  ExportBatchQuery,
  getBatch,
  getBpjsExchange,
  getResultImport,
  importResults,
  ResultImport,
  writeBatch,
  writeNotAppliedRows,
} from '../../core/modules/bpjs/index.ts';
import { requireUser } from '../plugins/auth.ts';
import { file, IdParams, ErrorResponse, errorResponses, sendFile, XLSX_TYPE } from './common.ts';

const errors = errorResponses(400, 401, 403, 404, 409);
const tags = ['bpjs'];
const CSV_TYPE = 'text/csv; charset=utf-8';
/** An answer for a whole province (78,000 workers) is about 30 MB as CSV. */

/**
 * This GET changes data (the batch is created as it downloads), so a link on another site must
 * not trigger it with the user's cookie: browsers say where a request comes from.
 */
function refuseCrossSite(req: FastifyRequest): void {
  if (req.headers['sec-fetch-site'] === 'cross-site')
    throw new DomainError('FORBIDDEN', 'Permintaan dari situs lain ditolak.');
}

export async function bpjsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.addHook('onRequest', requireUser);

  r.get(
    '/api/programs/:id/bpjs',
    {
      schema: {
        tags,
        summary:
          'Layar pertukaran data BPJS: peserta per status di wilayah Anda (disetujui = siap dikirim), kiriman dan jawaban yang sudah diimpor',
        params: IdParams,
        response: { 200: BpjsExchange, ...errors },
      },
    },
    async (req) => getBpjsExchange(req.ctx(), req.params.id),
  );

  r.get(
    '/api/programs/:id/enrollments/export',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary:
          'Membuat kiriman BPJS dari peserta yang disetujui di wilayah Anda (status menjadi "dikirim") dan mengunduh berkasnya (tata letak pertukaran v1, NIK lengkap; dicatat di audit)',
        params: IdParams,
        querystring: ExportBatchQuery,
        response: { 200: file('Berkas XLSX atau CSV, tata letak pertukaran BPJS v1'), ...errors },
      },
    },
    async (req, reply) => {
      refuseCrossSite(req);
      const ctx = req.ctx();
      const batch = await exportBatch(ctx, req.params.id, { region: req.query.region });
      const format = req.query.format;
      void reply.header('x-batch-id', batch.id);
      return sendFile(
        req,
        reply,
        (out) => writeBatch(ctx, batch.id, format, out),
        format === 'xlsx' ? XLSX_TYPE : CSV_TYPE,
        batchFileName(batch.id, format),
      );
    },
  );

  r.get(
    '/api/bpjs-batches/:id',
    {
      schema: {
        tags,
        summary:
          'Satu kiriman BPJS dengan pesertanya dan status mereka saat ini (NIK dan KPJ tersamar), per halaman',
        params: IdParams,
        querystring: BatchDetailQuery,
        response: { 200: BatchDetail, ...errors },
      },
    },
    async (req) => getBatch(req.ctx(), req.params.id, req.query),
  );

  r.get(
    '/api/bpjs-batches/:id/file',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary:
          'Mengunduh lagi berkas sebuah kiriman BPJS (baris yang sama, tanpa mengubah status; unduhan dicatat di audit)',
        params: IdParams,
        querystring: BatchFileQuery,
        response: { 200: file('Berkas XLSX atau CSV, tata letak pertukaran BPJS v1'), ...errors },
      },
    },
    async (req, reply) => {
      const ctx = req.ctx();
      const format = req.query.format;
      return sendFile(
        req,
        reply,
        (out) => downloadBatch(ctx, req.params.id, format, out),
        format === 'xlsx' ? XLSX_TYPE : CSV_TYPE,
        batchFileName(req.params.id, format),
      );
    },
  );

  r.post(
    '/api/programs/:id/bpjs-results',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary:
          'Mengimpor jawaban BPJS (multipart: file): tata letak kiriman + hasil, alasan, kpj, tanggal_efektif; setiap baris diberi hasil, jumlahnya selalu cocok',
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: { 200: ResultImport, ...errors, 413: ErrorResponse },
      },
    },
    async (req) => {
      const { file: upload, cleanup } = await receiveUpload(req, {
        maxMegabytes: 100,
        missing:
          'Pilih berkas jawaban BPJS (.xlsx atau .csv) untuk diunggah (kolom formulir "file").',
      });
      try {
        return await importResults(req.ctx(), req.params.id, upload);
      } finally {
        cleanup();
      }
    },
  );

  r.get(
    '/api/bpjs-results/:id',
    {
      schema: {
        tags,
        summary:
          'Hasil impor jawaban BPJS: jumlah per hasil dan baris yang tidak diterapkan beserta alasannya',
        params: IdParams,
        response: { 200: ResultImport, ...errors },
      },
    },
    async (req) => getResultImport(req.ctx(), req.params.id),
  );

  r.get(
    '/api/bpjs-results/:id/rejected.xlsx',
    {
      schema: {
        tags,
        summary:
          'Baris jawaban BPJS yang tidak diterapkan, seperti di berkas asal ditambah nomor baris, hasil dan alasannya',
        params: IdParams,
        response: { 200: file('Berkas XLSX'), ...errors },
      },
    },
    async (req, reply) => {
      const ctx = req.ctx();
      return sendFile(
        req,
        reply,
        (out) => writeNotAppliedRows(ctx, req.params.id, out),
        XLSX_TYPE,
        `bpjs-tidak-diterapkan-${req.params.id.replace(/[^0-9a-f]/gi, '').slice(0, 8)}.xlsx`,
      );
    },
  );
}
