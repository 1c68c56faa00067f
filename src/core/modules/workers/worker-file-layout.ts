import type { WorkerInput } from './workers.schema.ts';

/**
 * Jaring's own worker file layout (XLSX and CSV), version 1: the template, the export and the
 * rejected-rows file use it, so an export re-imports and a fixed rejected file uploads again.
 * Header names are matched tolerantly on import (see HEADER_ALIASES).
 */
export const WORKER_LAYOUT_VERSION = 1;

export interface LayoutColumn {
  key: keyof WorkerInput;
  header: string;
  /** A note for the template's header row. */
  note: string;
}

export const WORKER_COLUMNS: readonly LayoutColumn[] = [
  { key: 'nik', header: 'nik', note: 'NIK 16 digit sesuai KTP (wajib)' },
  { key: 'kk', header: 'no_kk', note: 'Nomor Kartu Keluarga 16 digit' },
  { key: 'fullName', header: 'nama', note: 'Nama lengkap sesuai KTP (wajib)' },
  { key: 'birthPlace', header: 'tempat_lahir', note: 'Tempat lahir' },
  {
    key: 'birthDate',
    header: 'tanggal_lahir',
    note: 'Tanggal lahir TTTT-BB-HH atau HH-BB-TTTT (wajib)',
  },
  { key: 'sex', header: 'jenis_kelamin', note: 'L atau P (wajib)' },
  {
    key: 'villageCode',
    header: 'kode_desa',
    note: 'Kode desa/kelurahan Kemendagri, mis. 15.08.01.2001 (wajib bila tidak dipilih di formulir)',
  },
  { key: 'address', header: 'alamat', note: 'Alamat' },
  { key: 'dusun', header: 'dusun', note: 'Dusun' },
  { key: 'rw', header: 'rw', note: 'RW' },
  { key: 'rt', header: 'rt', note: 'RT' },
  { key: 'phone', header: 'telepon', note: 'Nomor telepon' },
  {
    key: 'occupationCode',
    header: 'kode_pekerjaan',
    note: 'Kode pekerjaan 1–89 (lembar Kode) (wajib)',
  },
  {
    key: 'segment',
    header: 'segmen',
    note: 'pekerja_rentan, perangkat_desa, bpd_rt_rw, non_asn, kader, lainnya',
  },
  { key: 'welfareDecile', header: 'desil', note: 'Desil kesejahteraan 1–10 (P3KE/DTSEN)' },
  { key: 'decileSource', header: 'sumber_desil', note: 'P3KE, DTSEN atau lainnya' },
  { key: 'decileYear', header: 'tahun_desil', note: 'Tahun data desil' },
  {
    key: 'declaredIncome',
    header: 'penghasilan',
    note: 'Penghasilan per bulan dalam rupiah (bawaan 1000000)',
  },
  { key: 'kpj', header: 'kpj', note: 'Nomor KPJ BPJS Ketenagakerjaan 11 digit, bila ada' },
];

/**
 * Header names seen in files offices already have (OpenSID's resident register, BNBA lists),
 * compared after lower-casing and removing spaces, dots, dashes and underscores.
 */
export const HEADER_ALIASES: Record<string, keyof WorkerInput> = {
  nik: 'nik',
  noktp: 'nik',
  nomorinduk: 'nik',
  nomorindukkependudukan: 'nik',
  nokk: 'kk',
  kk: 'kk',
  nomorkk: 'kk',
  nama: 'fullName',
  namalengkap: 'fullName',
  tempatlahir: 'birthPlace',
  tanggallahir: 'birthDate',
  tgllahir: 'birthDate',
  jeniskelamin: 'sex',
  sex: 'sex',
  jk: 'sex',
  kodedesa: 'villageCode',
  kodewilayah: 'villageCode',
  desa: 'villageCode',
  alamat: 'address',
  dusun: 'dusun',
  rw: 'rw',
  rt: 'rt',
  telepon: 'phone',
  nohp: 'phone',
  hp: 'phone',
  kodepekerjaan: 'occupationCode',
  pekerjaanid: 'occupationCode',
  segmen: 'segment',
  desil: 'welfareDecile',
  sumberdesil: 'decileSource',
  tahundesil: 'decileYear',
  penghasilan: 'declaredIncome',
  kpj: 'kpj',
  nokpj: 'kpj',
};

export function headerKey(header: string): string {
  return header.toLowerCase().replace(/[\s._\-/]/g, '');
}
