import type { StoredWarning } from '../../db/schema/workers.ts';
import { mergeWarnings, type PreparedWorker } from './prepare-worker.ts';
import type { WorkerInput } from './workers.schema.ts';
import type { WorkerRow } from './workers.repository.ts';

export function toInput(w: WorkerRow): WorkerInput {
  const opt = (v: string | null) => v ?? undefined;
  return {
    nik: w.nik,
    kk: opt(w.kk),
    fullName: w.fullName,
    birthPlace: opt(w.birthPlace),
    birthDate: w.birthDate,
    sex: w.sex,
    villageCode: w.villageCode,
    address: opt(w.address),
    dusun: opt(w.dusun),
    rw: opt(w.rw),
    rt: opt(w.rt),
    phone: opt(w.phone),
    occupationCode: w.occupationCode,
    segment: w.segment as WorkerInput['segment'],
    welfareDecile: w.welfareDecile ?? undefined,
    decileSource: (w.decileSource ?? undefined) as WorkerInput['decileSource'],
    decileYear: w.decileYear ?? undefined,
    declaredIncome: w.declaredIncome,
    kpj: opt(w.kpj),
  };
}

/** Absent keys keep the stored value; null removes it (the field becomes empty). */
export function applyPatch(
  current: WorkerInput,
  patch: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...current };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else if (v !== undefined) out[k] = v;
  }
  return out;
}

/**
 * A prepared change against the stored worker: the warnings to keep (confirmed ones stay
 * confirmed) and whether anything differs at all (an unchanged row writes nothing).
 */
export function compareWorker(
  current: WorkerRow,
  prepared: PreparedWorker,
): { row: PreparedWorker['row']; kept: StoredWarning[]; changed: boolean } {
  const { row, warnings } = prepared;
  const kept = mergeWarnings(current.warnings, warnings);
  const changed =
    (Object.keys(row) as (keyof typeof row)[]).some(
      (k) => (row[k] ?? null) !== (current[k] ?? null),
    ) || JSON.stringify(kept) !== JSON.stringify(current.warnings);
  return { row, kept, changed };
}
