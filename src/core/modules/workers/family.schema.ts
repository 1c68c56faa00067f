import { z } from 'zod';
import { checkNik } from '../../rules/nik.ts';
import { CalendarDate, LifeStatus } from './workers.schema.ts';

/** Who a death benefit may go to (DOMAIN §7: spouse or children first, then parents, …). */
export const HEIR_RELATIONSHIPS = [
  'spouse',
  'child',
  'parent',
  'sibling',
  'grandchild',
  'other',
] as const;
export const HeirRelationship = z.enum(HEIR_RELATIONSHIPS, {
  message: 'Hubungan dengan pekerja wajib dipilih.',
});
export type HeirRelationship = z.infer<typeof HeirRelationship>;

/** School levels of the scholarship table (DOMAIN §7); `none` = not (yet) in school. */
export const SCHOOL_LEVELS = ['none', 'tk', 'sd', 'smp', 'sma', 'pt'] as const;
export const SchoolLevel = z.enum(SCHOOL_LEVELS, { message: 'Jenjang sekolah wajib dipilih.' });
export type SchoolLevel = z.infer<typeof SchoolLevel>;

const name = z
  .string({ message: 'Nama wajib diisi.' })
  .trim()
  .min(1, 'Nama wajib diisi.')
  .max(100, 'Nama maksimal 100 karakter.');

/**
 * An optional NIK: empty means none; when given, the format (16 digits) is checked here, so a form
 * says it at once. Region, date and serial are checked in the use-case against the register.
 */
const nik = z
  .string()
  .trim()
  .max(40, 'NIK harus 16 digit angka.')
  .optional()
  .transform((v) => (v ? v : undefined))
  .superRefine((v, ctx) => {
    if (!v) return;
    const format = checkNik(v, { today: '2000-01-01', districtExists: () => true }).errors.find(
      (e) => e.code === 'NIK_FORMAT',
    );
    if (format) ctx.addIssue({ code: 'custom', message: format.message });
  });

const phone = z
  .string()
  .trim()
  .max(20, 'Nomor telepon maksimal 20 karakter.')
  .optional()
  .transform((v) => (v ? v : undefined))
  .refine(
    (v) => !v || /^\+?[\d\s-]{8,20}$/.test(v),
    'Nomor telepon hanya angka, spasi, tanda hubung, boleh diawali +.',
  );

export const HeirInput = z.object({
  name,
  nik,
  relationship: HeirRelationship,
  phone,
});
export type HeirInput = z.input<typeof HeirInput>;

/** A change: absent = unchanged; null clears the NIK or the phone. */
export const HeirPatch = HeirInput.partial().extend({
  nik: nik.nullable(),
  phone: phone.nullable(),
});
export type HeirPatch = z.input<typeof HeirPatch>;

export const ChildInput = z.object({
  name,
  nik,
  birthDate: z.string({ message: 'Tanggal lahir wajib diisi (TTTT-BB-HH).' }).pipe(CalendarDate),
  schoolLevel: SchoolLevel,
});
export type ChildInput = z.input<typeof ChildInput>;

export const ChildPatch = ChildInput.partial().extend({ nik: nik.nullable() });
export type ChildPatch = z.input<typeof ChildPatch>;

/** An heir as shown: the NIK masked (personal data, DOMAIN §10). */
export const Heir = z.object({
  id: z.string(),
  name: z.string(),
  nikMasked: z.string().nullable(),
  relationship: HeirRelationship,
  phone: z.string().nullable(),
  createdAt: z.string(),
});
export type Heir = z.infer<typeof Heir>;

/** A child as shown: children's data, the NIK masked. */
export const Child = z.object({
  id: z.string(),
  name: z.string(),
  nikMasked: z.string().nullable(),
  birthDate: z.string(),
  schoolLevel: SchoolLevel,
  createdAt: z.string(),
});
export type Child = z.infer<typeof Child>;

export const WorkerFamily = z.object({
  heirs: z.array(Heir),
  children: z.array(Child),
});
export type WorkerFamily = z.infer<typeof WorkerFamily>;

/**
 * A change of life status: `dead` with the date of death, `moved` with the day of moving out,
 * `alive` (a correction) clears both dates.
 */
export const LifeStatusInput = z.object({
  status: z
    .enum(LifeStatus.options, { message: 'Status hidup harus hidup, meninggal dunia atau pindah.' })
    .meta({ description: 'alive = hidup, dead = meninggal dunia, moved = pindah' }),
  date: z
    .string()
    .trim()
    .optional()
    .nullable()
    .transform((v) => (v ? v : undefined))
    .pipe(CalendarDate.optional()),
});
export type LifeStatusInput = z.input<typeof LifeStatusInput>;
