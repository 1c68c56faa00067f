import type {
  Segment,
  WorkerDetail,
  WorkerInput,
  WorkerPatch,
} from '../../../core/modules/workers/workers.schema.ts';
import { normaliseNik } from '../../../core/rules/nik.ts';

/** What the form holds: text as typed ('' for empty), numbers where Mantine gives numbers. */
export interface WorkerFormValues {
  nik: string;
  kk: string;
  fullName: string;
  birthPlace: string;
  birthDate: string;
  sex: '' | 'L' | 'P';
  villageCode: string;
  address: string;
  dusun: string;
  rw: string;
  rt: string;
  phone: string;
  occupationCode: string;
  segment: Segment;
  welfareDecile: string;
  decileSource: string;
  decileYear: string | number;
  declaredIncome: string | number;
  kpj: string;
}

export const FORM_FIELDS = [
  'nik',
  'kk',
  'fullName',
  'birthPlace',
  'birthDate',
  'sex',
  'villageCode',
  'address',
  'dusun',
  'rw',
  'rt',
  'phone',
  'occupationCode',
  'segment',
  'welfareDecile',
  'decileSource',
  'decileYear',
  'declaredIncome',
  'kpj',
] as const satisfies readonly (keyof WorkerFormValues)[];
export type FormField = (typeof FORM_FIELDS)[number];

export const DEFAULT_INCOME = 1_000_000;

export function emptyValues(villageCode = ''): WorkerFormValues {
  return {
    nik: '',
    kk: '',
    fullName: '',
    birthPlace: '',
    birthDate: '',
    sex: '',
    villageCode,
    address: '',
    dusun: '',
    rw: '',
    rt: '',
    phone: '',
    occupationCode: '',
    segment: 'pekerja_rentan',
    welfareDecile: '',
    decileSource: '',
    decileYear: '',
    declaredIncome: DEFAULT_INCOME,
    kpj: '',
  };
}

/**
 * The stored worker as form values. NIK, KK and KPJ stay empty: the detail carries them masked
 * and opening them is audited, so the edit form sends them only when retyped.
 */
export function valuesFromDetail(w: WorkerDetail): WorkerFormValues {
  return {
    ...emptyValues(w.villageCode),
    fullName: w.fullName,
    birthPlace: w.birthPlace ?? '',
    birthDate: w.birthDate,
    sex: w.sex,
    address: w.address ?? '',
    dusun: w.dusun ?? '',
    rw: w.rw ?? '',
    rt: w.rt ?? '',
    phone: w.phone ?? '',
    occupationCode: String(w.occupationCode),
    segment: w.segment,
    welfareDecile: w.welfareDecile === null ? '' : String(w.welfareDecile),
    decileSource: w.decileSource ?? '',
    decileYear: w.decileYear ?? '',
    declaredIncome: w.declaredIncome,
  };
}

const text = (v: string) => (v.trim() ? v.trim() : undefined);
const digits = (v: string) => (v.trim() ? v.replace(/[\s.-]/g, '') : undefined);
const num = (v: string | number) => (v === '' ? undefined : Number(v));

/** The body of POST /api/workers; the zod schema runs on it before sending. */
export function toInput(v: WorkerFormValues): WorkerInput {
  return {
    nik: normaliseNik(v.nik),
    kk: digits(v.kk),
    fullName: v.fullName.trim(),
    birthPlace: text(v.birthPlace),
    birthDate: v.birthDate,
    sex: (v.sex || undefined) as WorkerInput['sex'],
    villageCode: v.villageCode,
    address: text(v.address),
    dusun: text(v.dusun),
    rw: text(v.rw),
    rt: text(v.rt),
    phone: text(v.phone),
    occupationCode: num(v.occupationCode) ?? undefined,
    segment: v.segment,
    welfareDecile: num(v.welfareDecile),
    decileSource: (text(v.decileSource) ?? undefined) as WorkerInput['decileSource'],
    decileYear: num(v.decileYear),
    declaredIncome: num(v.declaredIncome),
    kpj: digits(v.kpj),
  };
}

const CLEARABLE = new Set<FormField>([
  'birthPlace',
  'address',
  'dusun',
  'rw',
  'rt',
  'phone',
  'welfareDecile',
  'decileSource',
  'decileYear',
]);

/**
 * Only what changed against the stored worker. NIK, KK and KPJ are sent when typed. An optional
 * field emptied by the user is sent as null, which clears it.
 */
export function toPatch(v: WorkerFormValues, original: WorkerFormValues): WorkerPatch {
  const full = toInput(v);
  const patch: Record<string, unknown> = {};
  for (const field of FORM_FIELDS) {
    if (field === 'nik' || field === 'kk' || field === 'kpj') {
      if (v[field].trim()) patch[field] = full[field];
      continue;
    }
    if (String(v[field]).trim() === String(original[field]).trim()) continue;
    const value = full[field];
    if (value !== undefined) patch[field] = value;
    else if (CLEARABLE.has(field)) patch[field] = null;
  }
  return patch;
}
