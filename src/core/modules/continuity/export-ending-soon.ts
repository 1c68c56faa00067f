import type { Writable } from 'node:stream';
import type { SQL } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { DomainError } from '../../errors.ts';
import { longDate } from '../../rules/indonesian.ts';
import { maskNik } from '../../rules/personal-data.ts';
import {
  printedBy,
  writePdfTable,
  writeXlsxTable,
  type PdfColumn,
  type TableHeading,
  type XlsxColumn,
} from '../../table-export.ts';
import { ENDING_SOON_PDF_MAX_ROWS, type ContinuityQuery } from './continuity.schema.ts';
import {
  endingSoonBatch,
  endingSoonPerVillage,
  regionsWithParents,
  type EndingSoonCursor,
  type EndingSoonRow,
} from './continuity.repository.ts';
import { daysLeft, endingSoonQuery } from './list-ending-soon.ts';

export type EndingSoonFormat = 'xlsx' | 'pdf';

const BATCH = 2_000;

type Row = EndingSoonRow & { daysLeft: number };

const XLSX_COLUMNS: XlsxColumn<Row>[] = [
  { header: 'No', width: 7, cell: (_r, n) => n },
  { header: 'Nama', width: 30, cell: (r) => r.name },
  { header: 'NIK (tersamar)', width: 20, cell: (r) => maskNik(r.nik) },
  { header: 'Desa/kelurahan', width: 22, cell: (r) => r.villageName },
  { header: 'Kecamatan', width: 22, cell: (r) => r.districtName },
  { header: 'Program', width: 44, cell: (r) => r.programName },
  { header: 'Perlindungan berakhir', width: 22, cell: (r) => longDate(r.endsOn) },
  { header: 'Sisa hari', width: 10, cell: (r) => r.daysLeft },
];

const PDF_COLUMNS: PdfColumn<Row>[] = [
  { header: 'No', width: 28, cell: (_r, n) => String(n) },
  { header: 'Nama', width: '*', cell: (r) => r.name },
  { header: 'NIK', width: 92, cell: (r) => maskNik(r.nik) },
  { header: 'Desa/kelurahan', width: 100, cell: (r) => r.villageName },
  { header: 'Kecamatan', width: 100, cell: (r) => r.districtName },
  { header: 'Program', width: 160, cell: (r) => r.programName },
  { header: 'Perlindungan berakhir', width: 90, cell: (r) => longDate(r.endsOn) },
  { header: 'Sisa hari', width: 42, cell: (r) => String(r.daysLeft) },
];

const LEVEL_WORD: Record<string, string> = {
  province: 'Provinsi ',
  district: 'Kecamatan ',
  village: 'Desa ',
};

/**
 * "Desa Pedukun, Kecamatan Tanah Tumbuh, Kabupaten Bungo": the area of the list up to its
 * regency (regency names carry their "Kabupaten"/"Kota"); the whole country for a national admin.
 */
async function areaName(ctx: Ctx, codes: readonly string[]): Promise<string> {
  if (codes.length === 0) return 'Seluruh Indonesia';
  const regions = await regionsWithParents(ctx.db, codes);
  const word = (r: { level: string; kind: string | null }) =>
    r.kind === 'kelurahan' ? 'Kelurahan ' : (LEVEL_WORD[r.level] ?? '');
  return codes
    .map((code) => {
      const chain = regions
        .filter((r) => code === r.code || code.startsWith(`${r.code}.`))
        .filter((r) => r.level !== 'province' || r.code === code)
        .sort((a, b) => b.code.length - a.code.length);
      return chain.length > 0 ? chain.map((r) => word(r) + r.name).join(', ') : code;
    })
    .join('; ');
}

/** Consecutive villages of about one batch of rows (a larger village alone). */
function villageGroups(villages: { code: string; count: number }[]): string[][] {
  const groups: string[][] = [];
  let group: string[] = [];
  let rows = 0;
  for (const v of villages) {
    if (group.length > 0 && rows + v.count > BATCH) {
      groups.push(group);
      group = [];
      rows = 0;
    }
    group.push(v.code);
    rows += v.count;
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

async function* endingRows(
  ctx: Ctx,
  q: { where: SQL; today: string; until: string },
  villages: { code: string; count: number }[],
): AsyncGenerator<Row[]> {
  for (const group of villageGroups(villages)) {
    let after: EndingSoonCursor | null = null;
    do {
      const batch = await endingSoonBatch(ctx.db, { ...q, villages: group }, after, BATCH);
      yield batch.rows.map((r) => ({ ...r, daysLeft: daysLeft(q.today, r.endsOn) }));
      after = batch.next;
    } while (after);
  }
}

/**
 * The list of protection ending soon as the continuity page shows it (the actor's scope, the
 * same days and region), every worker, as an Excel sheet or a printable PDF (at most
 * ENDING_SOON_PDF_MAX_ROWS rows), NIK masked, in the order of print: village, end date, name.
 * The office sends it to the villages and files it. The download is recorded in the audit trail
 * first, with its filter and row count. Returns the row count.
 */
export async function exportEndingSoon(
  ctx: Ctx,
  raw: ContinuityQuery,
  format: EndingSoonFormat,
  out: Writable,
): Promise<number> {
  const { query, today, until, where } = endingSoonQuery(ctx, raw);
  const villages = await endingSoonPerVillage(ctx.db, where, today, until);
  const counts = {
    workers: villages.reduce((sum, v) => sum + v.count, 0),
    villages: villages.length,
  };
  const n = (v: number) => v.toLocaleString('id-ID');
  if (format === 'pdf' && counts.workers > ENDING_SOON_PDF_MAX_ROWS)
    throw new DomainError(
      'VALIDATION',
      `Daftar ini berisi ${n(counts.workers)} pekerja; PDF paling banyak ${n(ENDING_SOON_PDF_MAX_ROWS)}. Pilih wilayah yang lebih kecil (kecamatan atau desa) atau kurangi jumlah hari, atau unduh Excel.`,
      { total: counts.workers, max: ENDING_SOON_PDF_MAX_ROWS },
    );
  const actorScope = ctx.actor.kind === 'user' ? ctx.actor.scope : [];
  const places = query.region ? [query.region] : actorScope;
  const heading: TableHeading = {
    title: `Perlindungan segera berakhir: dalam ${query.days} hari`,
    lines: [
      `Wilayah: ${await areaName(ctx, places)} · ${printedBy(ctx)}`,
      `Berakhir ${longDate(today)} s.d. ${longDate(until)} dan belum ada periode berikutnya yang disetujui`,
      `${n(counts.workers)} pekerja di ${n(counts.villages)} desa/kelurahan`,
    ],
    footer: `Jaring · Perlindungan segera berakhir dalam ${query.days} hari`,
  };
  await recordAudit(ctx.db, ctx, {
    action: 'continuity.export',
    entity: 'enrollment',
    regionCode: places[0] ?? null,
    after: { format, rows: counts.workers, filter: query },
  });
  const rows = endingRows(ctx, { where, today, until }, villages);
  await (format === 'xlsx'
    ? writeXlsxTable(out, 'Segera berakhir', heading, XLSX_COLUMNS, rows)
    : writePdfTable(
        out,
        heading,
        PDF_COLUMNS,
        rows,
        `Tidak ada pekerja yang perlindungannya berakhir dalam ${query.days} hari tanpa periode berikutnya.`,
      ));
  return counts.workers;
}
