import { eq } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import type { Db } from '../../db/client.ts';
import { program } from '../../db/schema/programs.ts';
import { DomainError } from '../../errors.ts';
import { allocationTotals, pendingProposals } from './allocations.repository.ts';
import { toDetail } from './get-program.ts';
import type { ProgramRow } from './load-program.ts';
import { prepareProgram } from './prepare-program.ts';
import type { ProgramDetail } from './program.schema.ts';
import { applyQuota, toInput } from './save-program.ts';
import { assertProgramStep, lockManagedProgram, type ProgramStep } from './programs.workflow.ts';

/**
 * draft → active. The program is checked again as it stands (the register or the rate table may
 * have changed since it was drafted), and its seats are fixed: derived once more from the rule, or
 * the explicit list, which must give at least one seat.
 */
export async function activateProgram(ctx: Ctx, id: string): Promise<ProgramDetail> {
  const activate = { step: 'activate', action: 'programs.activate', to: 'active' } as const;
  return step(ctx, id, activate, async (tx, row) => {
    const prepared = await prepareProgram(ctx, tx, toInput(row), id);
    await applyQuota(tx, row, prepared);
    const totals = await allocationTotals(tx, id, null);
    if (totals.seats === 0) {
      const message = 'Isi kursi minimal satu desa sebelum program diaktifkan.';
      throw new DomainError('VALIDATION', message, { issues: [{ path: 'allocations', message }] });
    }
    return { seats: totals.seats, villages: totals.villages };
  });
}

/**
 * active → closed: no more proposals; the enrollments keep their months. Refused while proposals
 * are still on their way (proposed, verified, or approved and not yet sent to BPJS): they would
 * be stranded in a closed program. Seats sent to BPJS wait for its answer as before.
 */
export async function closeProgram(ctx: Ctx, id: string): Promise<ProgramDetail> {
  const close = { step: 'close', action: 'programs.close', to: 'closed' } as const;
  return step(ctx, id, close, async (tx) => {
    const pending = await pendingProposals(tx, id);
    const total = pending.proposed + pending.verified + pending.approved;
    if (total > 0) {
      const parts = [
        pending.proposed > 0 ? `${pending.proposed} diusulkan` : null,
        pending.verified > 0 ? `${pending.verified} diverifikasi kecamatan` : null,
        pending.approved > 0 ? `${pending.approved} disetujui tetapi belum dikirim ke BPJS` : null,
      ].filter(Boolean);
      throw new DomainError(
        'CONFLICT',
        `Masih ada ${total} usulan yang belum selesai (${parts.join(', ')}). Setujui dan kirim, atau kembalikan usulan itu dulu, lalu tutup program.`,
        pending,
      );
    }
    return {};
  });
}

async function step(
  ctx: Ctx,
  id: string,
  how: { step: ProgramStep; action: string; to: ProgramRow['status'] },
  before: (tx: Db, row: ProgramRow) => Promise<Record<string, number>>,
): Promise<ProgramDetail> {
  return ctx.db.transaction(async (tx) => {
    const current = await lockManagedProgram(ctx, tx, id);
    assertProgramStep(how.step, current.status);
    const facts = await before(tx, current);
    const [updated] = await tx
      .update(program)
      .set({ status: how.to, updatedAt: ctx.now() })
      .where(eq(program.id, id))
      .returning();
    await recordAudit(tx, ctx, {
      action: how.action,
      entity: 'program',
      entityId: id,
      regionCode: current.ownerRegion,
      before: { status: current.status },
      after: { status: updated!.status, ...facts },
    });
    return toDetail(ctx, tx, updated!);
  });
}
