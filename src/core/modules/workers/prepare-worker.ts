import { inArray } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { jakartaDate } from '../../context.ts';
import { isWithinScope } from '../../access/scope.ts';
import type { Db } from '../../db/client.ts';
import { region } from '../../db/schema/regions.ts';
import type { StoredWarning } from '../../db/schema/workers.ts';
import { DomainError } from '../../errors.ts';
import { checkNik, nikDistrictCode, normaliseNik } from '../../rules/nik.ts';
import { findOccupation } from '../../rules/occupations.ts';
import { normaliseRegionCode } from '../../rules/region-code.ts';
import type { WorkerInputParsed } from './workers.schema.ts';
import { nameKeyOf, type NewWorkerRow } from './workers.repository.ts';

function invalid(path: string, message: string, code = 'VALIDATION'): DomainError {
  return new DomainError('VALIDATION', message, { issues: [{ path, message, code }] });
}

const digits = (v: string | undefined) => (v ? v.replace(/\D/g, '') : null);

/** What the rules need to know of the regions a set of inputs names (villages, NIK districts). */
export type RegionFacts = Map<string, { level: string; retiredAt: Date | null }>;

/** One query for the villages and NIK districts of many inputs (an import chunk reads them once). */
export async function loadRegionFacts(
  db: Db,
  inputs: Pick<WorkerInputParsed, 'villageCode' | 'nik'>[],
): Promise<RegionFacts> {
  const codes = new Set<string>();
  for (const input of inputs) {
    const village = normaliseRegionCode(input.villageCode);
    if (village) codes.add(village);
    const district = nikDistrictCode(normaliseNik(input.nik));
    if (district) codes.add(district);
  }
  const facts: RegionFacts = new Map();
  if (codes.size === 0) return facts;
  const rows = await db
    .select({ code: region.code, level: region.level, retiredAt: region.retiredAt })
    .from(region)
    .where(inArray(region.code, [...codes]));
  for (const r of rows) facts.set(r.code, { level: r.level, retiredAt: r.retiredAt });
  return facts;
}

/**
 * Turns valid input into a worker row: NIK rules of DOMAIN §4 (errors refuse, warnings are kept
 * for review), the village must exist and lie in the actor's scope. The import uses the same.
 */
export async function prepareWorker(
  ctx: Ctx,
  db: Db,
  input: WorkerInputParsed,
): Promise<PreparedWorker> {
  return prepareWorkerWith(ctx, input, await loadRegionFacts(db, [input]));
}

export interface PreparedWorker {
  row: Omit<NewWorkerRow, 'id'>;
  warnings: StoredWarning[];
}

/** As prepareWorker, with the regions already looked up: no database work, for batches. */
export function prepareWorkerWith(
  ctx: Ctx,
  input: WorkerInputParsed,
  facts: RegionFacts,
): PreparedWorker {
  const villageCode = normaliseRegionCode(input.villageCode);
  const nik = normaliseNik(input.nik);
  const village = villageCode ? facts.get(villageCode) : undefined;
  if (!villageCode || !village || village.level !== 'village' || village.retiredAt !== null) {
    throw invalid(
      'villageCode',
      `Desa/kelurahan ${input.villageCode} tidak ada dalam daftar wilayah yang berlaku.`,
    );
  }
  if (!isWithinScope(ctx.actor, villageCode)) {
    throw new DomainError(
      'FORBIDDEN',
      `Desa/kelurahan ${villageCode} di luar wilayah kerja Anda.`,
      {
        issues: [
          {
            path: 'villageCode',
            message: `Desa/kelurahan ${villageCode} di luar wilayah kerja Anda.`,
          },
        ],
      },
    );
  }
  const check = checkNik(nik, {
    today: jakartaDate(ctx.now()),
    // Retired districts count: people keep the NIK they got before a split.
    districtExists: (code) => facts.get(code)?.level === 'district',
    stated: { birthDate: input.birthDate, sex: input.sex, villageCode },
  });
  if (check.errors.length > 0) {
    const issues = check.errors.map((e) => ({ path: 'nik', message: e.message, code: e.code }));
    throw new DomainError('VALIDATION', issues[0]!.message, { issues });
  }
  if (input.birthDate > jakartaDate(ctx.now()))
    throw invalid('birthDate', 'Tanggal lahir tidak boleh di masa depan.');
  if (!findOccupation(input.occupationCode))
    throw invalid('occupationCode', 'Kode pekerjaan harus 1–89.');
  return {
    row: {
      nik,
      kk: digits(input.kk),
      fullName: input.fullName.replace(/\s+/g, ' '),
      nameKey: nameKeyOf(input.fullName),
      birthPlace: input.birthPlace ?? null,
      birthDate: input.birthDate,
      sex: input.sex,
      villageCode,
      address: input.address ?? null,
      dusun: input.dusun ?? null,
      rw: input.rw ?? null,
      rt: input.rt ?? null,
      phone: input.phone ?? null,
      occupationCode: input.occupationCode,
      segment: input.segment,
      welfareDecile: input.welfareDecile ?? null,
      decileSource: input.decileSource ?? null,
      decileYear: input.decileYear ?? null,
      declaredIncome: input.declaredIncome,
      kpj: digits(input.kpj),
    },
    warnings: check.warnings.map((w) => ({ code: w.code, message: w.message, confirmed: false })),
  };
}

/** Warnings an operator already confirmed stay confirmed while they say the same. */
export function mergeWarnings(previous: StoredWarning[], next: StoredWarning[]): StoredWarning[] {
  return next.map((w) => ({
    ...w,
    confirmed: previous.some((p) => p.confirmed && p.code === w.code && p.message === w.message),
  }));
}
