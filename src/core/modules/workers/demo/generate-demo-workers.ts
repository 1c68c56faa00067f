import { checkNik } from '../../../rules/nik.ts';
import { OCCUPATIONS } from '../../../rules/occupations.ts';
import { nameKeyOf, type NewWorkerRow } from '../workers.repository.ts';
import {
  BIRTHPLACES,
  DUSUN_NAMES,
  FEMALE_GIVEN_NAMES,
  FEMALE_SECOND_NAMES,
  MALE_GIVEN_NAMES,
  MALE_SECOND_NAMES,
  NOT_ALONE,
  STREETS,
} from './demo-names.ts';

export interface DemoVillage {
  code: string;
  /** desa | kelurahan | desa_adat: kelurahan have no dusun and no perangkat desa. */
  kind: string | null;
}

export interface DemoInput {
  villages: readonly DemoVillage[];
  /** Districts in force of the regencies concerned: the offices that may have issued a NIK. */
  districts: readonly string[];
  count: number;
  seed: number;
  /** YYYY-MM-DD in Asia/Jakarta. */
  today: string;
}

export type DemoWorkerRow = Omit<NewWorkerRow, 'id'>;

/** mulberry32: a tiny seeded PRNG, so that the same seed gives the same workers (idempotence). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Dice {
  constructor(readonly next: () => number) {}
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) if ((r -= w) < 0) return item;
    return items[items.length - 1]![0];
  }
}

function occupationCode(name: string): number {
  const o = OCCUPATIONS.find((x) => x.name === name);
  if (!o) throw new Error(`occupation ${name} is not in the code list`);
  return o.code;
}

/**
 * Shares for rural Jambi (rubber and oil-palm smallholders): weights for men, for women, and an
 * upper age for students. Roughly 45 % farmers, 15 % farm labourers, 10 % traders, 8 % self-employed.
 */
const OCCUPATION_SHARES: readonly (readonly [number, number, number, number?])[] = [
  [occupationCode('PETANI/PEKEBUN'), 45, 45],
  [occupationCode('BURUH TANI/PERKEBUNAN'), 17, 13],
  [occupationCode('PEDAGANG'), 7, 13],
  [occupationCode('WIRASWASTA'), 9, 7],
  [occupationCode('BURUH HARIAN LEPAS'), 7, 3],
  [occupationCode('NELAYAN/PERIKANAN'), 5, 1],
  [occupationCode('SOPIR'), 5, 0],
  [occupationCode('TUKANG BATU'), 2, 0],
  [occupationCode('TUKANG KAYU'), 2, 0],
  [occupationCode('PETERNAK'), 2, 2],
  [occupationCode('MENGURUS RUMAH TANGGA'), 0, 9],
  [occupationCode('PELAJAR/MAHASISWA'), 15, 15, 24],
];
const VILLAGE_OFFICIAL = occupationCode('PERANGKAT DESA');

function pickOccupation(d: Dice, sex: 'L' | 'P', age: number): number {
  return d.weighted(
    OCCUPATION_SHARES.map(([code, men, women, maxAge]) => {
      const w = sex === 'L' ? men : women;
      return [code, maxAge === undefined ? w : age <= maxAge ? w : 0] as const;
    }),
  );
}

/** P3KE / DTSEN deciles (1 = poorest): about 70 % in deciles 1–4 among registered workers. */
const DECILES = [20, 18, 17, 15, 9, 7, 5, 4, 3, 2].map((w, i) => [i + 1, w] as const);
const PHONE_PREFIXES = ['12', '13', '21', '22', '23', '52', '53', '11', '77', '78', '95', '96'];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Days since 1970-01-01 ↔ YYYY-MM-DD. */
const isoOf = (days: number) => new Date(days * 86_400_000).toISOString().slice(0, 10);
const daysOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** Workers per village: a random weight of 50–250 each, scaled so that the sum is exactly `count`. */
function allocateVillages(d: Dice, villages: number, count: number): number[] {
  if (villages === 0) return [];
  const weights = Array.from({ length: villages }, () => d.int(50, 250));
  const total = weights.reduce((s, w) => s + w, 0);
  const shares = weights.map((w) => Math.floor((w / total) * count));
  let rest = count - shares.reduce((s, n) => s + n, 0);
  for (let i = 0; rest > 0; i = (i + 1) % villages, rest--) shares[i]! += 1;
  return shares;
}

function fullName(d: Dice, sex: 'L' | 'P'): string {
  const given = sex === 'L' ? MALE_GIVEN_NAMES : FEMALE_GIVEN_NAMES;
  const second = sex === 'L' ? MALE_SECOND_NAMES : FEMALE_SECOND_NAMES;
  const first = d.pick(given);
  const r = d.next();
  if (r < 0.1 && !NOT_ALONE.has(first)) return first;
  if (r < 0.85) return `${first} ${d.pick(second)}`;
  const middle = d.pick(given);
  return middle === first ? `${first} ${d.pick(second)}` : `${first} ${middle} ${d.pick(second)}`;
}

/**
 * A NIK for a person born on `birthDate` (women add 40 to the day), issued in `district`, with a
 * serial not yet used for that district and date in this set. Real serials are small numbers.
 */
function makeNik(d: Dice, district: string, birthDate: string, sex: 'L' | 'P', used: Set<string>) {
  const [y, m, day] = birthDate.split('-').map(Number) as [number, number, number];
  const head = `${district.replace(/\./g, '')}${pad(sex === 'P' ? day + 40 : day)}${pad(m)}${pad(y % 100)}`;
  for (let attempt = 0; ; attempt++) {
    const nik = `${head}${pad(d.int(1, attempt < 50 ? 300 : 9999), 4)}`;
    if (!used.has(nik)) {
      used.add(nik);
      return nik;
    }
  }
}

interface VillageSetting {
  village: DemoVillage;
  district: string;
  otherDistricts: string[];
  dusun: string[];
  streets: string[];
}

function settingOf(d: Dice, village: DemoVillage, districts: readonly string[]): VillageSetting {
  const district = village.code.slice(0, 8);
  const regency = village.code.slice(0, 5);
  const isKelurahan = village.kind === 'kelurahan';
  const start = d.int(0, DUSUN_NAMES.length - 1);
  const dusunCount = d.int(2, 5);
  return {
    village,
    district,
    otherDistricts: districts.filter((c) => c.startsWith(`${regency}.`) && c !== district),
    dusun: isKelurahan
      ? []
      : Array.from(
          { length: dusunCount },
          (_, i) => DUSUN_NAMES[(start + i) % DUSUN_NAMES.length]!,
        ),
    streets: [d.pick(STREETS), d.pick(STREETS)],
  };
}

function address(d: Dice, s: VillageSetting) {
  const dusunIndex = s.dusun.length ? d.int(0, s.dusun.length - 1) : -1;
  const rw = pad(dusunIndex >= 0 ? dusunIndex + 1 : d.int(1, 8), 3);
  const rt = pad(d.int(1, dusunIndex >= 0 ? 6 : 12), 3);
  return {
    dusun: dusunIndex >= 0 ? s.dusun[dusunIndex]! : null,
    rw,
    rt,
    address: `${d.pick(s.streets)} RT ${rt}`,
  };
}

function phone(d: Dice): string | null {
  if (!d.chance(0.6)) return null;
  return `08${d.pick(PHONE_PREFIXES)}-${pad(d.int(0, 9999), 4)}-${pad(d.int(0, 9999), 4)}`;
}

interface Identity {
  nik: string;
  birthDate: string;
  sex: 'L' | 'P';
  age: number;
}

/**
 * Birth dates from 1 January of (year − 64) to 31 December of (year − 19): ages 18–64 on any day
 * of the year, and the same NIKs for the same seed all year long. About 10 % of NIKs were issued
 * in another district of the regency (people move), 3 % encode a birth date a day or two off and
 * 0.5 % the other sex, as in real registers.
 */
function identity(d: Dice, s: VillageSetting, today: string, used: Set<string>): Identity {
  const year = Number(today.slice(0, 4));
  const from = daysOf(`${year - 64}-01-01`);
  const birthDate = isoOf(d.int(from, daysOf(`${year - 19}-12-31`)));
  const sex = d.chance(0.5) ? 'L' : 'P';
  const district = s.otherDistricts.length && d.chance(0.1) ? d.pick(s.otherDistricts) : s.district;
  const nikDate = d.chance(0.03) ? isoOf(daysOf(birthDate) + d.pick([-2, -1, 1, 2])) : birthDate;
  const nikSex = d.chance(0.005) ? (sex === 'L' ? 'P' : 'L') : sex;
  const age = year - Number(birthDate.slice(0, 4)) - (birthDate.slice(5) > today.slice(5) ? 1 : 0);
  return { nik: makeNik(d, district, nikDate, nikSex, used), birthDate, sex, age };
}

function kk(d: Dice, s: VillageSetting): string {
  const issued = `${pad(d.int(1, 28))}${pad(d.int(1, 12))}${pad(d.int(8, 24))}`;
  return `${s.district.replace(/\./g, '')}${issued}${pad(d.int(1, 9999), 4)}`;
}

function income(d: Dice, official: boolean): number {
  if (official) return d.int(20, 30) * 100_000;
  return d.chance(0.85) ? 1_000_000 : d.int(15, 30) * 100_000;
}

interface Run {
  today: string;
  districts: ReadonlySet<string>;
  used: Set<string>;
}

function workerRow(d: Dice, s: VillageSetting, run: Run, official: boolean): DemoWorkerRow {
  const who = identity(d, s, run.today, run.used);
  const name = fullName(d, who.sex);
  const check = checkNik(who.nik, {
    today: run.today,
    districtExists: (code) => run.districts.has(code),
    stated: { birthDate: who.birthDate, sex: who.sex, villageCode: s.village.code },
  });
  if (check.errors.length) throw new Error(`demo NIK ${who.nik}: ${check.errors[0]!.message}`);
  const source = d.chance(0.5) ? 'P3KE' : 'DTSEN';
  return {
    nik: who.nik,
    kk: kk(d, s),
    fullName: name,
    nameKey: nameKeyOf(name),
    birthPlace: d.weighted(BIRTHPLACES),
    birthDate: who.birthDate,
    sex: who.sex,
    villageCode: s.village.code,
    ...address(d, s),
    phone: phone(d),
    occupationCode: official ? VILLAGE_OFFICIAL : pickOccupation(d, who.sex, who.age),
    segment: official ? 'perangkat_desa' : 'pekerja_rentan',
    welfareDecile: d.weighted(DECILES),
    decileSource: source,
    // P3KE was last updated for 2024; DTSEN replaced it in 2025.
    decileYear: source === 'P3KE' ? 2024 : 2025,
    declaredIncome: income(d, official),
    warnings: check.warnings.map((w) => ({ code: w.code, message: w.message, confirmed: false })),
    openWarnings: check.warnings.length,
  };
}

/**
 * Demo workers for the given villages, the same for the same input: a valid NIK each (unique in
 * the set), names, ages, occupations and deciles in plausible shares, one village official per
 * desa (kelurahan are run by civil servants).
 */
export function* generateDemoWorkers(input: DemoInput): Generator<DemoWorkerRow> {
  const d = new Dice(mulberry32(input.seed));
  const perVillage = allocateVillages(d, input.villages.length, input.count);
  const run: Run = { today: input.today, districts: new Set(input.districts), used: new Set() };
  for (const [i, village] of input.villages.entries()) {
    const s = settingOf(d, village, input.districts);
    const hasOfficial = village.kind !== 'kelurahan';
    for (let n = 0; n < perVillage[i]!; n++) yield workerRow(d, s, run, hasOfficial && n === 0);
  }
}
