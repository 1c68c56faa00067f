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
import { jakartaDate } from '../../core/context.ts';
import { requireUser } from '../plugins/auth.ts';
import { file, IdParams, errorResponses, sendFile, XLSX_TYPE } from './common.ts';

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

  const max = ENDING_SOON_PDF_MAX_ROWS.toLocaleString('id-ID');
  for (const format of ['xlsx', 'pdf'] as const) {
    r.get(
      `/api/continuity.${format}`,
      {
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary:
            format === 'xlsx'
              ? 'Daftar perlindungan segera berakhir (saringan halaman, semua pekerja, NIK tersamar) sebagai Excel, per desa lalu tanggal berakhir; dicatat di audit'
              : `Daftar perlindungan segera berakhir untuk dicetak (PDF A4, paling banyak ${max} baris, NIK tersamar); dicatat di audit`,
          querystring: ContinuityQuery,
          response: { 200: file(`Berkas ${format.toUpperCase()}`), ...errors },
        },
      },
      async (req, reply) => {
        const ctx = req.ctx();
        return sendFile(
          req,
          reply,
          (out) => exportEndingSoon(ctx, req.query, format, out),
          format === 'xlsx' ? XLSX_TYPE : 'application/pdf',
          `segera-berakhir-${jakartaDate(ctx.now())}.${format}`,
        );
      },
    );
  }

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
