import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollment, program } from '../../db/schema/programs.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/test-db.ts';
import { createWorker } from '../workers/index.ts';

let tdb: TestDatabase;
let workerId = '';
const programs: string[] = [];

async function aProgram(name: string, ownerRegion: string): Promise<string> {
  const [p] = await tdb.database.db
    .insert(program)
    .values({
      name,
      ownerRegion,
      funderType: 'apbd_kabkota',
      fiscalYear: 2027,
      firstMonth: '2027-01-01',
      lastMonth: '2027-12-01',
      package: ['JKK', 'JKM'],
      eligibility: { minAge: 15, maxAge: 65, segments: [], occupations: [], maxDecile: null },
      quota: { rule: 'per_village', seats: 25, villageKinds: ['desa'] },
      createdBy: 'tes',
    })
    .returning();
  return p!.id;
}

const seat = (programId: string, first: string, last: string, status = 'proposed') =>
  tdb.database.db.insert(enrollment).values({
    programId,
    workerId,
    villageCode: '15.08.01.2001',
    status: status as 'proposed',
    firstMonth: first,
    lastMonth: last,
    proposedBy: 'tes',
  });

beforeAll(async () => {
  tdb = await createTestDatabase();
  workerId = (
    await createWorker(tdb.ctx(), {
      nik: '1508014107850001',
      fullName: 'Siti Aminah',
      birthDate: '1985-07-01',
      sex: 'P',
      villageCode: '15.08.01.2001',
      occupationCode: 9,
    })
  ).id;
  programs.push(await aProgram('Perlindungan Pekerja Rentan Bungo 2027', '15.08'));
  programs.push(await aProgram('BKBK Jambi 2027', '15'));
});
afterAll(async () => tdb?.close());

describe('no double funding, enforced by the database', () => {
  it('refuses a second seat of the same worker in overlapping months, in any program', async () => {
    await seat(programs[0]!, '2027-01-01', '2027-12-01');
    await expect(seat(programs[1]!, '2027-06-01', '2027-08-01')).rejects.toMatchObject({
      cause: { code: '23P01' },
    });
    await expect(seat(programs[0]!, '2027-12-01', '2028-03-01')).rejects.toMatchObject({
      cause: { code: '23P01' },
    });
  });

  it('allows the months before and after, and seats that are out of the running', async () => {
    await seat(programs[1]!, '2026-01-01', '2026-12-01');
    await seat(programs[1]!, '2028-01-01', '2028-12-01');
    await seat(programs[1]!, '2027-03-01', '2027-05-01', 'returned');
    await seat(programs[1]!, '2027-03-01', '2027-05-01', 'rejected');
    const rows = await tdb.database.db.execute(
      sql`SELECT count(*)::int AS n FROM enrollment WHERE worker_id = ${workerId}`,
    );
    expect((rows as { rows: { n: number }[] }).rows[0]!.n).toBe(5);
  });

  it('refuses a seat put back into the running over another one', async () => {
    await expect(
      tdb.database.db.execute(
        sql`UPDATE enrollment SET status = 'proposed' WHERE worker_id = ${workerId} AND status = 'returned'`,
      ),
    ).rejects.toMatchObject({ cause: { code: '23P01' } });
  });
});
