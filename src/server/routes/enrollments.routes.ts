import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CandidateList,
  CandidatesQuery,
  enrollmentOverview,
  EnrollmentList,
  EnrollmentOverview,
  EnrollmentStepInput,
  EnrollmentStepResponse,
  exportParticipants,
  ExportParticipantsQuery,
  PARTICIPANTS_PDF_MAX_ROWS,
  listEnrollments,
  ListEnrollmentsQuery,
  proposeEnrollments,
  ProposeEnrollmentsInput,
  ProposeEnrollmentsResponse,
  suggestCandidates,
  takeEnrollmentStep,
  type ChainStep,
} from '../../core/modules/enrollment/index.ts';
import { requireUser } from '../plugins/auth.ts';
import { IdParams, errorResponses, tableDownloads } from './common.ts';

const errors = errorResponses(400, 401, 403, 404, 409);
const tags = ['kepesertaan'];

const STEPS: [ChainStep, string][] = [
  ['verify', 'Kecamatan memverifikasi usulan desa (satu atau banyak; hasil per peserta)'],
  [
    'approve',
    'Kabupaten/kota menyetujui peserta yang sudah diverifikasi (atau yang diusulkan, bila program tanpa verifikasi kecamatan)',
  ],
  ['return', 'Mengembalikan usulan ke desa dengan alasan (kecamatan atau kabupaten/kota)'],
  ['withdraw', 'Desa menarik usulannya sebelum disetujui kabupaten/kota'],
];

/**
 * Enrollment (issue #5): a village proposes workers for its seats in a program, with a result per
 * NIK; the district verifies, the regency approves, either sends back with a reason.
 */
export async function enrollmentRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.addHook('onRequest', requireUser);

  r.get(
    '/api/enrollments/overview',
    {
      schema: {
        tags,
        summary:
          'Program berjalan yang menyangkut wilayah Anda, dengan kursi dan jumlah peserta per status di wilayah Anda',
        response: { 200: EnrollmentOverview, ...errors },
      },
    },
    async (req) => enrollmentOverview(req.ctx()),
  );
  r.get(
    '/api/programs/:id/enrollments',
    {
      schema: {
        tags,
        summary:
          'Peserta program di wilayah Anda (NIK tersamar), dengan jumlah per status dan kursi; saring menurut status, desa, wilayah, NIK atau nama',
        params: IdParams,
        querystring: ListEnrollmentsQuery,
        response: { 200: EnrollmentList, ...errors },
      },
    },
    async (req) => listEnrollments(req.ctx(), req.params.id, req.query),
  );
  r.post(
    '/api/programs/:id/enrollments',
    {
      schema: {
        tags,
        summary:
          'Desa mengusulkan peserta dengan daftar NIK (atau id pekerja): hasil per NIK, diusulkan atau ditolak dengan alasannya (syarat, dobel pembiayaan, kuota)',
        params: IdParams,
        body: ProposeEnrollmentsInput,
        response: { 200: ProposeEnrollmentsResponse, ...errors },
      },
    },
    async (req) => proposeEnrollments(req.ctx(), req.params.id, req.body),
  );
  tableDownloads(r, {
    path: '/api/programs/:id/participants',
    tags,
    summary: {
      xlsx: 'Daftar peserta (saringan daftar, semua halaman, NIK tersamar) sebagai Excel; dicatat di audit',
      pdf: `Daftar peserta untuk dicetak (PDF A4, paling banyak ${PARTICIPANTS_PDF_MAX_ROWS.toLocaleString('id-ID')} baris, NIK tersamar); dicatat di audit`,
    },
    params: IdParams,
    querystring: ExportParticipantsQuery,
    errors,
    fileName: 'peserta',
    write: (ctx, req, format, out) =>
      exportParticipants(ctx, req.params.id, req.query, format, out),
  });
  r.get(
    '/api/programs/:id/candidates',
    {
      schema: {
        tags,
        summary:
          'Saran calon peserta desa menurut prioritas (desil terendah, segmen, usia), dan pekerja yang tidak memenuhi syarat beserta alasannya',
        params: IdParams,
        querystring: CandidatesQuery,
        response: { 200: CandidateList, ...errors },
      },
    },
    async (req) => suggestCandidates(req.ctx(), req.params.id, req.query),
  );
  for (const [step, summary] of STEPS) {
    r.post(
      `/api/enrollments/${step}`,
      {
        schema: {
          tags,
          summary,
          body: EnrollmentStepInput,
          response: { 200: EnrollmentStepResponse, ...errors },
        },
      },
      async (req) => takeEnrollmentStep(req.ctx(), step, req.body),
    );
  }
}
