import type { Ctx } from '../../context.ts';
import { actorName } from '../../access/actor.ts';
import { requirePermission } from '../../access/require-permission.ts';
import { isWithinScope } from '../../access/scope.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import type { Db } from '../../db/client.ts';
import { DomainError } from '../../errors.ts';
import { findOccupation } from '../../rules/occupations.ts';
import { maskNik } from '../../rules/personal-data.ts';
import { normaliseRegionCode } from '../../rules/region-code.ts';
import {
  DuplicateList,
  ListDuplicatesQuery,
  MarkDifferentInput,
  type DuplicateDecision,
  type DuplicateWorker,
} from './duplicates.schema.ts';
import {
  findDecision,
  findDuplicateWorkers,
  insertDecision,
  listDuplicatePairIds,
  type DecisionRow,
  type DuplicateWorkerRow,
} from './duplicates.repository.ts';
import { workerNotFound } from './get-worker.ts';
import { workerScopes } from './list-workers.ts';
import { lockWorker, type WorkerRow } from './workers.repository.ts';
import { parseOrThrow } from '../../validation.ts';

function toDuplicateWorker(w: DuplicateWorkerRow): DuplicateWorker {
  const { nik, ...rest } = w;
  return {
    ...rest,
    nikMasked: maskNik(nik),
    occupationName: findOccupation(w.occupationCode)?.name ?? String(w.occupationCode),
    segment: w.segment as DuplicateWorker['segment'],
  };
}

/**
 * Possible duplicates in the actor's scope (DOMAIN §4): two workers with the same normalised name
 * and birth date, other NIKs, in the same regency, neither merged, the pair not yet decided. A
 * review list for a regency admin: never merged silently.
 */
export async function listPossibleDuplicates(
  ctx: Ctx,
  raw: ListDuplicatesQuery,
): Promise<DuplicateList> {
  requirePermission(ctx.actor, 'workers.dedupe');
  const q = parseOrThrow(ListDuplicatesQuery, raw, 'Permintaan tidak valid.');
  let region: string | undefined;
  if (q.region) {
    region = normaliseRegionCode(q.region);
    if (!region) throw new DomainError('VALIDATION', `Kode wilayah "${q.region}" tidak valid.`);
  }
  const { pairs, total } = await listDuplicatePairIds(
    ctx.db,
    { scopes: workerScopes(ctx.actor), ...(region ? { region } : {}) },
    { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
  );
  const workers = await findDuplicateWorkers(
    ctx.db,
    pairs.flatMap((p) => [p.a, p.b]),
  );
  return {
    items: pairs.map((p) => ({
      a: toDuplicateWorker(workers.get(p.a)!),
      b: toDuplicateWorker(workers.get(p.b)!),
      regencyCode: p.regencyCode,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export const regencyOf = (villageCode: string) => villageCode.slice(0, 5);

/**
 * Locks both workers (lower id first, so that two decisions on the same pair queue instead of
 * deadlocking) and checks that they are still an undecided candidate pair in the actor's scope.
 * After the lock a concurrent decision has committed, so the loser of a race sees it here.
 */
export async function lockCandidatePair(
  ctx: Ctx,
  tx: Db,
  x: string,
  y: string,
): Promise<{ a: WorkerRow; b: WorkerRow }> {
  const [lo, hi] = x < y ? [x, y] : [y, x];
  const a = await lockWorker(tx, lo);
  if (!a || !isWithinScope(ctx.actor, a.villageCode)) throw workerNotFound(lo);
  const b = await lockWorker(tx, hi);
  if (!b || !isWithinScope(ctx.actor, b.villageCode)) throw workerNotFound(hi);
  const decided = await findDecision(tx, a.id, b.id);
  if (decided) throw alreadyDecided(decided);
  if (a.mergedInto || b.mergedInto) {
    throw new DomainError(
      'CONFLICT',
      'Salah satu data sudah digabungkan ke data pekerja lain. Muat ulang daftar kemungkinan data ganda.',
    );
  }
  if (
    a.nameKey !== b.nameKey ||
    a.birthDate !== b.birthDate ||
    regencyOf(a.villageCode) !== regencyOf(b.villageCode)
  ) {
    throw new DomainError(
      'CONFLICT',
      'Kedua data ini bukan kemungkinan data ganda: nama, tanggal lahir dan kabupaten/kota harus sama.',
    );
  }
  return { a, b };
}

function alreadyDecided(d: DecisionRow): DomainError {
  const message =
    d.decision === 'merged'
      ? `Pasangan ini sudah digabungkan oleh ${d.decidedBy}.`
      : `Pasangan ini sudah ditandai sebagai orang berbeda oleh ${d.decidedBy}.`;
  return new DomainError('CONFLICT', message, { decisionId: d.id });
}

export function toDecision(d: DecisionRow): DuplicateDecision {
  return {
    id: d.id,
    workerA: d.workerA,
    workerB: d.workerB,
    decision: d.decision,
    keptId: d.keptId,
    regencyCode: d.regencyCode,
    decidedBy: d.decidedBy,
    decidedAt: d.decidedAt.toISOString(),
  };
}

export function decisionRow(ctx: Ctx, a: WorkerRow, b: WorkerRow) {
  return {
    workerA: a.id,
    workerB: b.id,
    regencyCode: regencyOf(a.villageCode),
    decidedBy: actorName(ctx.actor),
    decidedById: ctx.actor.kind === 'user' ? ctx.actor.id : null,
  };
}

/** A regency admin checked both records: two people who share a name and a birth date. */
export async function markDifferent(ctx: Ctx, raw: MarkDifferentInput): Promise<DuplicateDecision> {
  requirePermission(ctx.actor, 'workers.dedupe');
  const input = parseOrThrow(MarkDifferentInput, raw, 'Pasangan data tidak valid.');
  return ctx.db.transaction(async (tx) => {
    const { a, b } = await lockCandidatePair(ctx, tx, input.workerA, input.workerB);
    const d = await insertDecision(tx, { ...decisionRow(ctx, a, b), decision: 'different' });
    for (const [self, other] of [
      [a, b],
      [b, a],
    ] as const) {
      await recordAudit(tx, ctx, {
        action: 'workers.markDifferent',
        entity: 'worker',
        entityId: self.id,
        regionCode: self.villageCode,
        after: {
          decision: 'different',
          decisionId: d.id,
          otherWorkerId: other.id,
          otherNik: maskNik(other.nik),
        },
      });
    }
    return toDecision(d);
  });
}
