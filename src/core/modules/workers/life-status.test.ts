import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit.ts';
import { worker as workerTable } from '../../db/schema/workers.ts';
import { aUser, type UserFixture } from '../../../../test/factories.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/test-db.ts';
import { createWorker, getWorker, listWorkers, setLifeStatus } from './index.ts';

let tdb: TestDatabase;
let operator: UserFixture;
let otherOperator: UserFixture;
let auditor: UserFixture;
let bpjs: UserFixture;
let workerId = '';
let mergedId = '';
// 20 March 2026, 10:00 in Jakarta
const now = () => new Date('2026-03-20T03:00:00Z');
const as = (u: UserFixture) => tdb.ctx(u.actor, now);

const seed = async (nik: string) =>
  (
    await createWorker(tdb.ctx(), {
      nik,
      fullName: 'Rahmat Hidayat',
      birthDate: '1985-07-11',
      sex: 'L',
      villageCode: '15.08.01.2001',
      occupationCode: 9,
    })
  ).id;

const records = () =>
  tdb.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'workers.lifeStatus'), eq(auditLog.entityId, workerId)))
    .orderBy(asc(auditLog.id));

beforeAll(async () => {
  tdb = await createTestDatabase();
  operator = await aUser(tdb, { role: 'village_operator', scope: '15.08.01.2001' });
  otherOperator = await aUser(tdb, { role: 'village_operator', scope: '15.08.02.2001' });
  auditor = await aUser(tdb, { role: 'auditor', scope: '15.08' });
  bpjs = await aUser(tdb, { role: 'bpjs_officer', scope: '15.08' });
  workerId = await seed('1508011107850001');
  mergedId = await seed('1508011107850002');
  await tdb.database.db
    .update(workerTable)
    .set({ mergedInto: workerId })
    .where(eq(workerTable.id, mergedId));
});
afterAll(async () => tdb?.close());

describe('life status', () => {
  it('records a death with its date, audited on the worker; the list filter finds it', async () => {
    const detail = await setLifeStatus(as(operator), workerId, {
      status: 'dead',
      date: '2026-03-12',
    });
    expect(detail).toMatchObject({ lifeStatus: 'dead', deathDate: '2026-03-12', movedDate: null });
    expect(await getWorker(as(operator), workerId)).toMatchObject({
      lifeStatus: 'dead',
      deathDate: '2026-03-12',
    });
    const [record] = await records();
    expect(record).toMatchObject({
      entity: 'worker',
      regionCode: '15.08.01.2001',
      before: { lifeStatus: 'alive', deathDate: null, movedDate: null },
      after: { lifeStatus: 'dead', deathDate: '2026-03-12', movedDate: null },
    });
    const dead = await listWorkers(as(operator), {
      status: 'dead',
      sort: 'name',
      page: 1,
      pageSize: 50,
    });
    expect(dead.items.map((w) => w.id)).toEqual([workerId]);
  });

  it('refuses a missing, future, malformed or pre-birth date, and keeps the record', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ status: 'dead' }, 'Tanggal meninggal wajib diisi.'],
      [{ status: 'dead', date: '' }, 'Tanggal meninggal wajib diisi.'],
      [{ status: 'dead', date: '2026-03-21' }, 'Tanggal meninggal tidak boleh di masa depan.'],
      [
        { status: 'dead', date: '1985-07-10' },
        'Tanggal meninggal tidak boleh sebelum tanggal lahir pekerja (1985-07-11).',
      ],
      [{ status: 'moved' }, 'Tanggal pindah wajib diisi.'],
      [{ status: 'moved', date: '2026-04-01' }, 'Tanggal pindah tidak boleh di masa depan.'],
      [
        { status: 'dead', date: '12-03-2026' },
        'Tanggal harus berformat TTTT-BB-HH, misalnya 1985-07-01.',
      ],
      [{ status: 'dead', date: '2026-02-30' }, expect.stringContaining('TTTT-BB-HH') as string],
    ];
    for (const [input, message] of cases) {
      await expect(
        setLifeStatus(as(operator), workerId, input as never),
        JSON.stringify(input),
      ).rejects.toMatchObject({
        code: 'VALIDATION',
        message,
        details: { issues: expect.arrayContaining([expect.objectContaining({ path: 'date' })]) },
      });
    }
    await expect(
      setLifeStatus(as(operator), workerId, { status: 'lost' } as never),
    ).rejects.toMatchObject({
      details: {
        issues: [
          { path: 'status', message: 'Status hidup harus hidup, meninggal dunia atau pindah.' },
        ],
      },
    });
    expect(await getWorker(as(operator), workerId)).toMatchObject({
      lifeStatus: 'dead',
      deathDate: '2026-03-12',
    });
    expect(await records()).toHaveLength(1);
  });

  it('records a move out (clearing the death date), then corrects back to alive', async () => {
    const moved = await setLifeStatus(as(operator), workerId, {
      status: 'moved',
      date: '2026-01-05',
    });
    expect(moved).toMatchObject({ lifeStatus: 'moved', movedDate: '2026-01-05', deathDate: null });
    const alive = await setLifeStatus(as(operator), workerId, { status: 'alive', date: null });
    expect(alive).toMatchObject({ lifeStatus: 'alive', movedDate: null, deathDate: null });
    const all = await records();
    expect(all.map((r) => r.after)).toEqual([
      { lifeStatus: 'dead', deathDate: '2026-03-12', movedDate: null },
      { lifeStatus: 'moved', deathDate: null, movedDate: '2026-01-05' },
      { lifeStatus: 'alive', deathDate: null, movedDate: null },
    ]);
    // the same status again changes nothing and writes nothing
    await setLifeStatus(as(operator), workerId, { status: 'alive' });
    expect(await records()).toHaveLength(3);
  });

  it('is NOT_FOUND outside the scope, FORBIDDEN for readers, CONFLICT on a merged record', async () => {
    const death = { status: 'dead', date: '2026-03-12' } as const;
    await expect(setLifeStatus(as(otherOperator), workerId, death)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Pekerja tidak ditemukan.',
    });
    for (const reader of [auditor, bpjs]) {
      await expect(setLifeStatus(as(reader), workerId, death)).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    }
    await expect(setLifeStatus(as(operator), mergedId, death)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'Pekerja ini sudah digabungkan ke data lain.',
    });
    expect(await getWorker(as(operator), workerId)).toMatchObject({ lifeStatus: 'alive' });
    expect(await records()).toHaveLength(3);
  });
});
