import { z } from 'zod';
import { LifeStatus, Segment, Sex } from './workers.schema.ts';

/** The review list of possible duplicates (same name key and birth date, other NIK, same regency). */
export const ListDuplicatesQuery = z.object({
  region: z.string().trim().max(20).optional(),
  page: z.coerce.number().int().min(1, 'Halaman minimal 1.').default(1),
  pageSize: z.coerce
    .number()
    .int()
    .min(1)
    .max(100, 'Maksimal 100 pasangan per halaman.')
    .default(20),
});
export type ListDuplicatesQuery = z.input<typeof ListDuplicatesQuery>;

const WorkerId = (what: string) =>
  z
    .string({ message: `${what} wajib diisi.` })
    .trim()
    .toLowerCase()
    .regex(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
      `${what} tidak valid.`,
    );

export const MarkDifferentInput = z
  .object({ workerA: WorkerId('Pekerja pertama'), workerB: WorkerId('Pekerja kedua') })
  .refine((v) => v.workerA !== v.workerB, {
    message: 'Pilih dua data pekerja yang berbeda.',
    path: ['workerB'],
  });
export type MarkDifferentInput = z.input<typeof MarkDifferentInput>;

export const MergeWorkersInput = z
  .object({
    keepId: WorkerId('Data yang disimpan'),
    mergeId: WorkerId('Data yang digabungkan'),
  })
  .refine((v) => v.keepId !== v.mergeId, {
    message: 'Data yang disimpan dan yang digabungkan harus berbeda.',
    path: ['mergeId'],
  });
export type MergeWorkersInput = z.input<typeof MergeWorkersInput>;

/** One side of a pair, identifiers masked: what a reviewer compares. */
export const DuplicateWorker = z.object({
  id: z.string(),
  nikMasked: z.string(),
  fullName: z.string(),
  sex: Sex,
  birthPlace: z.string().nullable(),
  birthDate: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
  districtName: z.string(),
  dusun: z.string().nullable(),
  occupationCode: z.number().int(),
  occupationName: z.string(),
  segment: Segment,
  lifeStatus: LifeStatus,
  hasKk: z.boolean(),
  hasPhone: z.boolean(),
  hasKpj: z.boolean(),
  heirCount: z.number().int(),
  childCount: z.number().int(),
  createdAt: z.string(),
});
export type DuplicateWorker = z.infer<typeof DuplicateWorker>;

export const DuplicatePair = z.object({
  /** The pair as stored in a decision: lower id first. */
  a: DuplicateWorker,
  b: DuplicateWorker,
  regencyCode: z.string(),
});
export type DuplicatePair = z.infer<typeof DuplicatePair>;

export const DuplicateList = z.object({
  items: z.array(DuplicatePair),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type DuplicateList = z.infer<typeof DuplicateList>;

export const DuplicateDecision = z.object({
  id: z.string(),
  workerA: z.string(),
  workerB: z.string(),
  decision: z.enum(['different', 'merged']),
  keptId: z.string().nullable(),
  regencyCode: z.string(),
  decidedBy: z.string(),
  decidedAt: z.string(),
  /** After a merge: how many heirs and children moved to the kept worker, and which fields it took. */
  moved: z
    .object({
      heirs: z.number().int(),
      children: z.number().int(),
      filledFields: z.array(z.string()),
    })
    .optional(),
});
export type DuplicateDecision = z.infer<typeof DuplicateDecision>;
