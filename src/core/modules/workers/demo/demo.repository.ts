import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../db/client.ts';
import type { DemoVillage, DemoWorkerRow } from './generate-demo-workers.ts';

/** Villages in force at or below a region, in code order (a prefix scan on the primary key). */
export async function listVillagesBelow(db: Db, code: string): Promise<DemoVillage[]> {
  return queryRows<DemoVillage>(
    db,
    sql`SELECT code, kind FROM region
      WHERE level = 'village' AND retired_at IS NULL AND (code = ${code} OR code LIKE ${`${code}.%`})
      ORDER BY code`,
  );
}

/** Districts in force of the given regencies: the offices that may have issued their NIKs. */
export async function listDistrictsOf(db: Db, regencies: string[]): Promise<string[]> {
  if (regencies.length === 0) return [];
  const rows = await queryRows<{ code: string }>(
    db,
    sql`SELECT code FROM region
      WHERE level = 'district' AND retired_at IS NULL AND left(code, 5) IN ${regencies}
      ORDER BY code`,
  );
  return rows.map((r) => r.code);
}

const COLUMNS = sql.raw(
  [
    'nik',
    'kk',
    'full_name',
    'name_key',
    'birth_place',
    'birth_date',
    'sex',
    'village_code',
    'address',
    'dusun',
    'rw',
    'rt',
    'phone',
    'occupation_code',
    'segment',
    'welfare_decile',
    'decile_source',
    'decile_year',
    'declared_income',
    'warnings',
    'open_warnings',
  ].join(', '),
);

function toRecord(r: DemoWorkerRow) {
  return {
    nik: r.nik,
    kk: r.kk,
    full_name: r.fullName,
    name_key: r.nameKey,
    birth_place: r.birthPlace,
    birth_date: r.birthDate,
    sex: r.sex,
    village_code: r.villageCode,
    address: r.address,
    dusun: r.dusun,
    rw: r.rw,
    rt: r.rt,
    phone: r.phone,
    occupation_code: r.occupationCode,
    segment: r.segment,
    welfare_decile: r.welfareDecile,
    decile_source: r.decileSource,
    decile_year: r.decileYear,
    declared_income: r.declaredIncome,
    warnings: r.warnings ?? [],
    open_warnings: r.openWarnings ?? 0,
  };
}

/**
 * One statement per chunk, the rows as one JSON parameter (the same on PGlite and pg). NIKs
 * already registered are left as they are; returns how many rows were really inserted.
 */
export async function insertDemoWorkers(tx: Db, rows: DemoWorkerRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const json = JSON.stringify(rows.map(toRecord));
  const [r] = await queryRows<{ inserted: number }>(
    tx,
    sql`WITH ins AS (
        INSERT INTO worker (${COLUMNS})
        SELECT ${COLUMNS} FROM json_populate_recordset(null::worker, ${json}::json)
        ON CONFLICT (nik) DO NOTHING
        RETURNING 1)
      SELECT count(*)::int AS inserted FROM ins`,
  );
  return r?.inserted ?? 0;
}
