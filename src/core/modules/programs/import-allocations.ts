import type { Readable } from 'node:stream';
import type { Ctx } from '../../context.ts';
import { requirePermission } from '../../access/require-permission.ts';
import { DomainError } from '../../errors.ts';
import { PLAN_LIMITS } from '../../rules/budget-plan.ts';
import { normaliseRegionCode } from '../../rules/region-code.ts';
// The streamed XLSX/CSV reader of the worker imports reads any sheet of plain columns.
import { readWorkerFile } from '../imports/read-worker-file.ts';
import type { AllocationImportResult } from './allocation.schema.ts';
import { checkSeatEntries, type RefusedEntry, type SeatEntry } from './allocation-villages.ts';
import { allocationTotals } from './allocations.repository.ts';
import { loadProgram } from './load-program.ts';
import { lockExplicitProgram, writeSeats } from './set-allocations.ts';

/** A province has at most a few thousand villages; a file far longer than that is a mistake. */
const MAX_ROWS = 20_000;
const COLUMNS = ['kode_desa', 'kursi'] as const;
const SEATS_MESSAGE = `bukan bilangan bulat 0–${PLAN_LIMITS.maxSeatsPerVillage.toLocaleString('id-ID')}`;

const headerKey = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** Reads kode_desa and kursi of every row; a row that cannot be read is refused with its line. */
async function readSeatRows(source: string | Readable, fileName: string) {
  const file = await readWorkerFile(source, fileName);
  const keys = file.headers.map(headerKey);
  const missing = COLUMNS.filter((c) => !keys.includes(c));
  if (missing.length > 0) {
    throw new DomainError(
      'VALIDATION',
      `Baris judul harus berisi kolom kode_desa dan kursi (tidak ada: ${missing.join(', ')}).`,
      { missing },
    );
  }
  const [codeAt, seatsAt] = COLUMNS.map((c) => keys.indexOf(c)) as [number, number];
  const entries: SeatEntry[] = [];
  const refused: RefusedEntry[] = [];
  let rows = 0;
  for await (const { line, cells } of file.rows) {
    if (++rows > MAX_ROWS)
      throw new DomainError(
        'VALIDATION',
        `Berkas berisi lebih dari ${MAX_ROWS.toLocaleString('id-ID')} baris.`,
      );
    const rawCode = (cells[codeAt] ?? '').trim();
    const rawSeats = (cells[seatsAt] ?? '').trim();
    const code = normaliseRegionCode(rawCode);
    const seats = /^\d{1,6}$/.test(rawSeats) ? Number(rawSeats) : NaN;
    if (!rawCode) refused.push({ at: line, villageCode: '', reason: 'Kode desa kosong.' });
    else if (!code)
      refused.push({
        at: line,
        villageCode: rawCode,
        reason: `Kode desa "${rawCode}" tidak valid.`,
      });
    else if (!(seats <= PLAN_LIMITS.maxSeatsPerVillage))
      refused.push({
        at: line,
        villageCode: code,
        reason: `Kursi "${rawSeats}" ${SEATS_MESSAGE}.`,
      });
    else entries.push({ at: line, villageCode: code, seats });
  }
  return { rows, entries, refused };
}

/**
 * Seats per village from an XLSX or CSV file with the columns kode_desa and kursi, for a draft
 * program with the explicit rule. Every row is accounted for: good rows are applied, the others
 * are reported with their line and reason (unknown village, outside the owner region, not a
 * number, named twice). The same file twice changes nothing.
 */
export async function importAllocations(
  ctx: Ctx,
  id: string,
  source: { path?: string; stream?: Readable; fileName: string },
): Promise<AllocationImportResult> {
  requirePermission(ctx.actor, 'programs.manage');
  await loadProgram(ctx, id);
  const read = await readSeatRows((source.path ?? source.stream)!, source.fileName);
  return ctx.db.transaction(async (tx) => {
    const { row, ownerName } = await lockExplicitProgram(ctx, tx, id);
    const checked = await checkSeatEntries(tx, row, read.entries, ownerName, (at) => `baris ${at}`);
    const errors = [...read.refused, ...checked.refused]
      .sort((a, b) => a.at - b.at)
      .map((r) => ({ line: r.at, villageCode: r.villageCode || null, reason: r.reason }));
    const facts = { fileName: source.fileName, rows: read.rows, refused: errors.length };
    const totals =
      checked.ok.length > 0
        ? await writeSeats(ctx, tx, row, checked.ok, 'programs.importAllocations', facts)
        : await allocationTotals(tx, id, null);
    return {
      fileName: source.fileName,
      rows: read.rows,
      applied: checked.ok.length,
      errors,
      villages: totals.villages,
      seats: totals.seats,
    };
  });
}
