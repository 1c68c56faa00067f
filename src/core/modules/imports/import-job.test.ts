import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit.ts';
import { workerImport, workerImportFile } from '../../db/schema/imports.ts';
import { worker } from '../../db/schema/workers.ts';
import { aUser, type UserFixture } from '../../../../test/factories.ts';
import { createTestDatabase, silentLog, type TestDatabase } from '../../../../test/test-db.ts';
import { getImport } from './get-import.ts';
import {
  cancelImport,
  claimImport,
  markStaleImports,
  queueImport,
  resumeImport,
  runImport,
} from './import-job.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jaring-import-job-'));
let tdb: TestDatabase;
let operator: UserFixture;
let other: UserFixture;
let serial = 0;

beforeAll(async () => {
  tdb = await createTestDatabase();
  operator = await aUser(tdb, {
    role: 'village_operator',
    scope: '15.08.01.2001',
    username: 'op.pedukun.job',
  });
  other = await aUser(tdb, {
    role: 'village_operator',
    scope: '15.08.02.2001',
    username: 'op.lain.job',
  });
});
afterAll(async () => {
  await tdb?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** A village file of `n` workers (women born 1 July 1985, NIKs of Pelepat district, 15.08.01). */
function villageFile(n: number, extra: (i: number) => string | undefined = () => undefined) {
  const lines = ['nik,nama,tanggal_lahir,jenis_kelamin,kode_desa,kode_pekerjaan'];
  const base = ++serial * 1000;
  for (let i = 1; i <= n; i++) {
    lines.push(
      extra(i) ??
        `15080141078${String(base + i).padStart(5, '0')},Siti Rahayu ${i},1985-07-01,P,15.08.01.2001,9`,
    );
  }
  const p = path.join(tmp, `desa-${serial}.csv`);
  fs.writeFileSync(p, `${lines.join('\n')}\n`);
  return {
    path: p,
    fileName: `desa-${serial}.csv`,
    nik: (i: number) => `15080141078${String(base + i).padStart(5, '0')}`,
  };
}

const workersNamed = async (prefix: string) =>
  Number(
    (
      await tdb.database.db
        .select({ n: sql<number>`count(*)::int` })
        .from(worker)
        .where(sql`${worker.fullName} LIKE ${`${prefix}%`}`)
    )[0]!.n,
  );

async function claim(id: string, instance: string) {
  const job = await claimImport(tdb.database.db, instance);
  expect(job?.id).toBe(id);
  return job!;
}

describe('a background import', () => {
  it('is interrupted between chunks with exact counts, and resumes after the last committed line', async () => {
    // row 15 repeats the NIK of row 3: it must stay refused after the resume as well
    const file = villageFile(25);
    const text = fs.readFileSync(file.path, 'utf8').split('\n');
    text[15] = `${file.nik(3)},Siti Rahayu Ulang,1985-07-01,P,15.08.01.2001,9`;
    fs.writeFileSync(file.path, text.join('\n'));
    const ctx = tdb.ctx(operator.actor);
    const queued = await queueImport(ctx, file, { mode: 'commit' });
    expect(queued.status).toBe('queued');

    const stop = new AbortController();
    const first = await runImport(
      tdb.database.db,
      silentLog,
      await claim(queued.id, 'server-a'),
      'server-a',
      {
        chunkRows: 10,
        signal: stop.signal,
        onChunk: () => stop.abort(), // the server is stopped right after the first chunk
      },
    );
    expect(first).toBe('interrupted');
    const cut = await getImport(ctx, queued.id);
    expect(cut.status).toBe('interrupted');
    expect(cut.progress.linesDone).toBe(11); // header + 10 rows
    expect(cut.counts).toMatchObject({ total: 10, created: 10, rejected: 0 });
    expect(await workersNamed('Siti Rahayu ')).toBe(10);

    await resumeImport(ctx, queued.id);
    const second = await runImport(
      tdb.database.db,
      silentLog,
      await claim(queued.id, 'server-b'),
      'server-b',
      {
        chunkRows: 10,
      },
    );
    expect(second).toBe('done');
    const done = await getImport(ctx, queued.id);
    expect(done.counts).toMatchObject({ total: 25, created: 24, rejected: 1, updated: 0 });
    expect(done.rows).toEqual([
      {
        line: 16,
        outcome: 'rejected',
        reason: `NIK ${file.nik(3)} sudah ada di baris 4 berkas ini.`,
      },
    ]);
    expect(done.progress).toMatchObject({ linesDone: 26, percent: 100 });
    expect(await workersNamed('Siti Rahayu ')).toBe(24);
    // the file is not kept once the job is done
    const pieces = await tdb.database.db
      .select()
      .from(workerImportFile)
      .where(eq(workerImportFile.importId, queued.id));
    expect(pieces).toHaveLength(0);
    // one audit record per created worker, plus queue, resume and commit of the job
    const actions = await tdb.database.db
      .select({ action: auditLog.action, n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(eq(auditLog.requestId, `import:${queued.id}`))
      .groupBy(auditLog.action);
    expect(Object.fromEntries(actions.map((a) => [a.action, Number(a.n)]))).toEqual({
      'workers.create': 24,
      'imports.commit': 1,
    });
  });

  it('a job whose server went silent is marked interrupted; another server can take it up', async () => {
    const file = villageFile(3);
    const queued = await queueImport(tdb.ctx(operator.actor), file, { mode: 'commit' });
    await claim(queued.id, 'server-dead');
    await tdb.database.db
      .update(workerImport)
      .set({ heartbeatAt: sql`now() - interval '5 minutes'` })
      .where(eq(workerImport.id, queued.id));
    expect(await markStaleImports(tdb.database.db)).toBe(1);
    expect((await getImport(tdb.ctx(operator.actor), queued.id)).status).toBe('interrupted');
    // the dead server cannot write into it any more: its lease is gone
    const [row] = await tdb.database.db
      .select()
      .from(workerImport)
      .where(and(eq(workerImport.id, queued.id), eq(workerImport.lockedBy, 'server-dead')));
    expect(row).toBeUndefined();
  });

  it('is cancelled after the current chunk: what was committed stays, the rest is not read', async () => {
    const file = villageFile(30);
    const ctx = tdb.ctx(operator.actor);
    const queued = await queueImport(ctx, file, { mode: 'commit' });
    const job = await claim(queued.id, 'server-c');
    let cancelled = false;
    const status = await runImport(tdb.database.db, silentLog, job, 'server-c', {
      chunkRows: 10,
      onChunk: () => {
        if (!cancelled) {
          cancelled = true;
          void cancelImport(ctx, queued.id);
        }
      },
    });
    expect(status).toBe('cancelled');
    const summary = await getImport(ctx, queued.id);
    expect(summary.status).toBe('cancelled');
    // the cancel arrived while the second chunk ran at the latest: 10 or 20 rows, never a part
    expect([10, 20]).toContain(summary.counts.total);
    expect(summary.counts.created).toBe(summary.counts.total);
    expect(await workersNamed('Siti Rahayu ')).toBeGreaterThanOrEqual(24 + summary.counts.total);
    await expect(cancelImport(ctx, queued.id)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('a queued job is cancelled at once; only its author and wider scopes see it', async () => {
    const queued = await queueImport(tdb.ctx(operator.actor), villageFile(2), { mode: 'commit' });
    await expect(cancelImport(tdb.ctx(other.actor), queued.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await cancelImport(tdb.ctx(operator.actor), queued.id);
    const summary = await getImport(tdb.ctx(operator.actor), queued.id);
    expect(summary).toMatchObject({ status: 'cancelled', counts: { total: 0 } });
    expect(await claimImport(tdb.database.db, 'server-d')).toBeUndefined();
    await expect(resumeImport(tdb.ctx(operator.actor), queued.id)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('refuses a file without a NIK column before queueing anything', async () => {
    const p = path.join(tmp, 'tanpa-nik.csv');
    fs.writeFileSync(p, 'nama,tanggal_lahir\nSiti,1985-07-01\n');
    await expect(
      queueImport(
        tdb.ctx(operator.actor),
        { path: p, fileName: 'tanpa-nik.csv' },
        { mode: 'commit' },
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('Kolom NIK') });
  });
});
