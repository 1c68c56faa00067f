import type { Writable } from 'node:stream';
import type { Ctx } from '../../context.ts';
import { requirePermission } from '../../access/require-permission.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { DomainError } from '../../errors.ts';
import { ENROLLMENT_STATUSES, statusLabel } from '../../rules/enrollment-status.ts';
import { monthName } from '../../rules/indonesian.ts';
import { maskKpj, maskNik } from '../../rules/personal-data.ts';
import {
  printedBy,
  writePdfTable,
  writeXlsxTable,
  type PdfColumn,
  type TableHeading,
  type XlsxColumn,
} from '../../table-export.ts';
import { parseOrThrow } from '../../validation.ts';
import { programLine } from '../programs/get-program.ts';
import { loadProgram } from '../programs/load-program.ts';
import { findRegionFacts } from '../programs/programs.repository.ts';
import { enrollmentFilter } from './list-enrollments.ts';
import { ExportParticipantsQuery, PARTICIPANTS_PDF_MAX_ROWS } from './enrollment.schema.ts';
import {
  countByStatus,
  enrollmentBatch,
  seatsIn,
  type EnrollmentCursor,
  type EnrollmentFilter,
} from './enrollment.repository.ts';

export type ParticipantsFormat = 'xlsx' | 'pdf';

const BATCH = 2_000;

type Batch = Awaited<ReturnType<typeof enrollmentBatch>>['rows'];
type Row = Batch[number];

async function* participantRows(ctx: Ctx, filter: EnrollmentFilter) {
  let after: EnrollmentCursor | null = null;
  do {
    const batch = await enrollmentBatch(ctx.db, filter, after, BATCH);
    yield batch.rows;
    after = batch.next;
  } while (after);
}

const months = (e: Row['e']) =>
  e.firstMonth.slice(0, 7) === e.lastMonth.slice(0, 7)
    ? monthName(e.firstMonth.slice(0, 7))
    : `${monthName(e.firstMonth.slice(0, 7))} – ${monthName(e.lastMonth.slice(0, 7))}`;

const countsLine = (counts: Record<string, number>) =>
  ENROLLMENT_STATUSES.filter((s) => (counts[s] ?? 0) > 0)
    .map((s) => `${statusLabel(s)} ${(counts[s] ?? 0).toLocaleString('id-ID')}`)
    .join(' · ');

const XLSX_COLUMNS: XlsxColumn<Row>[] = [
  { header: 'No', width: 7, cell: (_r, n) => n },
  { header: 'Nama', width: 30, cell: (r) => r.fullName },
  { header: 'NIK (tersamar)', width: 20, cell: (r) => maskNik(r.nik) },
  { header: 'L/P', width: 5, cell: (r) => r.sex },
  { header: 'Kode desa', width: 15, cell: (r) => r.e.villageCode },
  { header: 'Desa/kelurahan', width: 22, cell: (r) => r.villageName },
  { header: 'Kecamatan', width: 22, cell: (r) => r.districtName ?? '' },
  { header: 'Status', width: 24, cell: (r) => statusLabel(r.e.status) },
  { header: 'Alasan', width: 40, cell: (r) => r.e.reason },
  { header: 'Bulan', width: 30, cell: (r) => months(r.e) },
  { header: 'KPJ (tersamar)', width: 16, cell: (r) => (r.e.kpj ? maskKpj(r.e.kpj) : null) },
  { header: 'Diusulkan oleh', width: 20, cell: (r) => r.e.proposedBy },
];

const PDF_COLUMNS: PdfColumn<Row>[] = [
  { header: 'No', width: 28, cell: (_r, n) => String(n) },
  { header: 'Nama', width: '*', cell: (r) => r.fullName },
  { header: 'NIK', width: 92, cell: (r) => maskNik(r.nik) },
  { header: 'Desa/kelurahan', width: 100, cell: (r) => r.villageName },
  { header: 'Kecamatan', width: 100, cell: (r) => r.districtName ?? '' },
  {
    header: 'Status',
    width: 140,
    cell: (r) => statusLabel(r.e.status) + (r.e.reason ? `: ${r.e.reason}` : ''),
  },
  { header: 'Bulan', width: 120, cell: (r) => months(r.e) },
];

/**
 * The program's participants as the list shows them (the actor's scope and the list's filters,
 * every page), as an Excel sheet or a printable PDF (at most PARTICIPANTS_PDF_MAX_ROWS rows), NIK and KPJ
 * masked: the list an office files or signs. The export is recorded in the audit trail first,
 * with its filter and row count. Returns the row count.
 */
export async function exportParticipants(
  ctx: Ctx,
  programId: string,
  raw: ExportParticipantsQuery,
  format: ParticipantsFormat,
  out: Writable,
): Promise<number> {
  requirePermission(ctx.actor, 'enrollments.read');
  const q = parseOrThrow(ExportParticipantsQuery, raw, 'Saringan tidak valid.');
  const program = await loadProgram(ctx, programId);
  const filter = enrollmentFilter(ctx, program, q);
  const counts = await countByStatus(ctx.db, filter);
  const total = filter.status
    ? (counts[filter.status] ?? 0)
    : Object.values(counts).reduce((a, b) => a + b, 0);
  if (format === 'pdf' && total > PARTICIPANTS_PDF_MAX_ROWS)
    throw new DomainError(
      'VALIDATION',
      `Daftar ini berisi ${total.toLocaleString('id-ID')} peserta; PDF paling banyak ${PARTICIPANTS_PDF_MAX_ROWS.toLocaleString('id-ID')}. Saring per kecamatan atau desa, atau unduh Excel.`,
      { total, max: PARTICIPANTS_PDF_MAX_ROWS },
    );
  const place = filter.village ?? filter.region ?? filter.scopes?.[0] ?? program.ownerRegion;
  const [facts, owner] = await Promise.all([
    findRegionFacts(ctx.db, [place]),
    findRegionFacts(ctx.db, [program.ownerRegion]),
  ]);
  const scope =
    (facts[0]?.name ?? place) +
    (filter.status ? `, status ${statusLabel(filter.status)}` : '') +
    (q.q ? `, pencarian "${filter.nik ? maskNik(filter.nik) : q.q}"` : '');
  const seats = await seatsIn(ctx.db, filter);
  const heading: TableHeading = {
    title: `Daftar peserta: ${program.name}`,
    lines: [
      programLine(program, owner[0]?.name ?? program.ownerRegion),
      `Wilayah: ${scope} · ${printedBy(ctx)}`,
      `${total.toLocaleString('id-ID')} peserta dalam daftar · ${seats.toLocaleString('id-ID')} kursi · ${countsLine(counts)}`,
    ],
    footer: `Jaring · ${program.name}`,
  };
  await recordAudit(ctx.db, ctx, {
    action: 'enrollments.export',
    entity: 'program',
    entityId: program.id,
    regionCode: place,
    after: {
      format,
      rows: total,
      filter: { ...q, ...(filter.nik ? { q: maskNik(filter.nik) } : {}) },
    },
  });
  const rows = participantRows(ctx, filter);
  await (format === 'xlsx'
    ? writeXlsxTable(out, 'Peserta', heading, XLSX_COLUMNS, rows)
    : writePdfTable(out, heading, PDF_COLUMNS, rows, 'Tidak ada peserta dalam saringan ini.'));
  return total;
}
