import { z } from 'zod';
import { ENROLLMENT_STATUSES } from '../../rules/enrollment-status.ts';
import { RegionCode } from '../regions/regions.schema.ts';

export const EnrollmentStatus = z.enum(ENROLLMENT_STATUSES, {
  message: `Status harus salah satu dari: ${ENROLLMENT_STATUSES.join(', ')}.`,
});

/** How many NIKs one proposal may carry: a village's seats, with room for a pasted list. */
export const MAX_PROPOSAL = 1000;

const Village = RegionCode.optional().meta({
  description:
    'Desa yang mengusulkan; bawaan: desa operator. Admin dan dinas wajib mengisinya (mis. 15.08.01.2001)',
});

/**
 * POST /api/programs/{id}/enrollments: a village proposes workers by NIK (typed, pasted, from a
 * file) or by the ids of the suggestions it ticked.
 */
export const ProposeEnrollmentsInput = z
  .object({
    niks: z
      .array(z.string().max(40, 'NIK terlalu panjang.'), {
        message: 'Daftar NIK harus berupa daftar.',
      })
      .min(1, 'Isi minimal satu NIK.')
      .max(MAX_PROPOSAL, `Maksimal ${MAX_PROPOSAL} NIK sekali usul.`)
      .optional()
      .meta({ description: 'NIK pekerja (16 digit)', example: ['1508014107850001'] }),
    workerIds: z
      .array(z.string().max(64), { message: 'Daftar pekerja harus berupa daftar.' })
      .min(1, 'Pilih minimal satu pekerja.')
      .max(MAX_PROPOSAL, `Maksimal ${MAX_PROPOSAL} pekerja sekali usul.`)
      .optional()
      .meta({ description: 'Id pekerja (dari saran calon peserta)' }),
    village: Village,
  })
  .superRefine((v, ctx) => {
    if ((v.niks === undefined) === (v.workerIds === undefined))
      ctx.addIssue({
        code: 'custom',
        path: ['niks'],
        message: 'Isi daftar NIK atau pilih pekerja (salah satu).',
      });
  });
export type ProposeEnrollmentsInput = z.input<typeof ProposeEnrollmentsInput>;

export const ProposalResult = z.object({
  nik: z
    .string()
    .nullable()
    .meta({ description: 'NIK sebagaimana dikirim (null bila diusulkan dengan id pekerja)' }),
  nikMasked: z.string().nullable(),
  workerId: z.string().nullable(),
  fullName: z.string().nullable().meta({ description: 'Nama, bila pekerja ada di desa ini' }),
  status: z.enum(['enrolled', 'refused']),
  enrollmentId: z.string().optional(),
  reasons: z.array(z.string()).optional().meta({ description: 'Mengapa ditolak' }),
  warnings: z
    .array(z.string())
    .optional()
    .meta({ description: 'Diusulkan, tetapi perlu diperiksa (peringatan NIK)' }),
});
export type ProposalResult = z.infer<typeof ProposalResult>;

export const ProposeEnrollmentsResponse = z.object({
  results: z.array(ProposalResult),
  enrolled: z.number().int(),
  refused: z.number().int(),
  seats: z.number().int(),
  filled: z.number().int().meta({ description: 'Kursi terisi sesudah usulan ini' }),
});
export type ProposeEnrollmentsResponse = z.infer<typeof ProposeEnrollmentsResponse>;

export const CandidatesQuery = z.object({
  village: Village,
  limit: z.coerce
    .number()
    .int()
    .min(1, 'Minimal 1 calon.')
    .max(500, 'Maksimal 500 calon.')
    .default(100),
});
export type CandidatesQuery = z.input<typeof CandidatesQuery>;

export const Candidate = z.object({
  workerId: z.string(),
  fullName: z.string(),
  nikMasked: z.string(),
  sex: z.enum(['L', 'P']),
  birthDate: z.string(),
  age: z.number().int().meta({ description: 'Usia pada bulan pertama yang ditanggung' }),
  segment: z.string(),
  occupationCode: z.number().int(),
  occupationName: z.string(),
  welfareDecile: z.number().int().nullable(),
  reasons: z.array(z.string()).meta({ description: 'Mengapa tidak dapat diusulkan' }),
  warnings: z.array(z.string()),
});
export type Candidate = z.infer<typeof Candidate>;

export const VillageSeats = z.object({
  code: z.string(),
  name: z.string(),
  seats: z.number().int(),
  filled: z.number().int(),
  remaining: z.number().int(),
});
export type VillageSeats = z.infer<typeof VillageSeats>;

export const CandidateList = z.object({
  village: VillageSeats,
  firstMonth: z
    .string()
    .nullable()
    .meta({ description: 'Bulan pertama kursi yang diusulkan kini' }),
  lastMonth: z.string().nullable(),
  eligible: z.array(Candidate).meta({ description: 'Calon yang memenuhi syarat, urut prioritas' }),
  eligibleTotal: z.number().int(),
  ineligible: z.array(Candidate).meta({ description: 'Pekerja desa yang tidak memenuhi syarat' }),
  ineligibleTotal: z.number().int(),
});
export type CandidateList = z.infer<typeof CandidateList>;

export const ListEnrollmentsQuery = z.object({
  status: EnrollmentStatus.optional(),
  village: RegionCode.optional().meta({ description: 'Satu desa' }),
  region: RegionCode.optional().meta({ description: 'Wilayah (kecamatan, kabupaten…)' }),
  q: z.string().trim().max(100).optional().meta({ description: 'NIK lengkap atau sebagian nama' }),
  page: z.coerce.number().int().min(1, 'Halaman minimal 1.').default(1),
  pageSize: z.coerce
    .number()
    .int()
    .min(1)
    .max(500, 'Maksimal 500 peserta per halaman.')
    .default(50),
});
export type ListEnrollmentsQuery = z.input<typeof ListEnrollmentsQuery>;

/** GET /api/programs/{id}/participants.xlsx|pdf: the list's filters, every page. */
/** A printed list longer than this is no longer read: the office filters, or takes the Excel. */
export const PARTICIPANTS_PDF_MAX_ROWS = 5_000;

export const ExportParticipantsQuery = ListEnrollmentsQuery.omit({ page: true, pageSize: true });
export type ExportParticipantsQuery = z.input<typeof ExportParticipantsQuery>;

export const EnrollmentItem = z.object({
  id: z.string(),
  workerId: z.string(),
  fullName: z.string(),
  nikMasked: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
  districtName: z.string(),
  status: EnrollmentStatus,
  statusLabel: z.string(),
  reason: z.string().nullable(),
  firstMonth: z.string(),
  lastMonth: z.string(),
  nikWarnings: z.number().int().meta({ description: 'Peringatan NIK yang belum diperiksa' }),
  replacedBy: z
    .string()
    .nullable()
    .meta({ description: 'Nama pengganti yang menempati kursi ini sesudah berakhir (mutasi)' }),
  proposedBy: z.string().meta({ description: 'Nama pengguna yang mengusulkan (nama tampilan)' }),
  createdAt: z.string(),
  updatedAt: z.string(),
  canVerify: z.boolean(),
  canApprove: z.boolean(),
  canReturn: z.boolean(),
  canWithdraw: z.boolean(),
});
export type EnrollmentItem = z.infer<typeof EnrollmentItem>;

export const ProgramSummary = z.object({
  id: z.string(),
  name: z.string(),
  ownerRegion: z.string(),
  status: z.enum(['draft', 'active', 'closed']),
  firstMonth: z.string(),
  lastMonth: z.string(),
  districtStep: z.boolean(),
});
export type ProgramSummary = z.infer<typeof ProgramSummary>;

const StatusCounts = z
  .record(z.string(), z.number().int())
  .meta({ description: 'Jumlah peserta per status (dalam cakupan dan saringan wilayah)' });

export const EnrollmentList = z.object({
  program: ProgramSummary,
  items: z.array(EnrollmentItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  counts: StatusCounts,
  seats: z.number().int().meta({ description: 'Kursi dalam cakupan dan saringan wilayah' }),
  filled: z.number().int(),
});
export type EnrollmentList = z.infer<typeof EnrollmentList>;

const Reason = z
  .string()
  .trim()
  .max(500, 'Alasan maksimal 500 karakter.')
  .optional()
  .transform((v) => (v ? v : undefined));

/** POST /api/enrollments/{verify|approve|return|withdraw}: one or many enrollments at once. */
export const EnrollmentStepInput = z.object({
  ids: z
    .array(z.string().max(64), { message: 'Pilih peserta.' })
    .min(1, 'Pilih minimal satu peserta.')
    .max(MAX_PROPOSAL, `Maksimal ${MAX_PROPOSAL} peserta sekali proses.`),
  reason: Reason.meta({ description: 'Alasan (wajib untuk mengembalikan)' }),
});
export type EnrollmentStepInput = z.input<typeof EnrollmentStepInput>;

export const StepResult = z.object({
  id: z.string(),
  result: z.enum(['done', 'refused']),
  status: EnrollmentStatus.nullable().meta({ description: 'Status sesudah langkah ini' }),
  fullName: z.string().nullable(),
  message: z.string().nullable().meta({ description: 'Mengapa langkah ini ditolak' }),
});
export type StepResult = z.infer<typeof StepResult>;

export const EnrollmentStepResponse = z.object({
  results: z.array(StepResult),
  done: z.number().int(),
  refused: z.number().int(),
});
export type EnrollmentStepResponse = z.infer<typeof EnrollmentStepResponse>;

export const OverviewItem = z.object({
  program: ProgramSummary,
  seats: z.number().int(),
  filled: z.number().int(),
  counts: StatusCounts,
});
export const EnrollmentOverview = z.object({ items: z.array(OverviewItem) });
export type EnrollmentOverview = z.infer<typeof EnrollmentOverview>;
