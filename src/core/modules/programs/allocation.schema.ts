import { z } from 'zod';
import { PLAN_LIMITS } from '../../rules/budget-plan.ts';
import { RegionCode } from '../regions/regions.schema.ts';

const Level = z.enum(['province', 'regency', 'district', 'village']);

export const ALLOCATION_MESSAGES = {
  seats: `Kursi harus bilangan bulat 0–${PLAN_LIMITS.maxSeatsPerVillage.toLocaleString('id-ID')}.`,
  empty: 'Isi minimal satu desa.',
  tooMany: 'Paling banyak 10.000 desa sekaligus.',
} as const;

/** A printed recap of more villages is no longer read: the office opens a regency, or takes Excel. */
export const ALLOCATIONS_PDF_MAX_ROWS = 5_000;

export const AllocationsQuery = z.object({
  region: RegionCode.optional().meta({
    description: 'Wilayah yang dirinci (bawaan: wilayah pemilik program, atau cakupan Anda)',
  }),
});
export type AllocationsQuery = z.infer<typeof AllocationsQuery>;

export const AllocationChild = z.object({
  region: z.string().meta({ description: 'Kode wilayah anak', example: '15.08.01' }),
  name: z.string(),
  level: Level,
  kind: z.string().nullable().meta({ description: 'desa, kelurahan, desa_adat (desa saja)' }),
  retired: z.boolean(),
  seats: z.number().int(),
  filled: z.number().int(),
});
export type AllocationChild = z.infer<typeof AllocationChild>;

/** GET /api/programs/{id}/allocations: a region's seats and those of its children (their sum). */
export const Allocations = z.object({
  region: z.string().meta({ example: '15.08' }),
  name: z.string(),
  level: Level,
  seats: z.number().int().meta({ description: 'Kursi wilayah ini = jumlah kursi anak-anaknya' }),
  filled: z.number().int().meta({ description: 'Kursi terisi (diusulkan sampai aktif)' }),
  villages: z.number().int().meta({ description: 'Desa/kelurahan berkursi di wilayah ini' }),
  path: z
    .array(z.object({ region: z.string(), name: z.string() }))
    .meta({ description: 'Dari wilayah pemilik (atau cakupan Anda) sampai wilayah ini' }),
  children: z.array(AllocationChild),
});
export type Allocations = z.infer<typeof Allocations>;

export const AllocationEntry = z.object({
  villageCode: RegionCode.meta({ example: '15.08.01.2001' }),
  seats: z
    .number({ message: ALLOCATION_MESSAGES.seats })
    .int(ALLOCATION_MESSAGES.seats)
    .min(0, ALLOCATION_MESSAGES.seats)
    .max(PLAN_LIMITS.maxSeatsPerVillage, ALLOCATION_MESSAGES.seats)
    .meta({ description: 'Kursi desa ini; 0 menghapus kursinya' }),
});

/** PUT /api/programs/{id}/allocations: seats of the villages named; the others stay as they are. */
export const AllocationsInput = z
  .array(AllocationEntry)
  .min(1, ALLOCATION_MESSAGES.empty)
  .max(10_000, ALLOCATION_MESSAGES.tooMany);
export type AllocationsInput = z.input<typeof AllocationsInput>;

export const AllocationTotals = z.object({
  villages: z.number().int().meta({ description: 'Desa yang mendapat kursi' }),
  seats: z.number().int().meta({ description: 'Kursi seluruh program' }),
});
export type AllocationTotals = z.infer<typeof AllocationTotals>;

export const AllocationImportError = z.object({
  line: z.number().int().meta({ description: 'Nomor baris di berkas (judul kolom = baris 1)' }),
  villageCode: z.string().nullable(),
  reason: z.string(),
});

/** POST /api/programs/{id}/allocations/import: every row of the file accounted for. */
export const AllocationImportResult = AllocationTotals.extend({
  fileName: z.string(),
  rows: z.number().int().meta({ description: 'Baris data di berkas' }),
  applied: z.number().int().meta({ description: 'Baris yang diterapkan' }),
  errors: z.array(AllocationImportError),
});
export type AllocationImportResult = z.infer<typeof AllocationImportResult>;
