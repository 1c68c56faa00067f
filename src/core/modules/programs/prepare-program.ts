import { monthName, rupiah } from '../../rules/indonesian.ts';
import type { Ctx } from '../../context.ts';
import { isWithinScope } from '../../access/scope.ts';
import type { Db } from '../../db/client.ts';
import type { program } from '../../db/schema/programs.ts';
import { DomainError, isDomainError } from '../../errors.ts';
import { plan, type PlanResult } from '../../rules/budget-plan.ts';
import { loadProgram, monthToDate } from './load-program.ts';
import type { ProgramValues } from './program.schema.ts';
import { countVillages, findRegionFacts } from './programs.repository.ts';

type Issue = { path: string; message: string };

const fail = (path: string, message: string): never => {
  throw new DomainError('VALIDATION', message, { issues: [{ path, message }] satisfies Issue[] });
};

const KIND_WORD: Record<string, string> = {
  desa: 'desa',
  kelurahan: 'kelurahan',
  desa_adat: 'desa adat',
};
const rp = rupiah;
export { monthName };

export interface PreparedProgram {
  values: Omit<typeof program.$inferInsert, 'createdBy' | 'createdById'>;
  /** The period's money for one seat (and the seats a budget per village buys). */
  plan: PlanResult;
  /** Seats every village gets under per_village and budget_per_village; null for explicit. */
  seatsPerVillage: number | null;
  ownerName: string;
}

/** The owner region: in the actor's scope (FORBIDDEN otherwise), in force, not a district. */
async function checkOwner(ctx: Ctx, db: Db, code: string): Promise<string> {
  if (!isWithinScope(ctx.actor, code)) {
    throw new DomainError('FORBIDDEN', 'Wilayah ini di luar cakupan akun Anda.', {
      regionCode: code,
    });
  }
  const [owner] = await findRegionFacts(db, [code]);
  if (!owner) return fail('ownerRegion', `Wilayah dengan kode ${code} tidak ada di register.`);
  if (owner.retired)
    fail(
      'ownerRegion',
      `Kode wilayah ${code} sudah tidak berlaku; pilih kode yang berlaku sekarang.`,
    );
  if (owner.level === 'district')
    fail(
      'ownerRegion',
      'Program dijalankan oleh provinsi, kabupaten/kota atau desa; pilih wilayah pada salah satu tingkat itu.',
    );
  return owner.name;
}

/** The program this one follows: visible, and over before this one starts. */
async function checkPrevious(ctx: Ctx, db: Db, input: ProgramValues, selfId?: string) {
  if (!input.previousId) return;
  const missing = 'Program sebelumnya tidak ditemukan.';
  if (input.previousId === selfId)
    fail('previousId', 'Program tidak dapat meneruskan dirinya sendiri.');
  const previous = await loadProgram(ctx, input.previousId, db).catch((e: unknown) => {
    if (isDomainError(e) && e.code === 'NOT_FOUND') return fail('previousId', missing);
    throw e;
  });
  if (previous.lastMonth >= monthToDate(input.firstMonth)) {
    fail(
      'previousId',
      `Program sebelumnya (${previous.name}) berakhir ${monthName(previous.lastMonth.slice(0, 7))}; program ini harus dimulai sesudahnya.`,
    );
  }
}

/**
 * Checks a program as it would be saved (owner region, villages of the chosen kinds, money, the
 * program it follows) and gives the row's values, the money of a seat and the seats per village.
 */
export async function prepareProgram(
  ctx: Ctx,
  db: Db,
  input: ProgramValues,
  selfId?: string,
): Promise<PreparedProgram> {
  const ownerName = await checkOwner(ctx, db, input.ownerRegion);
  const { quota } = input;
  const villages = await countVillages(db, input.ownerRegion, quota.villageKinds);
  if (villages === 0) {
    const kinds = quota.villageKinds.map((k) => KIND_WORD[k] ?? k).join(' atau ');
    fail('quota.villageKinds', `Tidak ada ${kinds} yang berlaku di ${ownerName}.`);
  }
  const money = plan({
    firstMonth: input.firstMonth,
    lastMonth: input.lastMonth,
    declaredIncome: input.declaredIncome,
    package: input.package,
    funderType: input.funderType,
    villages,
    ...(quota.rule === 'budget_per_village'
      ? { budgetPerVillage: quota.budgetPerVillage! }
      : { seatsPerVillage: quota.seats ?? 1 }),
  });
  if (quota.rule === 'budget_per_village' && money.seatsPerVillage === 0) {
    fail(
      'quota.budgetPerVillage',
      `Anggaran ${rp(quota.budgetPerVillage!)} per desa tidak cukup untuk satu kursi selama ${money.months} bulan (${rp(money.costPerSeat)} per kursi).`,
    );
  }
  await checkPrevious(ctx, db, input, selfId);
  return {
    values: {
      name: input.name,
      ownerRegion: input.ownerRegion,
      funderType: input.funderType,
      budgetReference: input.budgetReference,
      fiscalYear: Number(input.firstMonth.slice(0, 4)),
      firstMonth: monthToDate(input.firstMonth),
      lastMonth: monthToDate(input.lastMonth),
      package: money.package,
      declaredIncome: input.declaredIncome,
      eligibility: input.eligibility,
      quota: {
        rule: quota.rule,
        ...(quota.seats !== undefined ? { seats: quota.seats } : {}),
        ...(quota.budgetPerVillage !== undefined
          ? { budgetPerVillage: quota.budgetPerVillage }
          : {}),
        villageKinds: quota.villageKinds,
      },
      districtStep: input.districtStep,
      previousId: input.previousId,
    },
    plan: money,
    seatsPerVillage: quota.rule === 'explicit' ? null : money.seatsPerVillage,
    ownerName,
  };
}
