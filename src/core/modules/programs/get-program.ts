import type { Ctx } from '../../context.ts';
import { can, requirePermission } from '../../access/require-permission.ts';
import { isWithinScope } from '../../access/scope.ts';
import type { Db } from '../../db/client.ts';
import { plan } from '../../rules/budget-plan.ts';
import {
  FUNDER_TYPES,
  type BenefitProgram,
  type FunderType,
} from '../../rules/contribution-rates.ts';
import { monthName } from '../../rules/indonesian.ts';
import { regionLevelOf } from '../../rules/region-code.ts';
import { displayNames } from '../accounts/accounts.repository.ts';
import { allocationTotals } from './allocations.repository.ts';
import { dateToMonth, loadProgram, type ProgramRow } from './load-program.ts';
import type { ProgramDetail, ProgramSummary } from './program.schema.ts';
import { findRegionFacts, listFollowers, scopesOf } from './programs.repository.ts';

/** What one seat costs over the program's months, from the rate table (as the planner does). */
export function seatCost(row: ProgramRow) {
  return plan({
    firstMonth: dateToMonth(row.firstMonth),
    lastMonth: dateToMonth(row.lastMonth),
    declaredIncome: row.declaredIncome,
    package: row.package as BenefitProgram[],
    funderType: row.funderType as FunderType,
    seatsPerVillage: 1,
    villages: 1,
  });
}

/** "Kabupaten Bungo · APBD kabupaten/kota · Januari 2027 – Desember 2027": under a list's title. */
export function programLine(row: ProgramRow, ownerName: string): string {
  const funder = FUNDER_TYPES[row.funderType as FunderType]?.label ?? row.funderType;
  const period = `${monthName(dateToMonth(row.firstMonth))} – ${monthName(dateToMonth(row.lastMonth))}`;
  return `${ownerName} · ${funder} · ${period}`;
}

export function toSummary(
  row: ProgramRow,
  extra: { ownerRegionName: string; seats: number; filled: number },
): ProgramSummary {
  return {
    id: row.id,
    name: row.name,
    ownerRegion: row.ownerRegion,
    ownerRegionName: extra.ownerRegionName,
    funderType: row.funderType as FunderType,
    budgetReference: row.budgetReference,
    fiscalYear: row.fiscalYear,
    firstMonth: dateToMonth(row.firstMonth),
    lastMonth: dateToMonth(row.lastMonth),
    status: row.status,
    quotaRule: row.quota.rule,
    seats: extra.seats,
    filled: extra.filled,
  };
}

/** A program with its seats, filled seats and money inside the actor's scope. */
export async function toDetail(ctx: Ctx, db: Db, row: ProgramRow): Promise<ProgramDetail> {
  const scopes = scopesOf(ctx.actor);
  const totals = await allocationTotals(db, row.id, scopes);
  const names = await findRegionFacts(db, [row.ownerRegion]);
  const previous = row.previousId
    ? await loadProgram(ctx, row.previousId, db).catch(() => undefined)
    : undefined;
  const cost = seatCost(row);
  const people = await displayNames(db, [row.createdById]);
  const budget =
    row.quota.rule === 'budget_per_village' && row.quota.budgetPerVillage !== undefined
      ? row.quota.budgetPerVillage * totals.villages
      : null;
  const spent = totals.seats * cost.costPerSeat;
  return {
    ...toSummary(row, {
      ownerRegionName: names[0]?.name ?? row.ownerRegion,
      seats: totals.seats,
      filled: totals.filled,
    }),
    ownerRegionLevel: regionLevelOf(row.ownerRegion) ?? 'regency',
    package: row.package as BenefitProgram[],
    declaredIncome: row.declaredIncome,
    eligibility: row.eligibility,
    quota: row.quota as ProgramDetail['quota'],
    districtStep: row.districtStep,
    villages: totals.villages,
    money: {
      months: cost.months,
      monthlyContribution: cost.monthlyContribution,
      costPerSeat: cost.costPerSeat,
      cost: spent,
      budget,
      remainder: budget === null ? null : budget - spent,
      periods: cost.periods,
    },
    previous: previous ? { id: previous.id, name: previous.name } : null,
    next: await listFollowers(db, row.id, scopes),
    createdBy: (row.createdById && people.get(row.createdById)) || row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    permissions: {
      manage: can(ctx.actor, 'programs.manage') && isWithinScope(ctx.actor, row.ownerRegion),
    },
  };
}

/** One program that concerns the actor (NOT_FOUND otherwise), with its totals and money. */
export async function getProgram(ctx: Ctx, id: string): Promise<ProgramDetail> {
  requirePermission(ctx.actor, 'programs.read');
  return toDetail(ctx, ctx.db, await loadProgram(ctx, id));
}
