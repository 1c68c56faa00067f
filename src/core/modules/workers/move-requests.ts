import { isUniqueViolation } from '../../db/sql-state.ts';
import { and, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Ctx } from '../../context.ts';
import { actorName, systemActor, type Actor } from '../../access/actor.ts';
import { can, requirePermission } from '../../access/require-permission.ts';
import { isWithinScope } from '../../access/scope.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import type { Db } from '../../db/client.ts';
import { regionPrefixMatch } from '../../db/region-scope.ts';
import { region } from '../../db/schema/regions.ts';
import { worker, workerMoveRequest } from '../../db/schema/workers.ts';
import { DomainError } from '../../errors.ts';
import { normaliseNik } from '../../rules/nik.ts';
import { maskNik } from '../../rules/personal-data.ts';
import { normaliseRegionCode } from '../../rules/region-code.ts';
import { parseOrThrow } from '../../validation.ts';
import { workerScopes } from './list-workers.ts';
import {
  DecideMoveInput,
  ListMoveRequestsQuery,
  RequestMoveInput,
  type MoveRequest,
  type MoveRequestList,
  type MoveStatus,
} from './move-requests.schema.ts';
import { prepareWorker } from './prepare-worker.ts';
import { auditView } from './to-worker-view.ts';
import { compareWorker, toInput } from './worker-patch.ts';
import { WorkerInput } from './workers.schema.ts';
import {
  findWorkerByNik,
  lockWorker,
  updateWorkerRow,
  type WorkerRow,
} from './workers.repository.ts';

type MoveRow = typeof workerMoveRequest.$inferSelect;

/** A request with what its view needs: the worker's identity and current village, region names. */
interface MoveRowWithNames {
  r: MoveRow;
  nik: string;
  fullName: string;
  workerVillage: string;
  fromName: string | null;
  fromDistrict: string | null;
  toName: string | null;
  toDistrict: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function requestNotFound(id: string): DomainError {
  return new DomainError('NOT_FOUND', 'Permintaan pindah tidak ditemukan.', { id });
}

function refuse(
  code: 'VALIDATION' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN',
  path: string,
  message: string,
): DomainError {
  return new DomainError(code, message, { issues: [{ path, message }] });
}

const fromV = alias(region, 'from_v');
const fromD = alias(region, 'from_d');
const toV = alias(region, 'to_v');
const toD = alias(region, 'to_d');

function selectRequests(db: Db) {
  return db
    .select({
      r: workerMoveRequest,
      nik: worker.nik,
      fullName: worker.fullName,
      workerVillage: worker.villageCode,
      fromName: fromV.name,
      fromDistrict: fromD.name,
      toName: toV.name,
      toDistrict: toD.name,
    })
    .from(workerMoveRequest)
    .innerJoin(worker, eq(worker.id, workerMoveRequest.workerId))
    .leftJoin(fromV, eq(fromV.code, workerMoveRequest.fromVillage))
    .leftJoin(fromD, eq(fromD.code, sql`left(${workerMoveRequest.fromVillage}, 8)`))
    .leftJoin(toV, eq(toV.code, workerMoveRequest.toVillage))
    .leftJoin(toD, eq(toD.code, sql`left(${workerMoveRequest.toVillage}, 8)`));
}

async function findRequest(db: Db, id: string): Promise<MoveRowWithNames | undefined> {
  const [row] = await selectRequests(db).where(eq(workerMoveRequest.id, id));
  return row;
}

async function lockRequest(db: Db, id: string): Promise<MoveRow | undefined> {
  if (!UUID.test(id)) return undefined;
  const [row] = await db
    .select()
    .from(workerMoveRequest)
    .where(eq(workerMoveRequest.id, id))
    .for('update');
  return row;
}

/** Both sides see a request: the village of origin and the receiving one. */
function sees(actor: Actor, r: MoveRow, workerVillage: string): boolean {
  return (
    isWithinScope(actor, r.fromVillage) ||
    isWithinScope(actor, r.toVillage) ||
    isWithinScope(actor, workerVillage)
  );
}

/** A regency admin (or above) of the worker's current village or of the receiving village. */
function mayDecide(actor: Actor, r: MoveRow, workerVillage: string): boolean {
  return (
    can(actor, 'workers.move') &&
    (isWithinScope(actor, workerVillage) || isWithinScope(actor, r.toVillage))
  );
}

function toView(actor: Actor, x: MoveRowWithNames): MoveRequest {
  const { r } = x;
  // The requester learns who the worker is only once the move is approved; the side of origin
  // and those who decide know it anyway.
  const reveal =
    isWithinScope(actor, r.fromVillage) ||
    isWithinScope(actor, x.workerVillage) ||
    mayDecide(actor, r, x.workerVillage) ||
    (r.status === 'approved' && isWithinScope(actor, r.toVillage));
  const pending = r.status === 'pending';
  return {
    id: r.id,
    status: r.status,
    nikMasked: maskNik(x.nik),
    workerId: isWithinScope(actor, x.workerVillage) ? r.workerId : null,
    workerName: reveal ? x.fullName : null,
    fromVillage: reveal ? r.fromVillage : null,
    fromVillageName: reveal ? (x.fromName ?? r.fromVillage) : null,
    fromDistrictName: reveal ? x.fromDistrict : null,
    toVillage: r.toVillage,
    toVillageName: x.toName ?? r.toVillage,
    toDistrictName: x.toDistrict ?? '',
    reason: r.reason,
    requestedBy: r.requestedBy,
    createdAt: r.createdAt.toISOString(),
    decidedBy: r.decidedBy,
    decisionNote: r.decisionNote,
    decidedAt: r.decidedAt ? r.decidedAt.toISOString() : null,
    canDecide: pending && mayDecide(actor, r, x.workerVillage),
    canWithdraw:
      pending &&
      actor.kind === 'user' &&
      r.requestedById === actor.id &&
      can(actor, 'workers.requestMove'),
  };
}

async function viewOf(ctx: Ctx, db: Db, id: string): Promise<MoveRequest> {
  const row = await findRequest(db, id);
  return toView(ctx.actor, row!);
}

/** What the audit trail keeps of a request: the NIK masked, no name. */
function requestAudit(r: MoveRow, nik: string) {
  return {
    workerId: r.workerId,
    nik: maskNik(nik),
    fromVillage: r.fromVillage,
    toVillage: r.toVillage,
    reason: r.reason,
    status: r.status,
    decidedBy: r.decidedBy,
    decisionNote: r.decisionNote,
  };
}

/** The receiving village: the given one, or the operator's own village when the scope is one village. */
async function receivingVillage(ctx: Ctx, db: Db, given: string | undefined): Promise<string> {
  const own = ctx.actor.kind === 'user' && ctx.actor.scope.length === 1 ? ctx.actor.scope[0] : '';
  const raw = given ?? own ?? '';
  const code = raw ? normaliseRegionCode(raw) : undefined;
  if (!raw) {
    throw refuse('VALIDATION', 'toVillage', 'Pilih desa/kelurahan tujuan pindah.');
  }
  const [village] = code
    ? await db
        .select({ level: region.level, retiredAt: region.retiredAt })
        .from(region)
        .where(eq(region.code, code))
    : [];
  if (!code || !village || village.level !== 'village' || village.retiredAt !== null) {
    const message = given
      ? `Desa/kelurahan ${given} tidak ada dalam daftar wilayah yang berlaku.`
      : 'Pilih desa/kelurahan tujuan pindah.';
    throw refuse('VALIDATION', 'toVillage', message);
  }
  if (!isWithinScope(ctx.actor, code)) {
    throw refuse('FORBIDDEN', 'toVillage', `Desa/kelurahan ${code} di luar wilayah kerja Anda.`);
  }
  return code;
}

const PENDING_EXISTS =
  'Sudah ada permintaan pindah untuk NIK ini yang masih menunggu keputusan admin kabupaten/kota.';

/**
 * The operator of the receiving village asks for a worker registered elsewhere, by NIK (DOMAIN
 * §1: the village is the master of who lives there; the regency decides). The answer reveals
 * nothing of the worker beyond "registered in another village": the request keeps the worker's
 * id, the requester sees the NIK masked and the name only once the move is approved.
 */
export async function requestMove(ctx: Ctx, raw: RequestMoveInput): Promise<MoveRequest> {
  requirePermission(ctx.actor, 'workers.requestMove');
  const input = parseOrThrow(RequestMoveInput, raw, 'Permintaan pindah tidak valid.');
  const nik = normaliseNik(input.nik);
  if (!/^\d{16}$/.test(nik)) throw refuse('VALIDATION', 'nik', 'NIK harus 16 digit angka.');
  return ctx.db.transaction(async (tx) => {
    const toVillage = await receivingVillage(ctx, tx, input.toVillage);
    const w = await findWorkerByNik(tx, nik);
    if (!w) {
      throw refuse(
        'NOT_FOUND',
        'nik',
        'NIK ini belum terdaftar di Jaring, jadi tidak ada yang perlu dipindahkan. Daftarkan orang ini sebagai pekerja baru di desa Anda.',
      );
    }
    if (w.mergedInto) {
      throw refuse(
        'CONFLICT',
        'nik',
        'Data dengan NIK ini sudah digabungkan ke data pekerja lain dan tidak dapat dipindahkan. Hubungi admin kabupaten/kota.',
      );
    }
    if (w.lifeStatus === 'dead') {
      throw refuse(
        'CONFLICT',
        'nik',
        'Pekerja dengan NIK ini tercatat sudah meninggal dunia dan tidak dapat dipindahkan. Jika catatan itu keliru, hubungi admin kabupaten/kota.',
      );
    }
    if (w.villageCode === toVillage) {
      throw refuse(
        'CONFLICT',
        'nik',
        'Pekerja dengan NIK ini sudah terdaftar di desa tujuan; tidak perlu dipindahkan.',
      );
    }
    const [open] = await tx
      .select({ id: workerMoveRequest.id })
      .from(workerMoveRequest)
      .where(and(eq(workerMoveRequest.workerId, w.id), eq(workerMoveRequest.status, 'pending')));
    if (open) throw refuse('CONFLICT', 'nik', PENDING_EXISTS);
    let created: MoveRow;
    try {
      [created] = (await tx
        .insert(workerMoveRequest)
        .values({
          workerId: w.id,
          fromVillage: w.villageCode,
          toVillage,
          reason: input.reason,
          requestedBy: actorName(ctx.actor),
          requestedById: ctx.actor.kind === 'user' ? ctx.actor.id : null,
        })
        .returning()) as [MoveRow];
    } catch (e) {
      // a concurrent request for the same worker committed first (one pending per worker)
      if (isUniqueViolation(e)) throw refuse('CONFLICT', 'nik', PENDING_EXISTS);
      throw e;
    }
    await recordAudit(tx, ctx, {
      action: 'workers.requestMove',
      entity: 'worker_move_request',
      entityId: created.id,
      regionCode: toVillage,
      after: requestAudit(created, w.nik),
    });
    return viewOf(ctx, tx, created.id);
  });
}

/**
 * Move requests in the actor's scope, pending ones first, newest first: a request shows on both
 * sides, where the worker comes from and where it goes.
 */
export async function listMoveRequests(
  ctx: Ctx,
  raw: ListMoveRequestsQuery,
): Promise<MoveRequestList> {
  requirePermission(ctx.actor, 'workers.requestMove');
  const q = parseOrThrow(ListMoveRequestsQuery, raw, 'Permintaan tidak valid.');
  const scopes = workerScopes(ctx.actor);
  const conds: SQL[] = [];
  if (scopes !== null) {
    conds.push(
      or(
        regionPrefixMatch(workerMoveRequest.fromVillage, scopes),
        regionPrefixMatch(workerMoveRequest.toVillage, scopes),
      )!,
    );
  }
  if (q.status) conds.push(eq(workerMoveRequest.status, q.status));
  const where = conds.length ? and(...conds) : undefined;
  const [count] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(workerMoveRequest)
    .where(where);
  const rows = await selectRequests(ctx.db)
    .where(where)
    .orderBy(
      sql`(${workerMoveRequest.status} = 'pending') DESC`,
      desc(workerMoveRequest.createdAt),
      desc(workerMoveRequest.id),
    )
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return {
    items: rows.map((r) => toView(ctx.actor, r)),
    total: Number(count?.n ?? 0),
    page: q.page,
    pageSize: q.pageSize,
  };
}

const DONE: Record<Exclude<MoveStatus, 'pending'>, (by: string) => string> = {
  approved: (by) => `Permintaan ini sudah disetujui oleh ${by}.`,
  rejected: (by) => `Permintaan ini sudah ditolak oleh ${by}.`,
  withdrawn: (by) => `Permintaan ini sudah ditarik oleh ${by}.`,
};

function notPending(r: MoveRow): DomainError {
  const status = r.status as Exclude<MoveStatus, 'pending'>;
  return new DomainError('INVALID_TRANSITION', DONE[status](r.decidedBy ?? r.requestedBy), {
    status,
  });
}

/**
 * Locks the request, then its worker (always in this order, so that concurrent decisions queue:
 * after the lock a decision that committed first is seen, and the loser is told who decided).
 */
async function lockOpen(
  ctx: Ctx,
  tx: Db,
  id: string,
  visible: (r: MoveRow, w: WorkerRow) => boolean,
): Promise<{ r: MoveRow; w: WorkerRow }> {
  const r = await lockRequest(tx, id);
  if (!r) throw requestNotFound(id);
  const w = await lockWorker(tx, r.workerId);
  if (!w || !visible(r, w)) throw requestNotFound(id);
  if (r.status !== 'pending') throw notPending(r);
  return { r, w };
}

/** The worker in the receiving village: warnings recomputed (the NIK's region may now differ). */
async function moveWorker(ctx: Ctx, tx: Db, w: WorkerRow, r: MoveRow): Promise<WorkerRow> {
  if (w.mergedInto) {
    throw new DomainError(
      'CONFLICT',
      'Data pekerja ini sudah digabungkan ke data lain sejak permintaan diajukan. Tolak permintaan ini dengan catatan.',
    );
  }
  if (w.lifeStatus === 'dead') {
    throw new DomainError(
      'CONFLICT',
      'Pekerja ini tercatat sudah meninggal dunia sejak permintaan diajukan. Tolak permintaan ini dengan catatan.',
    );
  }
  if (w.villageCode === r.toVillage) {
    throw new DomainError(
      'CONFLICT',
      'Pekerja ini sudah berada di desa tujuan. Tolak permintaan ini dengan catatan.',
    );
  }
  const input = parseOrThrow(
    WorkerInput,
    { ...toInput(w), villageCode: r.toVillage },
    'Data pekerja tidak valid.',
  );
  // The decider may cover only one side: the village check is the request's, not the actor's scope.
  const prepared = await prepareWorker({ ...ctx, actor: systemActor('pindah-desa') }, tx, input);
  const { row, kept } = compareWorker(w, prepared);
  return updateWorkerRow(tx, w.id, {
    ...row,
    warnings: kept,
    openWarnings: kept.filter((x) => !x.confirmed).length,
    // "moved out" described the old village; in the new one the worker lives there
    ...(w.lifeStatus === 'moved' ? { lifeStatus: 'alive' as const, movedDate: null } : {}),
  });
}

/**
 * A regency admin (or above) of the worker's current village or of the receiving village decides.
 * Approving moves the worker (audited on the worker as `workers.move`, so its history shows it)
 * and closes the request, in one transaction; a refusal needs a note for the requester.
 */
export async function decideMoveRequest(
  ctx: Ctx,
  id: string,
  raw: DecideMoveInput,
): Promise<MoveRequest> {
  requirePermission(ctx.actor, 'workers.move');
  const input = parseOrThrow(DecideMoveInput, raw, 'Keputusan tidak valid.');
  return ctx.db.transaction(async (tx) => {
    const { r, w } = await lockOpen(ctx, tx, id, (r, w) => mayDecide(ctx.actor, r, w.villageCode));
    if (input.approve) {
      const moved = await moveWorker(ctx, tx, w, r);
      await recordAudit(tx, ctx, {
        action: 'workers.move',
        entity: 'worker',
        entityId: w.id,
        regionCode: moved.villageCode,
        before: auditView(w),
        after: { ...auditView(moved), moveRequestId: r.id },
      });
    }
    const [decided] = (await tx
      .update(workerMoveRequest)
      .set({
        status: input.approve ? 'approved' : 'rejected',
        decidedBy: actorName(ctx.actor),
        decidedById: ctx.actor.kind === 'user' ? ctx.actor.id : null,
        decisionNote: input.note ?? null,
        decidedAt: ctx.now(),
      })
      .where(eq(workerMoveRequest.id, r.id))
      .returning()) as [MoveRow];
    await recordAudit(tx, ctx, {
      action: input.approve ? 'workers.approveMove' : 'workers.rejectMove',
      entity: 'worker_move_request',
      entityId: r.id,
      regionCode: r.toVillage,
      before: requestAudit(r, w.nik),
      after: requestAudit(decided, w.nik),
    });
    return viewOf(ctx, tx, r.id);
  });
}

/** The requester takes back a request that is still waiting. */
export async function withdrawMoveRequest(ctx: Ctx, id: string): Promise<MoveRequest> {
  requirePermission(ctx.actor, 'workers.requestMove');
  return ctx.db.transaction(async (tx) => {
    const { r, w } = await lockOpen(ctx, tx, id, (r, w) => sees(ctx.actor, r, w.villageCode));
    if (ctx.actor.kind !== 'user' || r.requestedById !== ctx.actor.id) {
      throw new DomainError(
        'FORBIDDEN',
        `Hanya pengaju (${r.requestedBy}) yang dapat menarik permintaan ini.`,
      );
    }
    const [withdrawn] = (await tx
      .update(workerMoveRequest)
      .set({
        status: 'withdrawn',
        decidedBy: actorName(ctx.actor),
        decidedById: ctx.actor.id,
        decidedAt: ctx.now(),
      })
      .where(eq(workerMoveRequest.id, r.id))
      .returning()) as [MoveRow];
    await recordAudit(tx, ctx, {
      action: 'workers.withdrawMove',
      entity: 'worker_move_request',
      entityId: r.id,
      regionCode: r.toVillage,
      before: requestAudit(r, w.nik),
      after: requestAudit(withdrawn, w.nik),
    });
    return viewOf(ctx, tx, r.id);
  });
}
