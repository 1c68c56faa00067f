import { z } from 'zod';
import { PLAN_LIMITS, PLAN_MESSAGES } from '../../rules/budget-plan.ts';
import { DECLARED_INCOME } from '../../rules/contribution-rates.ts';
import { RegionCode } from '../regions/regions.schema.ts';
import { SEGMENTS } from '../workers/workers.schema.ts';
import { BenefitProgram, BudgetPlanPeriod, FunderType, VillageKind } from './programs.schema.ts';

/** Age at the start of the period (DOMAIN §5, (config)): programs may narrow it, never widen it. */
export const AGE_LIMITS = { min: 15, max: 65 } as const;

export const PROGRAM_STATUSES = ['draft', 'active', 'closed'] as const;
export const ProgramStatus = z.enum(PROGRAM_STATUSES);
export type ProgramStatus = z.infer<typeof ProgramStatus>;

export const QUOTA_RULES = ['per_village', 'explicit', 'budget_per_village'] as const;
export const QuotaRuleName = z.enum(QUOTA_RULES, {
  message: 'Aturan kuota harus per_village, explicit atau budget_per_village.',
});

export const PROGRAM_MESSAGES = {
  name: 'Nama program harus 3–200 karakter.',
  age: `Usia harus bilangan bulat ${AGE_LIMITS.min}–${AGE_LIMITS.max} tahun.`,
  ageOrder: 'Usia minimal tidak boleh lebih dari usia maksimal.',
  decile: 'Desil kesejahteraan harus bilangan bulat 1–10.',
  occupation: 'Kode pekerjaan harus bilangan bulat 1–89.',
  segment: 'Segmen tidak dikenal.',
  seatsNeeded: 'Isi jumlah kursi setiap desa.',
  budgetNeeded: 'Isi anggaran setiap desa.',
  seatsOnlyPerVillage: 'Kursi per desa hanya diisi untuk aturan "sama untuk setiap desa".',
  budgetOnlyBudgetRule: 'Anggaran per desa hanya diisi untuk aturan "dari anggaran per desa".',
  villageKinds: 'Pilih minimal satu jenis desa.',
  period: `Periode program paling lama ${PLAN_LIMITS.maxMonths} bulan.`,
  budgetReference: 'Rujukan anggaran paling panjang 200 karakter.',
} as const;

const whole = (message: string, min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.number({ message }).int(message).min(min, message).max(max, message);

const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
const Month = z
  .string({ message: PLAN_MESSAGES.month })
  .regex(MONTH_RE, PLAN_MESSAGES.month)
  .meta({ description: 'Bulan TTTT-BB', example: '2027-01' });

const Package = z
  .array(BenefitProgram, { message: PLAN_MESSAGES.packageBase })
  .superRefine((pkg, ctx) => {
    if (new Set(pkg).size !== pkg.length) {
      ctx.addIssue({ code: 'custom', message: PLAN_MESSAGES.packageTwice });
    } else if (!pkg.includes('JKK') || !pkg.includes('JKM')) {
      ctx.addIssue({ code: 'custom', message: PLAN_MESSAGES.packageBase });
    }
  })
  .meta({ description: 'Paket: JKK dan JKM wajib, JHT pilihan', example: ['JKK', 'JKM'] });

export const Eligibility = z
  .object({
    minAge: whole(PROGRAM_MESSAGES.age, AGE_LIMITS.min, AGE_LIMITS.max).default(AGE_LIMITS.min),
    maxAge: whole(PROGRAM_MESSAGES.age, AGE_LIMITS.min, AGE_LIMITS.max).default(AGE_LIMITS.max),
    segments: z
      .array(z.enum(SEGMENTS, { message: PROGRAM_MESSAGES.segment }))
      .default([])
      .meta({ description: 'Segmen yang boleh; kosong = semua' }),
    occupations: z
      .array(whole(PROGRAM_MESSAGES.occupation, 1, 89))
      .max(89)
      .default([])
      .meta({ description: 'Kode pekerjaan Dukcapil yang boleh; kosong = semua pekerjaan BPU' }),
    maxDecile: whole(PROGRAM_MESSAGES.decile, 1, 10)
      .nullable()
      .default(null)
      .meta({ description: 'Desil kesejahteraan tertinggi (P3KE/DTSEN); null = tanpa batas' }),
  })
  .superRefine((e, ctx) => {
    if (e.minAge > e.maxAge)
      ctx.addIssue({ code: 'custom', path: ['minAge'], message: PROGRAM_MESSAGES.ageOrder });
  })
  .meta({ description: 'Syarat peserta; usia dihitung pada hari pertama periode' });
export type EligibilityInput = z.input<typeof Eligibility>;

export const Quota = z
  .object({
    rule: QuotaRuleName.meta({
      description:
        'per_village: kursi sama untuk setiap desa; explicit: kursi per desa diisi atau diimpor; budget_per_village: kursi penuh yang terbeli oleh anggaran per desa',
    }),
    seats: whole(PLAN_MESSAGES.seatsPerVillage, 1, PLAN_LIMITS.maxSeatsPerVillage)
      .optional()
      .meta({ description: 'Kursi setiap desa (per_village)' }),
    budgetPerVillage: whole(PLAN_MESSAGES.budget, 1)
      .optional()
      .meta({ description: 'Anggaran setiap desa dalam rupiah (budget_per_village)' }),
    villageKinds: z
      .array(VillageKind, { message: PROGRAM_MESSAGES.villageKinds })
      .min(1, PROGRAM_MESSAGES.villageKinds)
      .transform((kinds) => [...new Set(kinds)])
      .default(['desa'])
      .meta({ description: 'Jenis desa yang ikut; bawaan: desa', example: ['desa'] }),
  })
  .superRefine((q, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    if (q.rule === 'per_village' && q.seats === undefined)
      issue('seats', PROGRAM_MESSAGES.seatsNeeded);
    if (q.rule !== 'per_village' && q.seats !== undefined)
      issue('seats', PROGRAM_MESSAGES.seatsOnlyPerVillage);
    if (q.rule === 'budget_per_village' && q.budgetPerVillage === undefined)
      issue('budgetPerVillage', PROGRAM_MESSAGES.budgetNeeded);
    if (q.rule !== 'budget_per_village' && q.budgetPerVillage !== undefined)
      issue('budgetPerVillage', PROGRAM_MESSAGES.budgetOnlyBudgetRule);
  });
export type QuotaInput = z.input<typeof Quota>;

const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));

/** The fields of a program as typed; `ProgramInput` adds the defaults, `ProgramPatch` leaves them out. */
/** The DPA number, APBDes line…: optional, empty is none. */
export const BudgetReference = z
  .string()
  .trim()
  .max(200, PROGRAM_MESSAGES.budgetReference)
  .nullable()
  .transform((v) => (v ? v : null))
  .meta({ description: 'Nomor DPA, baris APBDes, dsb.' });

const fields = {
  name: z
    .string({ message: PROGRAM_MESSAGES.name })
    .trim()
    .min(3, PROGRAM_MESSAGES.name)
    .max(200, PROGRAM_MESSAGES.name)
    .meta({ example: 'Perlindungan Pekerja Rentan Kabupaten Bungo 2027' }),
  ownerRegion: RegionCode.meta({
    description: 'Provinsi, kabupaten/kota atau desa yang menjalankan program',
    example: '15.08',
  }),
  funderType: FunderType,
  budgetReference: BudgetReference,
  firstMonth: Month.meta({ description: 'Bulan pertama perlindungan (menentukan tahun anggaran)' }),
  lastMonth: Month.meta({ description: 'Bulan terakhir perlindungan', example: '2027-12' }),
  package: Package,
  declaredIncome: whole(
    PLAN_MESSAGES.declaredIncome,
    DECLARED_INCOME.min,
    DECLARED_INCOME.max,
  ).meta({ description: 'Penghasilan yang dilaporkan per bulan (rupiah)' }),
  eligibility: Eligibility,
  quota: Quota,
  districtStep: z
    .boolean()
    .meta({ description: 'Kecamatan memverifikasi usulan desa sebelum kabupaten menyetujui' }),
  previousId: z
    .uuid({ message: 'Program sebelumnya tidak ditemukan.' })
    .nullable()
    .meta({ description: 'Program yang diteruskan oleh program ini (kohort berikutnya)' }),
};

function checkPeriod(
  v: { firstMonth?: string | undefined; lastMonth?: string | undefined },
  ctx: z.RefinementCtx,
) {
  const ok = (m: string | undefined): m is string => m !== undefined && MONTH_RE.test(m);
  if (!ok(v.firstMonth) || !ok(v.lastMonth)) return;
  const span = monthIndex(v.lastMonth) - monthIndex(v.firstMonth) + 1;
  if (span < 1)
    ctx.addIssue({ code: 'custom', path: ['lastMonth'], message: PLAN_MESSAGES.lastBeforeFirst });
  else if (span > PLAN_LIMITS.maxMonths)
    ctx.addIssue({ code: 'custom', path: ['lastMonth'], message: PROGRAM_MESSAGES.period });
}

/** POST /api/programs: a new program, as a draft. */
export const ProgramInput = z
  .object({
    ...fields,
    budgetReference: fields.budgetReference.optional().transform((v) => v ?? null),
    package: fields.package.default(['JKK', 'JKM']),
    declaredIncome: fields.declaredIncome.default(DECLARED_INCOME.default),
    eligibility: fields.eligibility.prefault({}),
    districtStep: fields.districtStep.default(true),
    previousId: fields.previousId.optional().transform((v) => v ?? null),
  })
  .superRefine(checkPeriod);
export type ProgramInput = z.input<typeof ProgramInput>;
export type ProgramValues = z.output<typeof ProgramInput>;

/** PATCH /api/programs/{id}: the fields to change, while the program is a draft. */
export const ProgramPatch = z
  .object(fields)
  .partial()
  .superRefine(checkPeriod)
  .meta({ description: 'Hanya isian yang diubah; eligibility dan quota diganti utuh' });
export type ProgramPatch = z.input<typeof ProgramPatch>;

export const ProgramSummary = z.object({
  id: z.string(),
  name: z.string(),
  ownerRegion: z.string(),
  ownerRegionName: z.string(),
  funderType: FunderType,
  budgetReference: z.string().nullable(),
  fiscalYear: z.number().int(),
  firstMonth: z.string(),
  lastMonth: z.string(),
  status: ProgramStatus,
  quotaRule: QuotaRuleName,
  seats: z.number().int().meta({ description: 'Kursi di wilayah cakupan Anda' }),
  filled: z.number().int().meta({ description: 'Kursi terisi (usulan sampai aktif)' }),
});
export type ProgramSummary = z.infer<typeof ProgramSummary>;

export const ProgramMoney = z.object({
  months: z.number().int(),
  monthlyContribution: z.number().int().meta({ description: 'Iuran per orang, bulan pertama' }),
  costPerSeat: z.number().int().meta({ description: 'Biaya satu kursi untuk seluruh periode' }),
  cost: z.number().int().meta({ description: 'Biaya per kursi × kursi' }),
  budget: z
    .number()
    .int()
    .nullable()
    .meta({ description: 'Anggaran (anggaran per desa × desa) bila diberikan' }),
  remainder: z.number().int().nullable(),
  periods: z.array(BudgetPlanPeriod),
});

export const ProgramDetail = ProgramSummary.extend({
  ownerRegionLevel: z.enum(['province', 'regency', 'district', 'village']),
  package: z.array(BenefitProgram),
  declaredIncome: z.number().int(),
  eligibility: z.object({
    minAge: z.number().int(),
    maxAge: z.number().int(),
    segments: z.array(z.string()),
    occupations: z.array(z.number().int()),
    maxDecile: z.number().int().nullable(),
  }),
  quota: z.object({
    rule: QuotaRuleName,
    seats: z.number().int().optional(),
    budgetPerVillage: z.number().int().optional(),
    villageKinds: z.array(VillageKind),
  }),
  districtStep: z.boolean(),
  villages: z.number().int().meta({ description: 'Desa yang mendapat kursi (cakupan Anda)' }),
  money: ProgramMoney,
  previous: z.object({ id: z.string(), name: z.string() }).nullable(),
  next: z.array(z.object({ id: z.string(), name: z.string() })),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  permissions: z.object({
    manage: z.boolean().meta({ description: 'Anda boleh mengubah, mengaktifkan, menutup' }),
  }),
});
export type ProgramDetail = z.infer<typeof ProgramDetail>;

export const ListProgramsQuery = z.object({
  status: ProgramStatus.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  region: RegionCode.optional().meta({
    description: 'Program yang menyangkut wilayah ini (pemilik di atas, sama, atau di bawahnya)',
  }),
  page: z.coerce.number().int().min(1, 'Halaman minimal 1.').default(1),
  pageSize: z.coerce.number().int().min(1).max(200, 'Maksimal 200 baris per halaman.').default(50),
});
export type ListProgramsQuery = z.input<typeof ListProgramsQuery>;

export const ProgramList = z.object({
  items: z.array(ProgramSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ProgramList = z.infer<typeof ProgramList>;
