import { z } from 'zod';
import { ENROLLMENT_STATUSES } from '../../rules/enrollment-status.ts';
import { BudgetReference } from '../programs/program.schema.ts';
import { RegionCode } from '../regions/regions.schema.ts';

export const END_REASONS = ['dead', 'moved', 'ineligible', 'other'] as const;
export type EndReason = (typeof END_REASONS)[number];

/** How an ended seat's reason is stored on the enrollment (the village reads it). */
export const END_REASON_LABEL: Record<EndReason, string> = {
  dead: 'Meninggal dunia',
  moved: 'Pindah domisili',
  ineligible: 'Tidak memenuhi syarat',
  other: 'Lainnya',
};

const isoDate = (message: string) =>
  z
    .string({ message })
    .regex(/^\d{4}-\d{2}-\d{2}$/, message)
    .refine((v) => {
      const d = new Date(`${v}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
    }, message);

const Month = z
  .string({ message: 'Bulan harus berformat TTTT-BB, mis. 2028-01.' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Bulan harus berformat TTTT-BB, mis. 2028-01.')
  .meta({ example: '2028-01' });

/** POST /api/enrollments/{id}/end: the seat is freed from this date (mutasi). */
export const EndEnrollmentInput = z
  .object({
    reason: z
      .enum(END_REASONS, { message: 'Alasan harus dead, moved, ineligible atau other.' })
      .meta({
        description: 'dead (meninggal), moved (pindah), ineligible (tidak memenuhi syarat), other',
      }),
    from: isoDate('Tanggal berakhir harus tanggal yang benar (TTTT-BB-HH).').optional().meta({
      description:
        'Kursi bebas mulai tanggal ini; bulan sesudahnya dapat diisi pengganti. Boleh kosong bila tanggal meninggal atau pindah sudah tercatat di data pekerja (tanggal itu yang dipakai)',
      example: '2027-05-14',
    }),
    note: z.string().trim().max(500, 'Catatan maksimal 500 karakter.').optional(),
  })
  .superRefine((v, ctx) => {
    if (v.reason === 'other' && !v.note)
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'Jelaskan alasannya di catatan.' });
  });
export type EndEnrollmentInput = z.input<typeof EndEnrollmentInput>;

/** POST /api/enrollments/{id}/replace: a worker of the same village takes the freed seat. */
export const ReplaceEnrollmentInput = z.object({
  nik: z
    .string({ message: 'NIK pengganti wajib diisi.' })
    .trim()
    .regex(/^\d{16}$/, 'NIK pengganti harus 16 digit angka.'),
});
export type ReplaceEnrollmentInput = z.input<typeof ReplaceEnrollmentInput>;

export const EnrollmentView = z.object({
  id: z.string(),
  programId: z.string(),
  workerId: z.string(),
  workerName: z.string(),
  villageCode: z.string(),
  status: z.enum(ENROLLMENT_STATUSES),
  firstMonth: z.string().meta({ description: 'TTTT-BB' }),
  lastMonth: z.string().meta({ description: 'TTTT-BB' }),
  reason: z.string().nullable(),
  replacesId: z.string().nullable(),
  endedFrom: z.string().nullable(),
});
export type EnrollmentView = z.infer<typeof EnrollmentView>;

/**
 * GET /api/continuity.pdf: a printed list longer than this is no longer read; the office picks a
 * smaller region or fewer days, or takes the Excel (which has no limit).
 */
export const ENDING_SOON_PDF_MAX_ROWS = 5_000;

/** GET /api/continuity, and its downloads /api/continuity.xlsx and .pdf */
export const ContinuityQuery = z.object({
  days: z.coerce
    .number({ message: 'Jumlah hari harus angka 1–366.' })
    .int('Jumlah hari harus angka 1–366.')
    .min(1, 'Jumlah hari harus angka 1–366.')
    .max(366, 'Jumlah hari harus angka 1–366.')
    .default(45)
    .meta({ description: 'Perlindungan berakhir dalam sekian hari (bawaan 45)' }),
  region: RegionCode.optional(),
});
export type ContinuityQuery = z.input<typeof ContinuityQuery>;

export const EndingWorker = z.object({
  enrollmentId: z.string(),
  workerId: z.string(),
  name: z.string(),
  nik: z.string().meta({ description: 'NIK tersamar' }),
  programId: z.string(),
  programName: z.string(),
  lastMonth: z.string(),
  endsOn: z.string().meta({ description: 'Hari terakhir perlindungan' }),
  daysLeft: z.number().int(),
});
export type EndingWorker = z.infer<typeof EndingWorker>;

export const EndingVillage = z.object({
  code: z.string(),
  name: z.string(),
  district: z.string(),
  count: z.number().int(),
  workers: z.array(EndingWorker),
});
export type EndingVillage = z.infer<typeof EndingVillage>;

export const EndingProgram = z.object({
  id: z.string(),
  name: z.string(),
  ownerRegion: z.string(),
  lastMonth: z.string(),
  count: z.number().int(),
  renewal: z.object({ id: z.string(), name: z.string(), status: z.string() }).nullable(),
  canRenew: z.boolean(),
});
export type EndingProgram = z.infer<typeof EndingProgram>;

export const ContinuityList = z.object({
  today: z.string(),
  until: z.string(),
  days: z.number().int(),
  total: z.number().int(),
  villages: z.array(EndingVillage),
  programs: z.array(EndingProgram),
  /** More workers than listed (the counts are complete). */
  truncated: z.boolean(),
});
export type ContinuityList = z.infer<typeof ContinuityList>;

/** POST /api/programs/{id}/renew */
export const RenewProgramInput = z
  .object({
    name: z.string().trim().min(3, 'Nama program minimal 3 karakter.').max(200).optional(),
    firstMonth: Month,
    lastMonth: Month,
    /** The new year's DPA or APBDes line; the old one is not copied (a new year has a new one). */
    budgetReference: BudgetReference.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.lastMonth < v.firstMonth)
      ctx.addIssue({
        code: 'custom',
        path: ['lastMonth'],
        message: 'Bulan terakhir tidak boleh sebelum bulan pertama.',
      });
  });
export type RenewProgramInput = z.input<typeof RenewProgramInput>;

export const RenewResult = z.object({
  program: z.object({
    id: z.string(),
    name: z.string(),
    status: z.string(),
    firstMonth: z.string(),
    lastMonth: z.string(),
    previousId: z.string(),
  }),
  /** Workers proposed again in the draft. */
  proposed: z.number().int(),
  /** Workers of the old program left out, with the reason. */
  left: z.array(
    z.object({
      workerId: z.string(),
      name: z.string(),
      nik: z.string(),
      villageCode: z.string(),
      reason: z.string(),
    }),
  ),
});
export type RenewResult = z.infer<typeof RenewResult>;
