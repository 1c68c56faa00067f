import type { Ctx } from '../../context.ts';
import { requirePermission } from '../../access/require-permission.ts';
import { programVisible } from '../programs/load-program.ts';
import { actorScopes } from './enrollment-access.ts';
import type { EnrollmentOverview } from './enrollment.schema.ts';
import { activePrograms, overviewCounts } from './enrollment.repository.ts';
import { toProgramSummary } from './list-enrollments.ts';
import { FILLS_SEAT } from '../../rules/enrollment-status.ts';

/**
 * The running programs that concern the actor, with their seats and enrollments per status in
 * the actor's area: the entry to proposals (village), verification (district) and approval.
 */
export async function enrollmentOverview(ctx: Ctx): Promise<EnrollmentOverview> {
  requirePermission(ctx.actor, 'enrollments.read');
  const programs = (await activePrograms(ctx.db)).filter((p) => programVisible(ctx, p.ownerRegion));
  const { seats, counts } = await overviewCounts(
    ctx.db,
    programs.map((p) => p.id),
    actorScopes(ctx.actor),
  );
  return {
    items: programs.map((p) => {
      const mine = Object.fromEntries(
        counts.filter((c) => c.programId === p.id).map((c) => [c.status, c.n]),
      );
      return {
        program: toProgramSummary(p),
        seats: seats.get(p.id) ?? 0,
        filled: [...FILLS_SEAT].reduce((n, s) => n + (mine[s] ?? 0), 0),
        counts: mine,
      };
    }),
  };
}
