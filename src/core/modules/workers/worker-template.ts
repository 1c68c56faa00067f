import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { OCCUPATIONS, type OccupationClass } from '../../rules/occupations.ts';
import { WORKER_COLUMNS } from './worker-file-layout.ts';
import { SEGMENTS, type Segment } from './workers.schema.ts';

export const TEMPLATE_FILE_NAME = 'templat-pekerja-jaring.xlsx';

/** Rows of the template that carry the dropdowns; Excel users copy them further down if needed. */
const TEMPLATE_ROWS = 5_000;

const CLASS_LABEL: Record<OccupationClass, string> = {
  not_worker: 'bukan pekerja',
  wage_earner: 'penerima upah',
  non_asn: 'non-ASN',
  official: 'pejabat',
  village_official: 'perangkat desa',
  informal: 'pekerja informal (BPU)',
  profession: 'profesi',
};

const SEGMENT_LABEL: Record<Segment, string> = {
  pekerja_rentan: 'Pekerja rentan',
  perangkat_desa: 'Perangkat desa',
  bpd_rt_rw: 'Anggota BPD, ketua RT/RW',
  non_asn: 'Pegawai non-ASN (honorer)',
  kader: 'Kader (posyandu, PKK, dan lainnya)',
  lainnya: 'Lainnya',
};

const INSTRUCTIONS = [
  'Petunjuk pengisian templat pekerja Jaring',
  '1. Isi satu pekerja per baris di lembar "Pekerja", mulai baris 2. Jangan mengubah baris judul.',
  '2. Kolom wajib: nik, nama, tanggal_lahir, jenis_kelamin, kode_pekerjaan, dan kode_desa bila desa tidak dipilih saat unggah.',
  '3. NIK dan nomor KK 16 digit, KPJ 11 digit; ketik sebagai teks agar Excel tidak mengubahnya.',
  '4. Tanggal lahir berformat TTTT-BB-HH (mis. 1985-07-01) atau HH-BB-TTTT.',
  '5. Kode pekerjaan 1–89 dan nilai segmen ada di lembar "Kode".',
  '6. Arahkan kursor ke judul kolom untuk melihat catatan pengisiannya.',
  '7. Simpan sebagai .xlsx atau .csv, lalu unggah di menu Pekerja → Impor.',
];

/** Sheet "Kode": occupation codes (A–C) and segment values (E–F), for reading and for dropdowns. */
export function addCodeSheet(workbook: ExcelJS.Workbook): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet('Kode');
  sheet.columns = [
    { header: 'kode', key: 'code', width: 8 },
    { header: 'nama', key: 'name', width: 36 },
    { header: 'golongan', key: 'class', width: 24 },
    { header: '', key: 'gap', width: 4 },
    { header: 'segmen', key: 'segment', width: 18 },
    { header: 'keterangan', key: 'label', width: 36 },
  ];
  sheet.getRow(1).font = { bold: true };
  OCCUPATIONS.forEach((o, i) => {
    const segment = SEGMENTS[i];
    sheet
      .addRow({
        code: o.code,
        name: o.name,
        class: CLASS_LABEL[o.class],
        ...(segment ? { segment, label: SEGMENT_LABEL[segment] } : {}),
      })
      .commit();
  });
  return sheet;
}

function list(values: readonly string[] | string, error: string): ExcelJS.DataValidation {
  const formula = typeof values === 'string' ? values : `"${values.join(',')}"`;
  return { type: 'list', allowBlank: true, formulae: [formula], showErrorMessage: true, error };
}

/** The dropdowns, by layout header; exceljs writes a range address as one validation. */
const VALIDATIONS: Record<string, ExcelJS.DataValidation> = {
  jenis_kelamin: list(['L', 'P'], 'Isi L (laki-laki) atau P (perempuan).'),
  segmen: list(SEGMENTS, 'Pilih salah satu segmen dari daftar.'),
  kode_pekerjaan: list(
    `Kode!$A$2:$A$${OCCUPATIONS.length + 1}`,
    'Pilih kode pekerjaan 1–89 (lembar Kode).',
  ),
  desil: {
    type: 'whole',
    operator: 'between',
    allowBlank: true,
    formulae: [1, 10],
    showErrorMessage: true,
    error: 'Desil kesejahteraan 1–10.',
  },
  sumber_desil: list(['P3KE', 'DTSEN', 'lainnya'], 'Isi P3KE, DTSEN atau lainnya.'),
};

/** Identifiers and dates typed into these columns stay text (Excel would turn a NIK into 1.5E+15). */
const TEXT_COLUMNS = new Set(['nik', 'no_kk', 'tanggal_lahir', 'kode_desa', 'telepon', 'kpj']);

function addWorkerSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet('Pekerja', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = WORKER_COLUMNS.map((c) => ({
    header: c.header,
    key: c.header,
    width: Math.max(12, c.header.length + 4),
    ...(TEXT_COLUMNS.has(c.header) ? { style: { numFmt: '@' } } : {}),
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  WORKER_COLUMNS.forEach((c, i) => {
    header.getCell(i + 1).note = c.note;
  });
  // Worksheet.dataValidations exists in exceljs but is missing from its type declarations.
  const validations = (
    sheet as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations;
  WORKER_COLUMNS.forEach((c, i) => {
    const validation = VALIDATIONS[c.header];
    const col = sheet.getColumn(i + 1).letter;
    if (validation) validations.add(`${col}2:${col}${TEMPLATE_ROWS + 1}`, validation);
  });
}

/** The empty worker file (layout v1) with notes, dropdowns, the code lists and instructions. */
export async function writeWorkerTemplate(out: Writable): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Jaring';
  addWorkerSheet(workbook);
  addCodeSheet(workbook);
  const help = workbook.addWorksheet('Petunjuk');
  help.getColumn(1).width = 110;
  for (const line of INSTRUCTIONS) help.addRow([line]);
  help.getRow(1).font = { bold: true };
  // A few dozen kilobytes: written whole, so the stream always ends after the last byte.
  out.end(Buffer.from(await workbook.xlsx.writeBuffer()));
}
