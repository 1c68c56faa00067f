import { MONTH_NAMES } from '../../rules/indonesian.ts';
import type { EligibilityProgram, EligibilityWorker } from '../../rules/eligibility.ts';
import type { ProgramRow } from '../programs/load-program.ts';
import type { Overlap } from './enrollment.repository.ts';

/** "Januari–Desember 2027", "November 2026 – Maret 2027", "Mei 2027" for first days of months. */
export function monthRange(first: string, last: string): string {
  const name = (d: string) => MONTH_NAMES[Number(d.slice(5, 7)) - 1]!;
  const fy = first.slice(0, 4);
  const ly = last.slice(0, 4);
  if (first.slice(0, 7) === last.slice(0, 7)) return `${name(first)} ${fy}`;
  if (fy === ly) return `${name(first)}–${name(last)} ${fy}`;
  return `${name(first)} ${fy} – ${name(last)} ${ly}`;
}

export function overlapMessage(o: Overlap): string {
  return `Sudah dibiayai program "${o.programName}" untuk ${monthRange(o.firstMonth, o.lastMonth)}; satu pekerja hanya satu kursi dalam satu bulan.`;
}

/** The fields of a worker row the eligibility rules read (proposals, replacements, renewals). */
export function eligibilityInput(w: EligibilityWorker): EligibilityWorker {
  return {
    birthDate: w.birthDate,
    segment: w.segment,
    occupationCode: w.occupationCode,
    welfareDecile: w.welfareDecile,
    lifeStatus: w.lifeStatus,
    deathDate: w.deathDate,
    movedDate: w.movedDate,
    mergedInto: w.mergedInto,
    villageKind: w.villageKind,
    openWarnings: w.openWarnings,
  };
}

/** The parts of a program the eligibility rules read. */
export function eligibilityOf(program: ProgramRow): EligibilityProgram {
  return {
    firstMonth: program.firstMonth,
    lastMonth: program.lastMonth,
    eligibility: program.eligibility,
    villageKinds: program.quota.villageKinds,
  };
}
