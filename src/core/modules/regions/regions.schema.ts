import { z } from 'zod';
import { isRegionCode, normaliseRegionCode } from '../../rules/region-code.ts';

export const REGION_CODE_MESSAGE =
  'Kode wilayah tidak valid. Gunakan format kode Kemendagri: 15 (provinsi), 15.08 (kabupaten/kota), 15.08.01 (kecamatan) atau 15.08.01.2001 (desa/kelurahan).';

/** A region code as typed by a person: "1508" and "15 08" are accepted and normalised. */
export const RegionCode = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const code = normaliseRegionCode(v);
    if (!code || !isRegionCode(code)) {
      ctx.addIssue({ code: 'custom', message: REGION_CODE_MESSAGE });
      return z.NEVER;
    }
    return code;
  })
  .meta({ description: 'Kode wilayah Kemendagri, mis. 15.08', example: '15.08' });

export const RegionLevel = z.enum(['province', 'regency', 'district', 'village']);
export const RegionKind = z
  .enum(['desa', 'kelurahan', 'desa_adat', 'kabupaten', 'kota'])
  .nullable();

export const RegionCounts = z.object({
  regencies: z.number().int(),
  districts: z.number().int(),
  villages: z.number().int(),
  desa: z.number().int(),
  kelurahan: z.number().int(),
  desaAdat: z.number().int(),
});
export type RegionCounts = z.infer<typeof RegionCounts>;

export const RegionSummary = z.object({
  code: z.string(),
  name: z.string(),
  level: RegionLevel,
  kind: RegionKind,
  parentCode: z.string().nullable(),
  retired: z.boolean(),
  counts: RegionCounts,
});
export type RegionSummary = z.infer<typeof RegionSummary>;

export const LocalTerm = z.object({
  villageTerm: z.string(),
  villageHeadTitle: z.string().nullable(),
  /** The province or regency where the term was set. */
  setOn: z.string(),
});
export type LocalTerm = z.infer<typeof LocalTerm>;

export const RegionDetail = RegionSummary.extend({
  ancestors: z.array(z.object({ code: z.string(), name: z.string(), level: RegionLevel })),
  /** The local word for the village level that applies here, if an administrator set one. */
  localTerm: LocalTerm.nullable(),
  /** The term set on this very region (provinces and regencies only). */
  ownLocalTerm: LocalTerm.nullable(),
  /** What the asking user may do here, so that screens need not repeat the rules. */
  permissions: z.object({ setLocalTerm: z.boolean() }),
});
export type RegionDetail = z.infer<typeof RegionDetail>;

export const RegionSearchHit = RegionSummary.extend({
  /** Names of the ancestors, province first, e.g. "Jambi › Kabupaten Bungo". */
  path: z.string(),
});
export type RegionSearchHit = z.infer<typeof RegionSearchHit>;

export const ListRegionsQuery = z.object({
  parent: RegionCode.optional(),
  q: z
    .string()
    .trim()
    .min(2, 'Ketik minimal 2 huruf atau angka untuk mencari wilayah.')
    .max(100, 'Kata pencarian terlalu panjang (maksimal 100 karakter).')
    .optional(),
  /** With q: only regions of this level (a picker of villages, of regencies…). */
  level: RegionLevel.optional(),
  page: z.coerce.number().int().min(1, 'Halaman minimal 1.').default(1),
  pageSize: z.coerce.number().int().min(1).max(200, 'Maksimal 200 baris per halaman.').default(50),
});
export type ListRegionsQuery = z.infer<typeof ListRegionsQuery>;

export const RegionList = z.object({
  items: z.array(RegionSearchHit),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type RegionList = z.infer<typeof RegionList>;

export const SetLocalTermInput = z.object({
  villageTerm: z
    .string()
    .trim()
    .min(2, 'Istilah desa minimal 2 huruf.')
    .max(40, 'Istilah desa maksimal 40 karakter.')
    .regex(
      /^[\p{L} '-]+$/u,
      'Istilah desa hanya boleh berisi huruf, spasi, tanda hubung atau apostrof.',
    ),
  villageHeadTitle: z
    .string()
    .trim()
    .max(60, 'Sebutan kepala desa maksimal 60 karakter.')
    .optional()
    .transform((v) => (v ? v : null)),
});
export type SetLocalTermInput = z.infer<typeof SetLocalTermInput>;

export const RegisterVersion = z.object({
  source: z.string(),
  version: z.string(),
  loadedAt: z.string(),
  loadedBy: z.string(),
  counts: z.record(z.string(), z.number()),
});
export type RegisterVersion = z.infer<typeof RegisterVersion>;
