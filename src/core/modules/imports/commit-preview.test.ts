import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit.ts';
import { workerImport, workerImportFile } from '../../db/schema/imports.ts';
import { worker } from '../../db/schema/workers.ts';
import { aUser, type UserFixture } from '../../../../test/factories.ts';
import { createTestDatabase, silentLog, type TestDatabase } from '../../../../test/test-db.ts';
import { createWorker } from '../workers/index.ts';
import { commitPreview } from './commit-preview.ts';
import { getImport } from './get-import.ts';
import { cancelImport, claimImport, queueImport, runImport } from './import-job.ts';
import { IMPORT_FILE_PIECE } from './import-file-store.ts';
import { importWorkers } from './import-workers.ts';
import { listImports } from './list-imports.ts';
import { PREVIEW_FILE_DAYS, purgeExpiredPreviewFiles } from './preview-file.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jaring-commit-preview-'));
const PEDUKUN = '15.08.01.2001';
const FILE_GONE = 'Berkas pratinjau sudah dihapus; pilih berkas lagi untuk menyimpan.';
let tdb: TestDatabase;
let operator: UserFixture;
let regencyAdmin: UserFixture;
let otherOperator: UserFixture;
let auditor: UserFixture;
let serial = 0;

beforeAll(async () => {
  tdb = await createTestDatabase();
  operator = await aUser(tdb, { role: 'village_operator', scope: PEDUKUN });
  regencyAdmin = await aUser(tdb, { role: 'regency_admin', scope: '15.08' });
  otherOperator = await aUser(tdb, { role: 'village_operator', scope: '15.08.02.2001' });
  auditor = await aUser(tdb, { role: 'auditor', scope: '15.08' });
});
afterAll(async () => {
  await tdb?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** A Pedukun file of `n` new workers, optionally with a long note per row (a file of many pieces). */
function villageFile(n: number, rows: string[] = [], note = '') {
  const base = ++serial * 100;
  const nik = (i: number) => `15080141078${String(base + i).padStart(5, '0')}`;
  const lines = ['nik,nama,tanggal_lahir,jenis_kelamin,kode_desa,kode_pekerjaan,catatan_petugas'];
  for (let i = 1; i <= n; i++)
    lines.push(`${nik(i)},Sri Wahyuni ${serial}-${i},1985-07-01,P,${PEDUKUN},9,${note}`);
  lines.push(...rows);
  const file = { path: path.join(tmp, `pedukun-${serial}.csv`), fileName: `pedukun-${serial}.csv` };
  fs.writeFileSync(file.path, `${lines.join('\n')}\n`);
  return { ...file, niks: Array.from({ length: n }, (_, i) => nik(i + 1)) };
}

async function preview(file: { path: string; fileName: string }, who = operator) {
  return importWorkers(tdb.ctx(who.actor), file, { mode: 'preview' });
}

/** Runs the queued commit job as the server's runner would. */
async function runQueued(id: string): Promise<void> {
  const job = await claimImport(tdb.database.db, 'server-uji');
  expect(job?.id).toBe(id);
  expect(await runImport(tdb.database.db, silentLog, job!, 'server-uji')).toBe('done');
}

const piecesOf = async (id: string) =>
  (
    await tdb.database.db
      .select({ seq: workerImportFile.seq })
      .from(workerImportFile)
      .where(eq(workerImportFile.importId, id))
  ).length;

const workersWithNik = async (niks: string[]) =>
  tdb.database.db
    .select({ nik: worker.nik, occupationCode: worker.occupationCode })
    .from(worker)
    .where(inArray(worker.nik, niks));

async function finishedDaysAgo(id: string, days: number): Promise<void> {
  await tdb.database.db
    .update(workerImport)
    .set({ finishedAt: sql`now() - make_interval(days => ${days})` })
    .where(eq(workerImport.id, id));
}

describe('saving a preview from its kept file', () => {
  it('writes exactly what the preview counted, from the stored file, audited', async () => {
    const existing = { nik: '1508015505900002' };
    await createWorker(tdb.ctx(operator.actor), {
      nik: existing.nik,
      fullName: 'Ani Suryani',
      birthDate: '1990-05-15',
      sex: 'P',
      villageCode: PEDUKUN,
      occupationCode: 9,
    });
    // 500 KB of notes per row: the file is stored in several pieces
    const file = villageFile(
      5,
      [
        `${existing.nik},Ani Suryani,1990-05-15,P,${PEDUKUN},23,`,
        `150801,Nik Pendek,1990-03-12,L,${PEDUKUN},23,`,
      ],
      'x'.repeat(500 * 1024),
    );
    const pieces = Math.ceil(fs.statSync(file.path).size / IMPORT_FILE_PIECE);
    expect(pieces).toBeGreaterThan(2);
    const seen = await preview(file);
    expect(seen.counts).toMatchObject({ total: 7, created: 5, updated: 1, rejected: 1 });
    expect(await workersWithNik(file.niks)).toHaveLength(0);
    expect(await piecesOf(seen.id)).toBe(pieces);
    expect(seen.fileKeptUntil).not.toBeNull();
    // the browser no longer has the file: it is not read from disk again
    fs.rmSync(file.path);

    const job = await commitPreview(tdb.ctx(operator.actor), seen.id);
    expect(job).toMatchObject({ mode: 'commit', status: 'queued', fileName: file.fileName });
    // the pieces moved to the job (no copy): the preview has none left
    expect(await piecesOf(seen.id)).toBe(0);
    expect(await piecesOf(job.id)).toBe(pieces);
    await runQueued(job.id);

    const saved = await getImport(tdb.ctx(operator.actor), job.id);
    expect(saved).toMatchObject({ status: 'done', mode: 'commit', villageCode: PEDUKUN });
    expect(saved.counts).toEqual(seen.counts);
    expect(saved.rows).toEqual(seen.rows);
    const written = await workersWithNik([...file.niks, existing.nik]);
    expect(written.map((w) => w.nik).sort()).toEqual([...file.niks, existing.nik].sort());
    expect(written.find((w) => w.nik === existing.nik)?.occupationCode).toBe(23);
    expect(await piecesOf(job.id)).toBe(0);

    const reopened = await getImport(tdb.ctx(operator.actor), seen.id);
    expect(reopened).toMatchObject({ commitId: job.id, fileKeptUntil: null, status: 'done' });
    const audit = await tdb.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'imports.commitPreview'), eq(auditLog.entityId, seen.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: operator.me.id,
      regionCode: PEDUKUN,
      after: { commitId: job.id, fileName: file.fileName, previewCounts: seen.counts },
    });
    const jobActions = await tdb.database.db
      .select({ action: auditLog.action, n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(eq(auditLog.requestId, `import:${job.id}`))
      .groupBy(auditLog.action);
    expect(Object.fromEntries(jobActions.map((a) => [a.action, Number(a.n)]))).toEqual({
      'workers.create': 5,
      'workers.update': 1,
      'imports.commit': 1,
    });
  });

  it('is saved once: a second request, even at the same moment, is refused', async () => {
    const file = villageFile(2);
    const seen = await preview(file);
    const results = await Promise.allSettled([
      commitPreview(tdb.ctx(operator.actor), seen.id),
      commitPreview(tdb.ctx(regencyAdmin.actor), seen.id),
    ]);
    const saved = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    expect(saved).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({
      code: 'CONFLICT',
      message:
        'Pratinjau ini sudah disimpan. Buka hasil penyimpanannya dari daftar Impor terakhir.',
    });
    const jobId = (saved[0] as PromiseFulfilledResult<{ id: string }>).value.id;
    await runQueued(jobId);
    await expect(commitPreview(tdb.ctx(operator.actor), seen.id)).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { commitId: jobId },
    });
    const jobs = await tdb.database.db
      .select({ id: workerImport.id })
      .from(workerImport)
      .where(and(eq(workerImport.fileName, file.fileName), eq(workerImport.mode, 'commit')));
    expect(jobs).toEqual([{ id: jobId }]);
    expect(await workersWithNik(file.niks)).toHaveLength(2);
  });

  it('is refused once the file is gone or older than the limit; old files are deleted', async () => {
    const old = await preview(villageFile(1));
    const fresh = await preview(villageFile(1));
    // older than the limit: refused even before the clean-up has run
    await finishedDaysAgo(old.id, PREVIEW_FILE_DAYS + 1);
    await expect(commitPreview(tdb.ctx(operator.actor), old.id)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: FILE_GONE,
    });
    expect((await getImport(tdb.ctx(operator.actor), old.id)).fileKeptUntil).toBeNull();
    const listed = await listImports(tdb.ctx(operator.actor));
    expect(listed.find((i) => i.id === old.id)?.fileKeptUntil).toBeNull();
    expect(listed.find((i) => i.id === fresh.id)?.fileKeptUntil).toBe(fresh.fileKeptUntil);

    expect(await purgeExpiredPreviewFiles(tdb.database.db)).toBe(1);
    expect(await piecesOf(old.id)).toBe(0);
    expect(await piecesOf(fresh.id)).toBe(1);
    expect(await purgeExpiredPreviewFiles(tdb.database.db)).toBe(0);

    // a file gone within the limit (deleted by hand, or a preview from before files were kept)
    await tdb.database.db.delete(workerImportFile).where(eq(workerImportFile.importId, fresh.id));
    await expect(commitPreview(tdb.ctx(operator.actor), fresh.id)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: FILE_GONE,
    });
    const rows = await tdb.database.db
      .select({ commitId: workerImport.commitId })
      .from(workerImport)
      .where(inArray(workerImport.id, [old.id, fresh.id]));
    expect(rows).toEqual([{ commitId: null }, { commitId: null }]);
  });

  it('is refused out of scope, without the right to create workers, and for other imports', async () => {
    const seen = await preview(villageFile(1));
    await expect(commitPreview(tdb.ctx(otherOperator.actor), seen.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Impor tidak ditemukan.',
    });
    await expect(commitPreview(tdb.ctx(auditor.actor), seen.id)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    // a preview by the regency admin is not the village operator's to see
    const wide = await preview(villageFile(1), regencyAdmin);
    await expect(commitPreview(tdb.ctx(operator.actor), wide.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await piecesOf(seen.id)).toBe(1);

    const committed = await importWorkers(tdb.ctx(operator.actor), villageFile(1), {
      mode: 'commit',
    });
    await expect(commitPreview(tdb.ctx(operator.actor), committed.id)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'Impor ini bukan pratinjau: hasilnya sudah disimpan saat berjalan.',
    });
    const queued = await queueImport(tdb.ctx(operator.actor), villageFile(1), { mode: 'preview' });
    await expect(commitPreview(tdb.ctx(operator.actor), queued.id)).rejects.toMatchObject({
      code: 'CONFLICT',
      message:
        'Pratinjau ini belum selesai: hasilnya dapat disimpan setelah semua baris diperiksa.',
    });
    await cancelImport(tdb.ctx(operator.actor), queued.id);
    await expect(commitPreview(tdb.ctx(operator.actor), queued.id)).rejects.toMatchObject({
      code: 'CONFLICT',
      message:
        'Pratinjau ini tidak selesai (gagal atau dibatalkan): jalankan pratinjau lagi sebelum menyimpan.',
    });
    const audits = await tdb.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'imports.commitPreview'),
          inArray(auditLog.entityId, [seen.id, wide.id, committed.id, queued.id]),
        ),
      );
    expect(Number(audits[0]!.n)).toBe(0);
  });
});
