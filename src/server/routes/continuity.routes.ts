import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ContinuityList,
  ContinuityQuery,
  EndEnrollmentInput,
  endEnrollment,
  EnrollmentView,
  ENDING_SOON_PDF_MAX_ROWS,
  exportEndingSoon,
  listEndingSoon,
  renewProgram,
  RenewProgramInput,
  RenewResult,
  replaceEnrollment,
  ReplaceEnrollmentInput,
} from '../../core/modules/continuity/index.ts';
import { requireUser } from '../plugins/auth.ts';
import { IdParams, errorResponses, tableDownloads } from './common.ts';

const errors = errorResponses(400, 401, 403, 404, 409);
const tags = ['kesinambungan'];

export async function continuityRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.addHook('onRequest', requireUser);

  r.post(
    '/api/enrollments/:id/end',
    {
      schema: {
        tags,
        summary:
          'Mengakhiri kepesertaan (mutasi: meninggal, pindah, tidak memenuhi syarat) mulai suatu tanggal; bulan sesudahnya bebas untuk pengganti',
        params: IdParams,
        body: EndEnrollmentInput,
        response: { 200: EnrollmentView, ...errors },
      },
    },
    async (req) => endEnrollment(req.ctx(), req.params.id, req.body),
  );

  r.post(
    '/api/enrollments/:id/replace',
    {
      schema: {
        tags,
        summary:
          'Mengusulkan pekerja lain dari desa yang sama untuk sisa bulan kursi yang dibebaskan (status diusulkan, lewat persetujuan yang sama)',
        params: IdParams,
        body: ReplaceEnrollmentInput,
        response: { 201: EnrollmentView, ...errors },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await replaceEnrollment(req.ctx(), req.params.id, req.body)),
  );

  r.get(
    '/api/continuity',
    {
      schema: {
        tags,
        summary:
          'Pekerja yang perlindungannya berakhir dalam N hari (bawaan 45) tanpa periode berikutnya yang disetujui, per desa, dan program asalnya',
        querystring: ContinuityQuery,
        response: { 200: ContinuityList, ...errors },
      },
    },
    async (req) => listEndingSoon(req.ctx(), req.query),
  );

  tableDownloads(r, {
    path: '/api/continuity',
    tags,
    summary: {
      xlsx: 'Daftar perlindungan segera berakhir (saringan halaman, semua pekerja, NIK tersamar) sebagai Excel, per desa lalu tanggal berakhir; dicatat di audit',
      pdf: `Daftar perlindungan segera berakhir untuk dicetak (PDF A4, paling banyak ${ENDING_SOON_PDF_MAX_ROWS.toLocaleString('id-ID')} baris, NIK tersamar); dicatat di audit`,
    },
    querystring: ContinuityQuery,
    errors,
    fileName: 'segera-berakhir',
    write: (ctx, req, format, out) => exportEndingSoon(ctx, req.query, format, out),
  });

  r.post(
    '/api/programs/:id/renew',
    {
      schema: {
        tags,
        summary:
          'Memperpanjang program: draf program periode berikutnya dengan aturan dan kuota yang sama, pekerjanya diusulkan lagi untuk ditinjau',
        params: IdParams,
        body: RenewProgramInput,
        response: { 201: RenewResult, ...errors },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await renewProgram(req.ctx(), req.params.id, req.body)),
  );
}
