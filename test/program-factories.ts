import {
  program,
  programAllocation,
  type Eligibility,
  type QuotaRule,
} from '../src/core/db/schema/programs.ts';
import type { TestDatabase } from './test-db.ts';

export const DEFAULT_ELIGIBILITY: Eligibility = {
  minAge: 15,
  maxAge: 65,
  segments: [],
  occupations: [],
  maxDecile: null,
};

/**
 * A program written straight into the database (for tests of what comes after creating one):
 * Kabupaten Bungo's APBD program for 2027, JKK + JKM, active, 25 seats per desa by default.
 */
export async function aProgram(
  tdb: TestDatabase,
  overrides: Partial<typeof program.$inferInsert> & { seats?: Record<string, number> } = {},
) {
  const { seats, ...values } = overrides;
  const quota: QuotaRule = { rule: 'per_village', seats: 25, villageKinds: ['desa'] };
  const [row] = await tdb.database.db
    .insert(program)
    .values({
      name: 'Perlindungan Pekerja Rentan Kabupaten Bungo 2027',
      ownerRegion: '15.08',
      funderType: 'apbd_kabkota',
      budgetReference: 'DPA 1.02.0.00.0.00.01.0000',
      fiscalYear: 2027,
      firstMonth: '2027-01-01',
      lastMonth: '2027-12-01',
      package: ['JKK', 'JKM'],
      eligibility: DEFAULT_ELIGIBILITY,
      quota,
      status: 'active',
      createdBy: 'tes',
      ...values,
    })
    .returning();
  if (seats && Object.keys(seats).length > 0) {
    await tdb.database.db.insert(programAllocation).values(
      Object.entries(seats).map(([villageCode, n]) => ({
        programId: row!.id,
        villageCode,
        seats: n,
      })),
    );
  }
  return row!;
}
