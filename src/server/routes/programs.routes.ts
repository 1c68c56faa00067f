import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DomainError } from '../../core/errors.ts';
import {
  activateProgram,
  ALLOCATIONS_PDF_MAX_ROWS,
  AllocationImportResult,
  Allocations,
  AllocationsInput,
  AllocationsQuery,
  AllocationTotals,
  closeProgram,
  createProgram,
  exportAllocations,
  getAllocations,
  getProgram,
  importAllocations,
  ListProgramsQuery,
  listPrograms,
  ProgramDetail,
  ProgramInput,
  ProgramList,
  ProgramPatch,
  setAllocations,
  updateProgram,
} from '../../core/modules/programs/index.ts';
import { formatOf } from '../../core/modules/imports/index.ts';
import { requireUser } from '../plugins/auth.ts';
import { IdParams, ErrorResponse, errorResponses, tableDownloads } from './common.ts';

const errors = errorResponses(400, 401, 403, 404, 409);
const tags = ['program'];
/** A seat list of every village of a province is a few hundred kilobytes. */
const MAX_BYTES = 10 * 1024 * 1024;

export async function programRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.addHook('onRequest', requireUser);

  r.get(
    '/api/programs',
    {
      schema: {
        tags,
        summary:
          'Program yang menyangkut wilayah Anda (pemilik di cakupan Anda atau di atasnya), dengan kursi dan kursi terisi di cakupan Anda',
        querystring: ListProgramsQuery,
        response: { 200: ProgramList, ...errors },
      },
    },
    async (req) => listPrograms(req.ctx(), req.query),
  );
  r.post(
    '/api/programs',
    {
      schema: {
        tags,
        summary:
          'Membuat program (draf): pemilik, sumber dana, periode, paket, syarat peserta dan aturan kuota',
        description:
          'Kuota: per_village (kursi sama untuk setiap desa dari jenis terpilih), budget_per_village (kursi penuh yang terbeli oleh anggaran per desa untuk periode itu, dengan tabel tarif yang sama dengan perencana anggaran) atau explicit (kursi per desa diisi dengan PUT …/allocations atau diimpor). Tahun anggaran = tahun bulan pertama; periode paling lama 60 bulan.',
        body: ProgramInput,
        response: { 201: ProgramDetail, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await createProgram(req.ctx(), req.body)),
  );
  r.get(
    '/api/programs/:id',
    {
      schema: {
        tags,
        summary: 'Satu program: kursi, kursi terisi, biaya per kursi dan seluruhnya, anggaran',
        params: IdParams,
        response: { 200: ProgramDetail, ...errors },
      },
    },
    async (req) => getProgram(req.ctx(), req.params.id),
  );
  r.patch(
    '/api/programs/:id',
    {
      schema: {
        tags,
        summary: 'Mengubah program selama masih draf (kursi mengikuti aturan kuota yang baru)',
        params: IdParams,
        body: ProgramPatch,
        response: { 200: ProgramDetail, ...errors },
      },
    },
    async (req) => updateProgram(req.ctx(), req.params.id, req.body),
  );
  r.post(
    '/api/programs/:id/activate',
    {
      schema: {
        tags,
        summary: 'Mengaktifkan program draf: kursi per desa ditetapkan, desa dapat mengusulkan',
        params: IdParams,
        response: { 200: ProgramDetail, ...errors },
      },
    },
    async (req) => activateProgram(req.ctx(), req.params.id),
  );
  r.post(
    '/api/programs/:id/close',
    {
      schema: {
        tags,
        summary: 'Menutup program aktif: tidak ada usulan baru; kepesertaan tetap tercatat',
        params: IdParams,
        response: { 200: ProgramDetail, ...errors },
      },
    },
    async (req) => closeProgram(req.ctx(), req.params.id),
  );
  r.get(
    '/api/programs/:id/allocations',
    {
      schema: {
        tags,
        summary:
          'Kursi dan kursi terisi suatu wilayah program beserta wilayah di bawahnya (setiap tingkat = jumlah tingkat di bawahnya)',
        params: IdParams,
        querystring: AllocationsQuery,
        response: { 200: Allocations, ...errors },
      },
    },
    async (req) => getAllocations(req.ctx(), req.params.id, req.query.region),
  );
  tableDownloads(r, {
    path: '/api/programs/:id/allocations',
    tags,
    summary: {
      xlsx: 'Rekap kursi desa demi desa (kursi, terisi, sisa, biaya) di bawah suatu wilayah, sebagai Excel; dicatat di audit',
      pdf: `Rekap kursi desa demi desa untuk dicetak (PDF A4, paling banyak ${ALLOCATIONS_PDF_MAX_ROWS.toLocaleString('id-ID')} desa); dicatat di audit`,
    },
    params: IdParams,
    querystring: AllocationsQuery,
    errors,
    fileName: 'rekap-kursi',
    write: (ctx, req, format, out) => exportAllocations(ctx, req.params.id, req.query, format, out),
  });
  r.put(
    '/api/programs/:id/allocations',
    {
      schema: {
        tags,
        summary:
          'Menetapkan kursi desa-desa yang disebut (program draf dengan kuota diisi per desa; 0 menghapus; desa lain tetap)',
        params: IdParams,
        body: AllocationsInput,
        response: { 200: AllocationTotals, ...errors },
      },
    },
    async (req) => setAllocations(req.ctx(), req.params.id, req.body),
  );
  r.post(
    '/api/programs/:id/allocations/import',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary:
          'Impor kursi per desa dari XLSX/CSV (multipart: file) dengan kolom kode_desa dan kursi; setiap baris yang ditolak dilaporkan dengan nomor baris dan alasannya',
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: { 200: AllocationImportResult, 413: ErrorResponse, ...errors },
      },
    },
    async (req) => {
      const ctx = req.ctx();
      const part = await req.file({ limits: { fileSize: MAX_BYTES, files: 1 } });
      if (!part)
        throw new DomainError(
          'VALIDATION',
          'Pilih berkas Excel (.xlsx) atau CSV dengan kolom kode_desa dan kursi (kolom formulir "file").',
        );
      formatOf(part.filename);
      // Whole before anything is written: a file cut at the size limit is refused, not half applied.
      const content = await part.toBuffer();
      return importAllocations(ctx, req.params.id, {
        stream: Readable.from([content]),
        fileName: part.filename,
      });
    },
  );
}
