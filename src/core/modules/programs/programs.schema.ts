import { z } from 'zod';
import { PLAN_LIMITS, PLAN_MESSAGES } from '../../rules/budget-plan.ts';
import {
  BENEFIT_PROGRAMS,
  DECLARED_INCOME,
  FUNDER_TYPE_CODES,
  WORKER_GROUPS,
} from '../../rules/contribution-rates.ts';
import { RegionCode } from '../regions/regions.schema.ts';

export const BenefitProgram = z.enum(BENEFIT_PROGRAMS, { message: PLAN_MESSAGES.packageUnknown });
export const FunderType = z
  .enum(FUNDER_TYPE_CODES, { message: PLAN_MESSAGES.funderType })
  .meta({ description: 'Sumber dana (menentukan apakah diskon iuran berlaku)' });
export const WorkerGroup = z
  .enum(WORKER_GROUPS, { message: PLAN_MESSAGES.workerGroup })
  .meta({ description: 'general, atau transport (diskon PP 50/2025 lebih awal dan lebih lama)' });
export const VillageKind = z.enum(['desa', 'kelurahan', 'desa_adat'], {
  message: 'Jenis desa harus desa, kelurahan atau desa_adat.',
});
export type VillageKind = z.infer<typeof VillageKind>;

const ContributionMonth = z
  .string({ message: PLAN_MESSAGES.month })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, PLAN_MESSAGES.month)
  .meta({ description: 'Bulan iuran TTTT-BB', example: '2027-01' });

const wholeNumber = (message: string, min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.number({ message }).int(message).min(min, message).max(max, message);

const budgetAmount = (description: string) =>
  wholeNumber(PLAN_MESSAGES.budget, 1).optional().meta({ description });

const VILLAGES_OR_REGION = 'Isi jumlah desa, atau pilih wilayah (bukan keduanya).';

const MODES = ['budgetPerVillage', 'budgetTotal', 'seatsPerVillage'] as const;

/**
 * POST /api/budget/plan. Exactly one of budgetPerVillage, budgetTotal, seatsPerVillage (the
 * reverse: the budget needed); either `villages` or `region` with `villageKinds`.
 */
export const BudgetPlanRequest = z
  .object({
    months: wholeNumber(PLAN_MESSAGES.months, 1, PLAN_LIMITS.maxMonths)
      .optional()
      .meta({ description: 'Jumlah bulan perlindungan', example: 12 }),
    firstMonth: ContributionMonth.optional().meta({
      description: 'Bulan pertama; bawaan: bulan berjalan (WIB)',
    }),
    lastMonth: ContributionMonth.optional().meta({
      description: 'Bulan terakhir (pengganti jumlah bulan)',
    }),
    declaredIncome: wholeNumber(
      PLAN_MESSAGES.declaredIncome,
      DECLARED_INCOME.min,
      DECLARED_INCOME.max,
    )
      .default(DECLARED_INCOME.default)
      .meta({ description: 'Penghasilan yang dilaporkan per bulan (rupiah)' }),
    package: z
      .array(BenefitProgram, { message: PLAN_MESSAGES.packageBase })
      .default(['JKK', 'JKM'])
      .superRefine((pkg, ctx) => {
        if (new Set(pkg).size !== pkg.length) {
          ctx.addIssue({ code: 'custom', message: PLAN_MESSAGES.packageTwice });
        } else if (!pkg.includes('JKK') || !pkg.includes('JKM')) {
          ctx.addIssue({ code: 'custom', message: PLAN_MESSAGES.packageBase });
        }
      })
      .meta({ description: 'Paket: JKK dan JKM wajib, JHT pilihan', example: ['JKK', 'JKM'] }),
    funderType: FunderType.optional(),
    workerGroup: WorkerGroup.optional(),
    budgetPerVillage: budgetAmount('Anggaran setiap desa (rupiah)'),
    budgetTotal: budgetAmount('Anggaran total, dibagi rata ke setiap desa (rupiah)'),
    seatsPerVillage: wholeNumber(PLAN_MESSAGES.seatsPerVillage, 1, PLAN_LIMITS.maxSeatsPerVillage)
      .optional()
      .meta({ description: 'Kursi per desa: hitung anggaran yang dibutuhkan' }),
    villages: wholeNumber(PLAN_MESSAGES.villages, 1, PLAN_LIMITS.maxVillages)
      .optional()
      .meta({ description: 'Jumlah desa (atau gunakan region)' }),
    region: RegionCode.optional().meta({
      description: 'Wilayah yang desanya dihitung dari register, mis. 15.08',
    }),
    villageKinds: z
      .array(VillageKind, { message: 'Jenis desa harus berupa daftar.' })
      .min(1, 'Pilih minimal satu jenis desa.')
      .optional()
      .meta({ description: 'Jenis desa yang dihitung; bawaan: desa', example: ['desa'] }),
  })
  .superRefine((v, ctx) => {
    const given = MODES.filter((m) => v[m] !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: [given[1] ?? 'budgetTotal'],
        message: PLAN_MESSAGES.oneMode,
      });
    }
    if (v.villages !== undefined && v.region !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['villages'], message: VILLAGES_OR_REGION });
    } else if (v.villages === undefined && v.region === undefined) {
      ctx.addIssue({ code: 'custom', path: ['villages'], message: VILLAGES_OR_REGION });
    }
    if (v.villageKinds !== undefined && v.region === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['villageKinds'],
        message: 'Jenis desa hanya dipakai bersama wilayah.',
      });
    }
    if (v.months === undefined && v.lastMonth === undefined) {
      ctx.addIssue({ code: 'custom', path: ['months'], message: PLAN_MESSAGES.period });
    }
    if (v.lastMonth !== undefined && v.firstMonth === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['firstMonth'],
        message: 'Isi bulan pertama bersama bulan terakhir.',
      });
    }
  });
export type BudgetPlanRequest = z.input<typeof BudgetPlanRequest>;

const rupiah = (description: string) => z.number().int().meta({ description });

export const BudgetPlanPeriod = z.object({
  firstMonth: z.string(),
  lastMonth: z.string(),
  months: z.number().int(),
  monthlyContribution: rupiah('Iuran per orang per bulan pada periode ini'),
  costPerSeat: rupiah('Biaya satu kursi untuk bulan-bulan ini'),
  sources: z.array(z.string()).meta({ description: 'Peraturan yang berlaku' }),
});

export const BudgetPlanRegion = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(['province', 'regency', 'district', 'village']),
  villageKinds: z.array(VillageKind),
  counts: z.object({
    desa: z.number().int(),
    kelurahan: z.number().int(),
    desaAdat: z.number().int(),
  }),
});

export const BudgetPlanResponse = z.object({
  mode: z.enum(MODES),
  firstMonth: z.string(),
  lastMonth: z.string(),
  months: z.number().int(),
  declaredIncome: z.number().int(),
  package: z.array(BenefitProgram),
  funderType: FunderType.nullable(),
  workerGroup: WorkerGroup,
  villages: z.number().int().meta({ description: 'Jumlah desa dalam rencana' }),
  region: BudgetPlanRegion.nullable(),
  monthlyContribution: rupiah('Iuran per orang pada bulan pertama'),
  costPerSeat: rupiah('Biaya satu kursi untuk seluruh periode'),
  seatsPerVillage: z.number().int(),
  totalSeats: z.number().int(),
  budgetPerVillage: rupiah('Anggaran per desa: diberikan, bagian dari total, atau yang dibutuhkan'),
  budget: rupiah('Anggaran seluruhnya: diberikan, atau yang dibutuhkan'),
  used: rupiah('Dana terpakai'),
  remainder: rupiah('Sisa dana'),
  budgetNeeded: rupiah('Anggaran yang dibutuhkan untuk kursi tersebut'),
  periods: z.array(BudgetPlanPeriod).meta({ description: 'Rincian per periode tarif' }),
});
export type BudgetPlanResponse = z.infer<typeof BudgetPlanResponse>;
