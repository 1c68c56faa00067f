import type { Ctx } from '../../context.ts';
import { jakartaDate } from '../../context.ts';
import type { Actor } from '../../access/actor.ts';
import { requirePermission } from '../../access/require-permission.ts';
import { isWithinScope } from '../../access/scope.ts';
import { DomainError } from '../../errors.ts';
import { plan } from '../../rules/budget-plan.ts';
import { parseOrThrow } from '../../validation.ts';
import { findRegion } from '../regions/index.ts';
import { BudgetPlanRequest, type BudgetPlanResponse, type VillageKind } from './programs.schema.ts';
import { countVillagesByKind } from './village-count.repository.ts';

type Area = NonNullable<BudgetPlanResponse['region']>;

const COUNT_KEY = { desa: 'desa', kelurahan: 'kelurahan', desa_adat: 'desaAdat' } as const;
const KIND_WORD = { desa: 'desa', kelurahan: 'kelurahan', desa_adat: 'desa adat' } as const;

function scopesOf(actor: Actor): string[] | null {
  if (actor.kind === 'system' || (actor.role === 'admin' && actor.scope.length === 0)) return null;
  return actor.scope;
}

/** The villages of a region in the actor's scope, counted by kind in the register. */
async function areaOf(ctx: Ctx, code: string, kinds: VillageKind[]): Promise<Area> {
  const found = await findRegion(ctx.db, code);
  // Outside the scope the region "does not exist" for this user, as everywhere else.
  if (!found || !isWithinScope(ctx.actor, code)) {
    throw new DomainError('NOT_FOUND', `Wilayah dengan kode ${code} tidak ditemukan.`, { code });
  }
  if (found.retired) {
    const message = `Kode wilayah ${code} sudah tidak berlaku; pilih kode yang berlaku sekarang.`;
    throw new DomainError('VALIDATION', message, { issues: [{ path: 'region', message }] });
  }
  const counts = await countVillagesByKind(ctx.db, code, scopesOf(ctx.actor));
  return { code, name: found.name, level: found.level, villageKinds: kinds, counts };
}

/**
 * The budget planner (DOMAIN §6, §8): seats from a budget, or the budget for a number of seats,
 * over a number of villages or the villages of a region. A calculator: it writes nothing.
 */
export async function planBudget(ctx: Ctx, raw: BudgetPlanRequest): Promise<BudgetPlanResponse> {
  requirePermission(ctx.actor, 'budget.plan');
  const input = parseOrThrow(BudgetPlanRequest, raw, 'Data perencanaan anggaran tidak valid.');
  const kinds: VillageKind[] = [...new Set(input.villageKinds ?? (['desa'] as const))];
  const area = input.region ? await areaOf(ctx, input.region, kinds) : null;
  const villages = area
    ? kinds.reduce((sum, kind) => sum + area.counts[COUNT_KEY[kind]], 0)
    : input.villages!;
  if (area && villages === 0) {
    const message = `Tidak ada ${kinds.map((k) => KIND_WORD[k]).join(' atau ')} yang berlaku di ${area.name}.`;
    throw new DomainError('VALIDATION', message, { issues: [{ path: 'villageKinds', message }] });
  }
  const result = plan({
    firstMonth: input.firstMonth ?? jakartaDate(ctx.now()).slice(0, 7),
    ...(input.months !== undefined ? { months: input.months } : {}),
    ...(input.lastMonth !== undefined ? { lastMonth: input.lastMonth } : {}),
    declaredIncome: input.declaredIncome,
    package: input.package,
    ...(input.funderType ? { funderType: input.funderType } : {}),
    ...(input.workerGroup ? { workerGroup: input.workerGroup } : {}),
    ...(input.budgetPerVillage !== undefined ? { budgetPerVillage: input.budgetPerVillage } : {}),
    ...(input.budgetTotal !== undefined ? { budgetTotal: input.budgetTotal } : {}),
    ...(input.seatsPerVillage !== undefined ? { seatsPerVillage: input.seatsPerVillage } : {}),
    villages,
  });
  return {
    ...result,
    funderType: input.funderType ?? null,
    workerGroup: input.workerGroup ?? 'general',
    region: area,
  };
}
