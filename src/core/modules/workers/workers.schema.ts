import { z } from 'zod';
import { DECLARED_INCOME } from '../../rules/contribution-rates.ts';
import { rupiah } from '../../rules/indonesian.ts';

export const SEGMENTS = [
  'pekerja_rentan',
  'perangkat_desa',
  'bpd_rt_rw',
  'non_asn',
  'kader',
  'lainnya',
] as const;
export const Segment = z.enum(SEGMENTS, { message: 'Segmen tidak dikenal.' });
export type Segment = z.infer<typeof Segment>;

export const Sex = z.enum(['L', 'P'], {
  message: 'Jenis kelamin harus L (laki-laki) atau P (perempuan).',
});
export const LifeStatus = z.enum(['alive', 'dead', 'moved']);

const DATE_MESSAGE = 'Tanggal harus berformat TTTT-BB-HH, misalnya 1985-07-01.';
export const CalendarDate = z
  .string({ message: 'Tanggal wajib diisi (TTTT-BB-HH).' })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, DATE_MESSAGE)
  .refine(
    (v) =>
      !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
      new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    DATE_MESSAGE,
  );

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((v) => (v ? v : undefined));

/** A worker as a form or an import row gives it; the NIK rules (rules/nik.ts) run in the use-case. */
export const WorkerInput = z.object({
  nik: z.string({ message: 'NIK wajib diisi.' }).trim().min(1, 'NIK wajib diisi.').max(40),
  kk: optionalText(40, 'Nomor KK terlalu panjang.').refine(
    (v) => !v || /^\d{16}$/.test(v.replace(/\D/g, '')),
    'Nomor KK harus 16 digit angka.',
  ),
  fullName: z
    .string({ message: 'Nama lengkap wajib diisi.' })
    .trim()
    .min(2, 'Nama lengkap minimal 2 huruf.')
    .max(120, 'Nama lengkap maksimal 120 karakter.'),
  birthPlace: optionalText(80, 'Tempat lahir maksimal 80 karakter.'),
  birthDate: z.string({ message: 'Tanggal lahir wajib diisi (TTTT-BB-HH).' }).pipe(CalendarDate),
  sex: Sex,
  villageCode: z
    .string({ message: 'Desa/kelurahan domisili wajib diisi.' })
    .trim()
    .min(1, 'Desa/kelurahan domisili wajib diisi.'),
  address: optionalText(200, 'Alamat maksimal 200 karakter.'),
  dusun: optionalText(80, 'Nama dusun maksimal 80 karakter.'),
  rw: optionalText(5, 'RW maksimal 5 karakter.'),
  rt: optionalText(5, 'RT maksimal 5 karakter.'),
  phone: optionalText(20, 'Nomor telepon maksimal 20 karakter.').refine(
    (v) => !v || /^\+?[\d\s-]{8,20}$/.test(v),
    'Nomor telepon hanya angka, spasi, tanda hubung, boleh diawali +.',
  ),
  occupationCode: z.coerce
    .number({ message: 'Kode pekerjaan harus angka 1–89.' })
    .int()
    .min(1, 'Kode pekerjaan harus 1–89.')
    .max(89, 'Kode pekerjaan harus 1–89.'),
  segment: Segment.default('pekerja_rentan'),
  welfareDecile: z.coerce
    .number()
    .int()
    .min(1, 'Desil kesejahteraan 1–10.')
    .max(10, 'Desil kesejahteraan 1–10.')
    .optional(),
  decileSource: z.enum(['P3KE', 'DTSEN', 'lainnya']).optional(),
  decileYear: z.coerce
    .number()
    .int()
    .min(2015, 'Tahun desil tidak masuk akal.')
    .max(2100, 'Tahun desil tidak masuk akal.')
    .optional(),
  declaredIncome: z.coerce
    .number()
    .int('Penghasilan dalam rupiah bulat.')
    .min(DECLARED_INCOME.min, `Penghasilan yang dilaporkan minimal ${rupiah(DECLARED_INCOME.min)}.`)
    .max(
      DECLARED_INCOME.max,
      `Penghasilan yang dilaporkan maksimal ${rupiah(DECLARED_INCOME.max)}.`,
    )
    .default(DECLARED_INCOME.default),
  kpj: optionalText(20, 'Nomor KPJ terlalu panjang.').refine(
    (v) => !v || /^\d{11}$/.test(v.replace(/\D/g, '')),
    'Nomor KPJ harus 11 digit angka.',
  ),
});
export type WorkerInput = z.input<typeof WorkerInput>;
export type WorkerInputParsed = z.output<typeof WorkerInput>;

/** A change: absent = unchanged; null clears an optional field. */
export const WorkerPatch = WorkerInput.partial().extend({
  kk: WorkerInput.shape.kk.nullable(),
  birthPlace: WorkerInput.shape.birthPlace.nullable(),
  address: WorkerInput.shape.address.nullable(),
  dusun: WorkerInput.shape.dusun.nullable(),
  rw: WorkerInput.shape.rw.nullable(),
  rt: WorkerInput.shape.rt.nullable(),
  phone: WorkerInput.shape.phone.nullable(),
  welfareDecile: WorkerInput.shape.welfareDecile.nullable(),
  decileSource: WorkerInput.shape.decileSource.nullable(),
  decileYear: WorkerInput.shape.decileYear.nullable(),
  kpj: WorkerInput.shape.kpj.nullable(),
});
export type WorkerPatch = z.input<typeof WorkerPatch>;

export const WorkerWarning = z.object({
  code: z.string(),
  message: z.string(),
  confirmed: z.boolean(),
});

export const WorkerListItem = z.object({
  id: z.string(),
  nikMasked: z.string(),
  fullName: z.string(),
  sex: Sex,
  birthDate: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
  occupationCode: z.number().int(),
  occupationName: z.string(),
  segment: Segment,
  lifeStatus: LifeStatus,
  warningCount: z.number().int(),
});
export type WorkerListItem = z.infer<typeof WorkerListItem>;

export const WorkerDetail = WorkerListItem.extend({
  kkMasked: z.string().nullable(),
  birthPlace: z.string().nullable(),
  districtName: z.string(),
  regencyName: z.string(),
  address: z.string().nullable(),
  dusun: z.string().nullable(),
  rw: z.string().nullable(),
  rt: z.string().nullable(),
  phone: z.string().nullable(),
  occupationClass: z.string(),
  welfareDecile: z.number().int().nullable(),
  decileSource: z.string().nullable(),
  decileYear: z.number().int().nullable(),
  declaredIncome: z.number().int(),
  deathDate: z.string().nullable(),
  movedDate: z.string().nullable(),
  /** Set when this record was merged into another worker (possible duplicates): kept for history. */
  mergedInto: z.string().nullable(),
  kpjMasked: z.string().nullable(),
  warnings: z.array(WorkerWarning),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Whether this user may open the full NIK/KPJ (each view is recorded). */
  canViewIdentity: z.boolean(),
  canEdit: z.boolean(),
});
export type WorkerDetail = z.infer<typeof WorkerDetail>;

export const WorkerIdentity = z.object({
  nik: z.string(),
  kk: z.string().nullable(),
  kpj: z.string().nullable(),
});

export const WORKER_SORTS = [
  'name',
  '-name',
  'birthDate',
  '-birthDate',
  'createdAt',
  '-createdAt',
] as const;

export const ListWorkersQuery = z.object({
  q: z.string().trim().max(100, 'Kata pencarian maksimal 100 karakter.').optional(),
  region: z.string().trim().max(20).optional(),
  segment: Segment.optional(),
  occupation: z.coerce.number().int().min(1).max(89).optional(),
  status: LifeStatus.optional(),
  hasWarnings: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  sort: z.enum(WORKER_SORTS).default('name'),
  page: z.coerce.number().int().min(1, 'Halaman minimal 1.').default(1),
  pageSize: z.coerce.number().int().min(1).max(200, 'Maksimal 200 baris per halaman.').default(50),
});
export type ListWorkersQuery = z.infer<typeof ListWorkersQuery>;

export const WorkerList = z.object({
  items: z.array(WorkerListItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type WorkerList = z.infer<typeof WorkerList>;
