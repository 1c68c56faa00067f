// What the family use-cases (heirs, children, life status) share.
import type { Ctx } from '../../context.ts';
import { jakartaDate } from '../../context.ts';
import { isWithinScope } from '../../access/scope.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import type { Db } from '../../db/client.ts';
import { DomainError } from '../../errors.ts';
import { checkNik, nikDistrictCode, normaliseNik } from '../../rules/nik.ts';
import { maskNik } from '../../rules/personal-data.ts';
import type { Child, Heir } from './family.schema.ts';
import { knownDistricts, type ChildRow, type HeirRow } from './family.repository.ts';
import { workerNotFound } from './get-worker.ts';
import { lockWorker, type WorkerRow } from './workers.repository.ts';

export function invalid(path: string, message: string): DomainError {
  return new DomainError('VALIDATION', message, { issues: [{ path, message }] });
}

/**
 * The worker to change, locked for the transaction: outside the actor's scope it does not exist;
 * a record merged into another is kept only as history and is not changed any more.
 */
export async function lockEditableWorker(ctx: Ctx, tx: Db, id: string): Promise<WorkerRow> {
  const w = await lockWorker(tx, id);
  if (!w || !isWithinScope(ctx.actor, w.villageCode)) throw workerNotFound(id);
  if (w.mergedInto !== null) {
    throw new DomainError('CONFLICT', 'Pekerja ini sudah digabungkan ke data lain.', {
      mergedInto: w.mergedInto,
    });
  }
  return w;
}

/** A given NIK must pass the error rules of DOMAIN §4; warnings do not apply to family members. */
export async function familyNik(ctx: Ctx, db: Db, raw: string, w: WorkerRow): Promise<string> {
  const nik = normaliseNik(raw);
  const district = nikDistrictCode(nik);
  const known = await knownDistricts(db, district ? [district] : []);
  const { errors } = checkNik(nik, {
    today: jakartaDate(ctx.now()),
    districtExists: (code) => known.has(code),
  });
  if (errors.length > 0) {
    const issues = errors.map((e) => ({ path: 'nik', message: e.message, code: e.code }));
    throw new DomainError('VALIDATION', issues[0]!.message, { issues });
  }
  if (nik === w.nik) throw invalid('nik', 'NIK ini adalah NIK pekerja sendiri.');
  return nik;
}

/** undefined keeps the stored NIK, null removes it, a value is checked. */
export async function nikChange(ctx: Ctx, db: Db, nik: string | null | undefined, w: WorkerRow) {
  if (nik === undefined) return {};
  return { nik: nik === null ? null : await familyNik(ctx, db, nik, w) };
}

export const cleanName = (name: string) => name.replace(/\s+/g, ' ');
const masked = (nik: string | null) => (nik ? maskNik(nik) : null);

export function heirView(r: HeirRow): Heir {
  const { workerId: _w, nik, createdAt, ...rest } = r;
  return { ...rest, nikMasked: masked(nik), createdAt: createdAt.toISOString() };
}

export function childView(r: ChildRow): Child {
  const { workerId: _w, nik, createdAt, ...rest } = r;
  return { ...rest, nikMasked: masked(nik), createdAt: createdAt.toISOString() };
}

/** What the audit trail keeps of a family member: the NIK masked, as for the worker. */
function auditOf(view: Heir | Child) {
  const { createdAt: _c, nikMasked, ...rest } = view;
  return { ...rest, nik: nikMasked };
}

/** Audited on the worker (entity `worker`), so the worker's history shows family changes. */
export async function audit(
  tx: Db,
  ctx: Ctx,
  w: WorkerRow,
  action: string,
  key: 'heir' | 'child',
  before: Heir | Child | null,
  after: Heir | Child | null,
) {
  await recordAudit(tx, ctx, {
    action,
    entity: 'worker',
    entityId: w.id,
    regionCode: w.villageCode,
    before: before ? { [key]: auditOf(before) } : null,
    after: after ? { [key]: auditOf(after) } : null,
  });
}

export const changed = (a: object, b: object) => JSON.stringify(a) !== JSON.stringify(b);
