import type { Ctx } from '../../context.ts';
import { requirePermission } from '../../access/require-permission.ts';
import { isWithinScope } from '../../access/scope.ts';
import { DomainError } from '../../errors.ts';
import { ancestorCodesOf } from '../../rules/region-code.ts';
import type { Allocations } from './allocation.schema.ts';
import { rollupAllocations } from './allocations.repository.ts';
import { loadProgram, type ProgramRow } from './load-program.ts';
import { findRegionFacts } from './programs.repository.ts';

const atOrBelow = (code: string, root: string) => code === root || code.startsWith(`${root}.`);

/**
 * Where the drill-down starts: the owner region when it lies in the actor's scope, otherwise the
 * actor's own region inside it (a village operator in a regency's program sees the own village).
 */
function startOf(ctx: Ctx, ownerRegion: string): string {
  if (isWithinScope(ctx.actor, ownerRegion) || ctx.actor.kind === 'system') return ownerRegion;
  return ctx.actor.scope.find((s) => atOrBelow(s, ownerRegion)) ?? ownerRegion;
}

/**
 * The region of the program the actor looks at (the one asked for, or where the drill-down
 * starts) with the steps above it inside the program and the actor's scope. A region outside the
 * program or the actor's scope: NOT_FOUND.
 */
export async function regionInView(ctx: Ctx, row: ProgramRow, region?: string) {
  const code = region ?? startOf(ctx, row.ownerRegion);
  const notFound = () =>
    new DomainError('NOT_FOUND', `Wilayah ${code} tidak termasuk program ini.`, { region: code });
  if (!atOrBelow(code, row.ownerRegion) || !isWithinScope(ctx.actor, code)) throw notFound();
  const path = [...ancestorCodesOf(code), code].filter(
    (c) => atOrBelow(c, row.ownerRegion) && isWithinScope(ctx.actor, c),
  );
  const facts = new Map((await findRegionFacts(ctx.db, path)).map((f) => [f.code, f]));
  const here = facts.get(code);
  if (!here) throw notFound();
  return { code, here, path: path.map((c) => ({ region: c, name: facts.get(c)?.name ?? c })) };
}

/**
 * Seats and filled seats of a region of the program and of each of its children (districts of a
 * regency, villages of a district…): every level is the sum of the one below, by construction
 * (one roll-up on the code prefix).
 */
export async function getAllocations(ctx: Ctx, id: string, region?: string): Promise<Allocations> {
  requirePermission(ctx.actor, 'programs.read');
  const row = await loadProgram(ctx, id);
  const { code, here, path } = await regionInView(ctx, row, region);
  const { seats, filled, villages, children } = await rollupAllocations(
    ctx.db,
    id,
    code,
    here.level,
  );
  return {
    region: code,
    name: here.name,
    level: here.level,
    seats,
    filled,
    villages,
    path,
    children: children.map((c) => ({
      region: c.code,
      name: c.name,
      level: c.level,
      kind: c.kind,
      retired: c.retired,
      seats: c.seats,
      filled: c.filled,
    })),
  };
}
