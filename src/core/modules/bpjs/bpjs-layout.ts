/**
 * The exchange layout with the BPJS Ketenagakerjaan branch (DOMAIN §11: no public API or official
 * format is known, so Jaring documents its own), version 1: the one source of the columns for the
 * batch sent to BPJS and for the answer read back. docs/bpjs-exchange-layout.md describes it for
 * the branch; a change of columns is a new version there and here.
 *
 * The batch file carries the answer columns empty, so the branch fills them in the same file and
 * sends it back; the answer is read by header name (tolerantly), not by position.
 */
export const BPJS_LAYOUT_VERSION = 1;

/** What the batch carries for one worker (an enrollment sent to BPJS). */
export interface BatchRow {
  enrollmentId: string;
  nik: string;
  name: string;
  birthDate: string;
  sex: string;
  villageCode: string;
  village: string;
  district: string;
  regency: string;
  dusun: string | null;
  rw: string | null;
  rt: string | null;
  address: string | null;
  occupationCode: number;
  occupation: string;
  declaredIncome: number;
  package: string;
  firstMonth: string;
  lastMonth: string;
  funderType: string;
  budgetReference: string | null;
  programId: string;
  programName: string;
}

/** The answer columns the branch fills in. */
export type AnswerKey = 'result' | 'reason' | 'kpj' | 'effectiveDate';
export type ColumnKey = keyof BatchRow | AnswerKey;

export interface BpjsColumn {
  key: ColumnKey;
  header: string;
  /** For the description sheet and the documentation. */
  note: string;
  answer?: true;
}

export const BPJS_COLUMNS: readonly BpjsColumn[] = [
  {
    key: 'enrollmentId',
    header: 'id_kepesertaan',
    note: 'Nomor kepesertaan di Jaring (jangan diubah)',
  },
  { key: 'nik', header: 'nik', note: 'NIK 16 digit' },
  { key: 'name', header: 'nama', note: 'Nama lengkap sesuai KTP' },
  { key: 'birthDate', header: 'tanggal_lahir', note: 'TTTT-BB-HH' },
  { key: 'sex', header: 'jenis_kelamin', note: 'L atau P' },
  { key: 'villageCode', header: 'kode_desa', note: 'Kode desa/kelurahan Kemendagri' },
  { key: 'village', header: 'desa', note: 'Nama desa/kelurahan' },
  { key: 'district', header: 'kecamatan', note: 'Nama kecamatan' },
  { key: 'regency', header: 'kabupaten', note: 'Nama kabupaten/kota' },
  { key: 'dusun', header: 'dusun', note: 'Dusun' },
  { key: 'rw', header: 'rw', note: 'RW' },
  { key: 'rt', header: 'rt', note: 'RT' },
  { key: 'address', header: 'alamat', note: 'Alamat (jalan, nomor rumah)' },
  { key: 'occupationCode', header: 'kode_pekerjaan', note: 'Kode pekerjaan Dukcapil 1–89' },
  { key: 'occupation', header: 'pekerjaan', note: 'Nama pekerjaan' },
  {
    key: 'declaredIncome',
    header: 'penghasilan',
    note: 'Penghasilan yang dilaporkan, rupiah per bulan',
  },
  { key: 'package', header: 'program_bpjs', note: 'Program jaminan, mis. JKK+JKM' },
  { key: 'firstMonth', header: 'bulan_awal', note: 'Bulan iuran pertama TTTT-BB' },
  { key: 'lastMonth', header: 'bulan_akhir', note: 'Bulan iuran terakhir TTTT-BB' },
  {
    key: 'funderType',
    header: 'sumber_dana',
    note: 'Jenis pemberi dana (kode, mis. apbd_kabkota)',
  },
  { key: 'budgetReference', header: 'referensi_anggaran', note: 'Nomor DPA / baris APBDes' },
  { key: 'programId', header: 'id_program', note: 'Nomor program di Jaring' },
  { key: 'programName', header: 'nama_program', note: 'Nama program perlindungan' },
  { key: 'result', header: 'hasil', note: 'Diisi BPJS: diterima atau ditolak', answer: true },
  { key: 'reason', header: 'alasan', note: 'Diisi BPJS: alasan bila ditolak', answer: true },
  { key: 'kpj', header: 'kpj', note: 'Diisi BPJS: nomor KPJ 11 digit bila diterima', answer: true },
  {
    key: 'effectiveDate',
    header: 'tanggal_efektif',
    note: 'Diisi BPJS: tanggal mulai perlindungan TTTT-BB-HH bila diterima',
    answer: true,
  },
];

/**
 * Header names an answer may come back with (an office renames a column, or uses its own words),
 * compared after headerKey(). Only the columns the import needs are looked for.
 */
export const ANSWER_ALIASES: Record<string, 'enrollmentId' | 'nik' | 'name' | AnswerKey> = {
  idkepesertaan: 'enrollmentId',
  enrollmentid: 'enrollmentId',
  nik: 'nik',
  noktp: 'nik',
  nomorinduk: 'nik',
  nomorindukkependudukan: 'nik',
  nama: 'name',
  namalengkap: 'name',
  namapeserta: 'name',
  hasil: 'result',
  hasilpendaftaran: 'result',
  status: 'result',
  statuspendaftaran: 'result',
  result: 'result',
  alasan: 'reason',
  alasanpenolakan: 'reason',
  alasanditolak: 'reason',
  keterangan: 'reason',
  reason: 'reason',
  kpj: 'kpj',
  nokpj: 'kpj',
  nomorkpj: 'kpj',
  nomorpeserta: 'kpj',
  tanggalefektif: 'effectiveDate',
  tglefektif: 'effectiveDate',
  tanggalmulai: 'effectiveDate',
  tmt: 'effectiveDate',
  effectivedate: 'effectiveDate',
};

/** "Tanggal Efektif", "tanggal_efektif" and "TANGGAL-EFEKTIF" meet. */
export function headerKey(header: string): string {
  return header.toLowerCase().replace(/[\s._\-/]/g, '');
}

const ACCEPTED = new Set(['diterima', 'terima', 'accepted', 'aktif', 'berhasil', 'ya', 'y']);
const REJECTED = new Set(['ditolak', 'tolak', 'rejected', 'gagal', 'tidak', 't']);

/** The branch's word for the result, or null when it is neither. */
export function parseResult(value: string): 'accepted' | 'rejected' | null {
  const v = value.trim().toLowerCase();
  if (ACCEPTED.has(v)) return 'accepted';
  if (REJECTED.has(v)) return 'rejected';
  return null;
}

/** Digits of a NIK or KPJ as a spreadsheet may give them back (a leading apostrophe, spaces, dots). */
export function digitsOf(value: string): string {
  return value.replace(/^'/, '').replace(/[\s.-]/g, '');
}

function validDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return null;
  return date.toISOString().slice(0, 10);
}

/** TTTT-BB-HH, HH-BB-TTTT or HH/BB/TTTT (an Excel date cell reads as TTTT-BB-HH) → YYYY-MM-DD. */
export function parseAnswerDate(value: string): string | null {
  const v = value.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
  if (m) return validDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(v);
  if (m) return validDate(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

/** The batch's file name: the layout version is in it (a CSV has no place for a note). */
export function batchFileName(batchId: string, format: 'xlsx' | 'csv'): string {
  const id = batchId.replace(/[^0-9a-f]/gi, '').slice(0, 8) || 'kiriman';
  return `bpjs-kirim-v${BPJS_LAYOUT_VERSION}-${id}.${format}`;
}
