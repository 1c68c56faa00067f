import type { Writable } from 'node:stream';
import type { Ctx } from '../../context.ts';
import { requirePermission } from '../../access/require-permission.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { DomainError } from '../../errors.ts';
import { rupiah } from '../../rules/indonesian.ts';
import {
  printedBy,
  writePdfTable,
  writeXlsxTable,
  type PdfColumn,
  type TableHeading,
  type XlsxColumn,
} from '../../table-export.ts';
import { parseOrThrow } from '../../validation.ts';
import { ALLOCATIONS_PDF_MAX_ROWS, AllocationsQuery } from './allocation.schema.ts';
import { villageSeats, type VillageSeatsRow } from './allocations.repository.ts';
import { regionInView } from './get-allocations.ts';
import { programLine, seatCost } from './get-program.ts';
import { loadProgram } from './load-program.ts';
import { findRegionFacts } from './programs.repository.ts';

export type AllocationsFormat = 'xlsx' | 'pdf';

/** A village's line, or the total under the last one. */
type Line = VillageSeatsRow & { total?: true; cost: number };

const KIND: Record<string, string> = { desa: 'desa', kelurahan: 'kelurahan' };
const share = (filled: number, seats: number) =>
  seats > 0
    ? `${((filled / seats) * 100).toLocaleString('id-ID', { maximumFractionDigits: 1 })} %`
    : '–';
const free = (l: Line) => Math.max(l.seats - l.filled, 0);

const XLSX_COLUMNS: XlsxColumn<Line>[] = [
  { header: 'No', width: 7, cell: (l, n) => (l.total ? null : n) },
  { header: 'Kode desa', width: 15, cell: (l) => (l.total ? null : l.code) },
  { header: 'Desa/kelurahan', width: 26, cell: (l) => (l.total ? 'Jumlah' : l.name) },
  { header: 'Jenis', width: 10, cell: (l) => (l.kind ? (KIND[l.kind] ?? l.kind) : null) },
  { header: 'Kecamatan', width: 22, cell: (l) => l.districtName },
  { header: 'Kabupaten/kota', width: 22, cell: (l) => l.regencyName },
  { header: 'Kursi', width: 9, cell: (l) => l.seats },
  { header: 'Terisi', width: 9, cell: (l) => l.filled },
  { header: 'Sisa', width: 9, cell: (l) => free(l) },
  { header: 'Terisi (%)', width: 11, cell: (l) => share(l.filled, l.seats) },
  { header: 'Biaya kursi (Rp)', width: 18, cell: (l) => l.cost },
];

const PDF_COLUMNS: PdfColumn<Line>[] = [
  { header: 'No', width: 28, cell: (l, n) => (l.total ? '' : String(n)) },
  { header: 'Desa/kelurahan', width: '*', cell: (l) => (l.total ? 'Jumlah' : l.name) },
  { header: 'Kode', width: 70, cell: (l) => (l.total ? '' : l.code) },
  { header: 'Kecamatan', width: 110, cell: (l) => l.districtName ?? '' },
  { header: 'Kabupaten/kota', width: 110, cell: (l) => l.regencyName ?? '' },
  { header: 'Kursi', width: 45, cell: (l) => l.seats.toLocaleString('id-ID') },
  { header: 'Terisi', width: 45, cell: (l) => l.filled.toLocaleString('id-ID') },
  { header: 'Sisa', width: 45, cell: (l) => free(l).toLocaleString('id-ID') },
  { header: 'Terisi', width: 45, cell: (l) => share(l.filled, l.seats) },
  { header: 'Biaya kursi', width: 90, cell: (l) => rupiah(l.cost) },
];

/**
 * The seats of the program village by village at or below a region (the drill-down's region by
 * default) inside the actor's scope: seats, filled, free, share and what the seats cost for the
 * period (rate table), with a total line. An Excel sheet, or a PDF of at most
 * ALLOCATIONS_PDF_MAX_ROWS villages to sign. Recorded in the audit trail first. Returns the number
 * of villages.
 */
export async function exportAllocations(
  ctx: Ctx,
  programId: string,
  raw: AllocationsQuery,
  format: AllocationsFormat,
  out: Writable,
): Promise<number> {
  requirePermission(ctx.actor, 'programs.read');
  const q = parseOrThrow(AllocationsQuery, raw, 'Wilayah tidak valid.');
  const program = await loadProgram(ctx, programId);
  const { code, here } = await regionInView(ctx, program, q.region);
  const costPerSeat = seatCost(program).costPerSeat;
  const villages = (await villageSeats(ctx.db, program.id, code)).map((v): Line => ({
    ...v,
    cost: v.seats * costPerSeat,
  }));
  if (format === 'pdf' && villages.length > ALLOCATIONS_PDF_MAX_ROWS)
    throw new DomainError(
      'VALIDATION',
      `Rekap ini berisi ${villages.length.toLocaleString('id-ID')} desa/kelurahan; PDF paling banyak ${ALLOCATIONS_PDF_MAX_ROWS.toLocaleString('id-ID')}. Buka satu kabupaten atau kecamatan dulu, atau unduh Excel.`,
      { villages: villages.length, max: ALLOCATIONS_PDF_MAX_ROWS },
    );
  const total: Line = {
    total: true,
    code,
    name: 'Jumlah',
    kind: null,
    districtName: null,
    regencyName: null,
    seats: villages.reduce((a, v) => a + v.seats, 0),
    filled: villages.reduce((a, v) => a + v.filled, 0),
    cost: villages.reduce((a, v) => a + v.cost, 0),
  };
  const [owner] = await findRegionFacts(ctx.db, [program.ownerRegion]);
  const heading: TableHeading = {
    title: `Rekap kursi: ${program.name}`,
    lines: [
      programLine(program, owner?.name ?? program.ownerRegion),
      `Wilayah: ${here.name} · ${printedBy(ctx)}`,
      `${villages.length.toLocaleString('id-ID')} desa/kelurahan · ${total.seats.toLocaleString('id-ID')} kursi · ${total.filled.toLocaleString('id-ID')} terisi (${share(total.filled, total.seats)}) · ${rupiah(costPerSeat)} per kursi · biaya kursi ${rupiah(total.cost)}`,
    ],
    footer: `Jaring · ${program.name}`,
  };
  await recordAudit(ctx.db, ctx, {
    action: 'programs.exportAllocations',
    entity: 'program',
    entityId: program.id,
    regionCode: code,
    after: { format, region: code, villages: villages.length },
  });
  const batches = (async function* () {
    if (villages.length === 0) return;
    yield villages;
    yield [total];
  })();
  await (format === 'xlsx'
    ? writeXlsxTable(out, 'Kursi', heading, XLSX_COLUMNS, batches)
    : writePdfTable(
        out,
        heading,
        PDF_COLUMNS,
        batches,
        'Tidak ada desa dengan kursi di wilayah ini.',
      ));
  return villages.length;
}
