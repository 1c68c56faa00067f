import { z } from 'zod';
import { ENROLLMENT_STATUSES } from '../../rules/enrollment-status.ts';
import { RegionCode } from '../regions/regions.schema.ts';

export const ExchangeFormat = z
  .enum(['xlsx', 'csv'], { message: 'Format berkas harus xlsx atau csv.' })
  .default('xlsx')
  .meta({ description: 'xlsx (bawaan) atau csv' });
export type ExchangeFormat = z.output<typeof ExchangeFormat>;

/** GET /api/programs/{id}/enrollments/export */
export const ExportBatchQuery = z.object({
  format: ExchangeFormat,
  region: RegionCode.optional().meta({
    description:
      'Bagian wilayah yang dikirim (bawaan: wilayah Anda di dalam wilayah program), mis. 15.08',
  }),
});
export type ExportBatchQuery = z.input<typeof ExportBatchQuery>;

export const BatchFileQuery = z.object({ format: ExchangeFormat });

/**
 * What became of a row of the answer file. Applied: accepted, rejected, unchanged (the same answer
 * was applied before). Not applied, with the reason: unknown_nik, not_in_program (not in this
 * program in the user's region, or not sent yet), duplicate (the NIK again in the file), conflict
 * (contradicts the current state), invalid (a missing or malformed value).
 */
export const RESULT_OUTCOMES = [
  'accepted',
  'rejected',
  'unchanged',
  'unknown_nik',
  'not_in_program',
  'duplicate',
  'conflict',
  'invalid',
] as const;
export type ResultOutcome = (typeof RESULT_OUTCOMES)[number];
/** The answer file's header row is stored beside its rows as line 0 with this outcome. */
export const HEADER_LINE_OUTCOME = 'header';
export const APPLIED: ReadonlySet<ResultOutcome> = new Set(['accepted', 'rejected', 'unchanged']);

export const ResultCounts = z
  .object({
    total: z.number().int(),
    accepted: z.number().int(),
    rejected: z.number().int(),
    unchanged: z.number().int(),
    unknown_nik: z.number().int(),
    not_in_program: z.number().int(),
    duplicate: z.number().int(),
    conflict: z.number().int(),
    invalid: z.number().int(),
  })
  .meta({ description: 'Jumlah baris per hasil; total = jumlah semua hasil' });
export type ResultCounts = z.infer<typeof ResultCounts>;

export const ResultRow = z.object({
  line: z.number().int().meta({ description: 'Nomor baris di berkas (baris judul = 1)' }),
  outcome: z.enum(RESULT_OUTCOMES),
  nik: z.string().nullable().meta({ description: 'NIK tersamar' }),
  name: z.string().nullable(),
  message: z.string().nullable(),
});
export type ResultRow = z.infer<typeof ResultRow>;

export const ResultImport = z.object({
  id: z.string(),
  programId: z.string(),
  fileName: z.string(),
  counts: ResultCounts,
  createdBy: z.string(),
  createdAt: z.string(),
  /** The rows not applied (the first 1,000), with the reason. */
  rows: z.array(ResultRow),
});
export type ResultImport = z.infer<typeof ResultImport>;

export const ResultImportSummary = ResultImport.omit({ rows: true });
export type ResultImportSummary = z.infer<typeof ResultImportSummary>;

export const BatchSummary = z.object({
  id: z.string(),
  programId: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  layoutVersion: z.number().int(),
  rows: z.number().int(),
  createdBy: z.string(),
  createdAt: z.string(),
  /** Current statuses of the batch's enrollments. */
  statuses: z.record(z.string(), z.number().int()),
});
export type BatchSummary = z.infer<typeof BatchSummary>;

export const EnrollmentStatus = z.enum(ENROLLMENT_STATUSES);

export const BatchMember = z.object({
  enrollmentId: z.string(),
  workerId: z.string(),
  name: z.string(),
  nik: z.string().meta({ description: 'NIK tersamar' }),
  villageCode: z.string(),
  villageName: z.string(),
  status: EnrollmentStatus,
  reason: z.string().nullable(),
  kpj: z.string().nullable().meta({ description: 'KPJ tersamar' }),
  effectiveDate: z.string().nullable(),
});
export type BatchMember = z.infer<typeof BatchMember>;

export const BatchDetailQuery = z.object({
  page: z.coerce.number().int().min(1, 'Halaman minimal 1.').default(1),
  pageSize: z.coerce.number().int().min(1).max(200, 'Maksimal 200 baris per halaman.').default(50),
});
export type BatchDetailQuery = z.input<typeof BatchDetailQuery>;

export const BatchDetail = BatchSummary.extend({
  programName: z.string(),
  members: z.array(BatchMember),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type BatchDetail = z.infer<typeof BatchDetail>;

/** GET /api/programs/{id}/bpjs: what the exchange screen shows. */
export const BpjsExchange = z.object({
  program: z.object({
    id: z.string(),
    name: z.string(),
    ownerRegion: z.string(),
    firstMonth: z.string(),
    lastMonth: z.string(),
    status: z.string(),
  }),
  /** Enrollments of the program in the user's region, per status. */
  statuses: z.record(z.string(), z.number().int()),
  /** Approved and not yet sent: what the next batch will carry. */
  ready: z.number().int(),
  batches: z.array(BatchSummary),
  imports: z.array(ResultImportSummary),
});
export type BpjsExchange = z.infer<typeof BpjsExchange>;
