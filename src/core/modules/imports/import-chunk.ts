import { randomUUID } from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { can } from '../../access/require-permission.ts';
import { isWithinScope } from '../../access/scope.ts';
import { recordAudits, type AuditEntry } from '../../audit/record-audit.ts';
import type { Db } from '../../db/client.ts';
import type { ImportCounts } from '../../db/schema/imports.ts';
import { worker } from '../../db/schema/workers.ts';
import { isDomainError } from '../../errors.ts';
import { normaliseNik } from '../../rules/nik.ts';
import { parseOrThrow } from '../../validation.ts';
import {
  applyPatch,
  auditView,
  compareWorker,
  loadRegionFacts,
  prepareWorkerWith,
  toInput,
  WorkerInput,
  type WorkerInputParsed,
  type WorkerRow,
} from '../workers/index.ts';
import type { NotWrittenRow } from './imports.repository.ts';
import { mapRow, type ColumnMap } from './map-worker-row.ts';
import type { FileRow } from './read-worker-file.ts';

export const NEW_WORKER_NEEDS =
  'NIK belum terdaftar. Untuk pekerja baru isi juga tanggal lahir, jenis kelamin, desa dan kode pekerjaan.';
const OTHER_REGION = 'NIK ini sudah terdaftar di wilayah lain (di luar wilayah kerja Anda).';
const MERGED =
  'NIK ini milik data yang sudah digabungkan ke pekerja lain: perbarui data pekerja itu.';
const NO_MOVE =
  'Pekerja ini terdaftar di desa lain: pemindahan antar desa dilakukan oleh admin kabupaten.';

/** Where a file's rows stand while they are read: NIKs already seen, and the file's default village. */
export interface ChunkState {
  map: ColumnMap;
  village: string | undefined;
  /** NIK → the line it first appeared on: a second row with it is refused. */
  seen: Map<string, number>;
  /** Milliseconds spent per phase, when given (the import benchmark reads it). */
  timings?: Record<'rules' | 'reads' | 'writes', number>;
}

export interface ChunkResult {
  counts: ImportCounts;
  notWritten: NotWrittenRow[];
}

export function emptyCounts(): ImportCounts {
  return { total: 0, created: 0, updated: 0, unchanged: 0, warned: 0, rejected: 0, skipped: 0 };
}

function reasonOf(e: unknown): string {
  if (!isDomainError(e)) throw e;
  const issues = (e.details?.issues as { message?: string }[] | undefined) ?? [];
  const messages = [...new Set(issues.map((i) => i.message).filter(Boolean))];
  return messages.length > 1 ? messages.join(' ') : e.message;
}

interface Candidate {
  row: FileRow;
  input: WorkerInputParsed;
  existing: WorkerRow | undefined;
}

/**
 * One chunk of a file's rows, set-based: the rules of the forms (the same parse, NIK rules and
 * scope checks, from the same functions) in memory, then one query for the existing NIKs, one for
 * the regions, one INSERT of the new workers, one UPDATE of the changed ones, one INSERT of their
 * audit records and one of the refused rows. Call it inside the chunk's transaction; `write: false`
 * (a preview) computes the same outcomes and writes nothing but the refused rows' reasons.
 */
export async function processChunk(
  ctx: Ctx,
  db: Db,
  state: ChunkState,
  rows: FileRow[],
  write: boolean,
): Promise<ChunkResult> {
  const counts = emptyCounts();
  const notWritten: NotWrittenRow[] = [];
  let mark = performance.now();
  const lap = (phase: 'rules' | 'reads' | 'writes') => {
    if (!state.timings) return;
    const now = performance.now();
    state.timings[phase] += now - mark;
    mark = now;
  };
  const refuse = (row: FileRow, reason: string) => {
    counts.rejected += 1;
    notWritten.push({ line: row.line, outcome: 'rejected', reason, cells: row.cells });
  };

  // 1. map each row to fields; OpenSID residents who are not workers are skipped with the reason
  const mapped: {
    row: FileRow;
    fields: Partial<Record<keyof WorkerInput, string>>;
    nik: string;
  }[] = [];
  for (const row of rows) {
    counts.total += 1;
    const m = mapRow(state.map, row.cells);
    if (m.kind === 'skip') {
      counts.skipped += 1;
      notWritten.push({ line: row.line, outcome: 'skipped', reason: m.reason, cells: row.cells });
      continue;
    }
    const nik = m.fields.nik ? normaliseNik(m.fields.nik) : '';
    const earlier = nik ? state.seen.get(nik) : undefined;
    if (earlier !== undefined) {
      refuse(row, `NIK ${nik} sudah ada di baris ${earlier} berkas ini.`);
      continue;
    }
    if (nik) state.seen.set(nik, row.line);
    mapped.push({ row, fields: m.fields, nik });
  }

  lap('rules');
  // 2. the workers these NIKs already belong to, in one query
  const niks = mapped.map((m) => m.nik).filter((n) => /^\d{16}$/.test(n));
  const existing = new Map<string, WorkerRow>();
  if (niks.length > 0) {
    for (const w of await db.select().from(worker).where(inArray(worker.nik, niks)))
      existing.set(w.nik, w);
  }

  lap('reads');
  // 3. parse as the form does: an existing worker gets the file's values over the stored ones
  const candidates: Candidate[] = [];
  for (const { row, fields, nik } of mapped) {
    const current = existing.get(nik);
    try {
      if (current) {
        if (current.mergedInto) throw refusal(MERGED);
        if (!isWithinScope(ctx.actor, current.villageCode)) throw refusal(OTHER_REGION);
        const input = parseOrThrow(
          WorkerInput,
          applyPatch(toInput(current), fields),
          'Data pekerja tidak valid.',
        );
        candidates.push({ row, input, existing: current });
      } else {
        if (state.map.layout === 'minimal') throw refusal(NEW_WORKER_NEEDS);
        const village = fields.villageCode ?? state.village;
        const input = parseOrThrow(
          WorkerInput,
          { ...fields, ...(village ? { villageCode: village } : {}) },
          'Data pekerja tidak valid.',
        );
        candidates.push({ row, input, existing: undefined });
      }
    } catch (e) {
      refuse(row, e instanceof Refusal ? e.message : reasonOf(e));
    }
  }

  // 4. NIK rules, village and scope with the regions of the whole chunk read once
  const facts = await loadRegionFacts(
    db,
    candidates.map((c) => c.input),
  );
  const now = ctx.now().toISOString();
  const inserts: Record<string, unknown>[] = [];
  const updates: Record<string, unknown>[] = [];
  const audits: AuditEntry[] = [];
  const audit = (action: string, w: WorkerRow, before: WorkerRow | null) =>
    audits.push({
      action,
      entity: 'worker',
      entityId: w.id,
      regionCode: w.villageCode,
      before: before ? auditView(before) : null,
      after: auditView(w),
    });
  for (const c of candidates) {
    try {
      const prepared = prepareWorkerWith(ctx, c.input, facts);
      if (!c.existing) {
        const created: WorkerRow = {
          id: randomUUID(),
          ...nulls(prepared.row),
          warnings: prepared.warnings,
          openWarnings: prepared.warnings.length,
          lifeStatus: 'alive',
          deathDate: null,
          movedDate: null,
          mergedInto: null,
          createdAt: new Date(now),
          updatedAt: new Date(now),
        };
        counts.created += 1;
        if (prepared.warnings.length > 0) counts.warned += 1;
        inserts.push(toColumns(created));
        audit('workers.create', created, null);
        continue;
      }
      const { row, kept, changed } = compareWorker(c.existing, prepared);
      if (!changed) {
        counts.unchanged += 1;
        continue;
      }
      const moved = row.villageCode !== c.existing.villageCode;
      if (moved && !can(ctx.actor, 'workers.move')) throw refusal(NO_MOVE);
      const updated: WorkerRow = {
        ...c.existing,
        ...nulls(row),
        warnings: kept,
        openWarnings: kept.filter((w) => !w.confirmed).length,
        updatedAt: new Date(now),
      };
      counts.updated += 1;
      if (updated.openWarnings > 0) counts.warned += 1;
      updates.push(toColumns(updated));
      audit(moved ? 'workers.move' : 'workers.update', updated, c.existing);
    } catch (e) {
      refuse(c.row, e instanceof Refusal ? e.message : reasonOf(e));
    }
  }

  // 5. the writes: a statement each, whatever the chunk's size
  lap('rules');
  if (write) {
    if (inserts.length > 0)
      await db.execute(
        sql`INSERT INTO worker SELECT * FROM json_populate_recordset(NULL::worker, ${JSON.stringify(inserts)}::json)`,
      );
    if (updates.length > 0)
      await db.execute(sql`
        UPDATE worker w SET ${sql.raw(UPDATED_COLUMNS.map((c) => `${c} = r.${c}`).join(', '))}
        FROM json_populate_recordset(NULL::worker, ${JSON.stringify(updates)}::json) r
        WHERE w.id = r.id`);
    await recordAudits(db, ctx, audits);
  }
  lap('writes');
  return { counts, notWritten };
}

class Refusal extends Error {}
const refusal = (message: string) => new Refusal(message);

/** Optional fields the prepared row leaves undefined are stored as null (a full row). */
function nulls<T extends Record<string, unknown>>(
  row: T,
): { [K in keyof T]-?: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[k] = v ?? null;
  return out as { [K in keyof T]-?: Exclude<T[K], undefined> };
}

const WORKER_COLUMNS: Record<keyof WorkerRow, string> = {
  id: 'id',
  nik: 'nik',
  kk: 'kk',
  fullName: 'full_name',
  nameKey: 'name_key',
  birthPlace: 'birth_place',
  birthDate: 'birth_date',
  sex: 'sex',
  villageCode: 'village_code',
  address: 'address',
  dusun: 'dusun',
  rw: 'rw',
  rt: 'rt',
  phone: 'phone',
  occupationCode: 'occupation_code',
  segment: 'segment',
  welfareDecile: 'welfare_decile',
  decileSource: 'decile_source',
  decileYear: 'decile_year',
  declaredIncome: 'declared_income',
  lifeStatus: 'life_status',
  deathDate: 'death_date',
  movedDate: 'moved_date',
  mergedInto: 'merged_into',
  kpj: 'kpj',
  warnings: 'warnings',
  openWarnings: 'open_warnings',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};
/** What an import may change on an existing worker: never its id, life status or history. */
const UPDATED_COLUMNS = Object.entries(WORKER_COLUMNS)
  .filter(
    ([k]) => !['id', 'createdAt', 'lifeStatus', 'deathDate', 'movedDate', 'mergedInto'].includes(k),
  )
  .map(([, c]) => c);

function toColumns(w: WorkerRow): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, c] of Object.entries(WORKER_COLUMNS)) {
    const v = w[k as keyof WorkerRow];
    out[c] = v instanceof Date ? v.toISOString() : v;
  }
  return out;
}
