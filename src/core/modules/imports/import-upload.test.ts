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
import { IMPORT_FILE_PIECE as PIECE } from './import-file-store.ts';
import {
  cancelImport,
  claimImport,
  dropStaleUploads,
  queueImport,
  runImport,
  UPLOAD_LOST,
} from './import-job.ts';
import { ImportRunner } from './import-runner.ts';
import { listImports } from './list-imports.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jaring-import-upload-'));
let tdb: TestDatabase;
let operator: UserFixture;
let regency: UserFixture;
let serial = 0;

beforeAll(async () => {
  tdb = await createTestDatabase();
  operator = await aUser(tdb, {
    role: 'village_operator',
    scope: '15.08.01.2001',
    username: 'op.pedukun.unggah',
  });
  regency = await aUser(tdb, {
    role: 'regency_admin',
    scope: '15.08',
    username: 'admin.merangin.unggah',
  });
});
afterAll(async () => {
  await tdb?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/**
 * A village file of `n` workers, each row carrying a long note (a column the importer ignores), so
 * that the file spans several stored pieces and rows are cut across piece boundaries.
 */
function bigVillageFile(n: number) {
  const lines = ['nik,nama,tanggal_lahir,jenis_kelamin,kode_desa,kode_pekerjaan,catatan'];
  const base = ++serial * 10_000;
  const note = 'Catatan lapangan petugas desa tentang pekerjaan dan penghasilan harian. '.repeat(
    28,
  );
  for (let i = 1; i <= n; i++) {
    lines.push(
      `15080141078${String(base + i).padStart(5, '0')},Rahmawati Unggah ${serial}-${i},1985-07-01,P,15.08.01.2001,9,"${note}${i}"`,
    );
  }
  const p = path.join(tmp, `desa-besar-${serial}.csv`);
  fs.writeFileSync(p, `${lines.join('\n')}\n`);
  return { path: p, fileName: `desa-besar-${serial}.csv`, size: fs.statSync(p).size };
}

const pieceCount = async (id: string) =>
  (
    await tdb.database.db
      .select({ seq: workerImportFile.seq })
      .from(workerImportFile)
      .where(eq(workerImportFile.importId, id))
  ).length;

const auditActions = async (id: string) =>
  (
    await tdb.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'worker_import'), eq(auditLog.entityId, id)))
      .orderBy(auditLog.id)
  ).map((r) => r.action);

const workersNamed = async (prefix: string) =>
  Number(
    (
      await tdb.database.db
        .select({ n: sql<number>`count(*)::int` })
        .from(worker)
        .where(sql`${worker.fullName} LIKE ${`${prefix}%`}`)
    )[0]!.n,
  );

describe('queueing a large upload', () => {
  it('stores the file piece by piece: the job is seen as uploading meanwhile, then queued with its audit record, and runs', async () => {
    const file = bigVillageFile(400);
    expect(file.size).toBeGreaterThan(2 * PIECE);
    const ctx = tdb.ctx(operator.actor);
    const seen: { status: string; pieces: number; bytesDone: number; audit: string[] }[] = [];
    const queued = await queueImport(ctx, file, {
      mode: 'commit',
      onPiece: async ({ pieces, bytes }) => {
        if (pieces !== 1) return;
        // another user's request while the file is being stored: answered before the store ends
        const list = await listImports(tdb.ctx(regency.actor));
        const mine = list.find((i) => i.fileName === file.fileName)!;
        seen.push({
          status: mine.status,
          pieces: await pieceCount(mine.id),
          bytesDone: mine.progress.bytesDone,
          audit: await auditActions(mine.id),
        });
        expect(bytes).toBe(PIECE);
      },
    });
    expect(seen).toEqual([{ status: 'uploading', pieces: 1, bytesDone: PIECE, audit: [] }]);
    expect(queued).toMatchObject({ status: 'queued', bytesDone: 0, bytesTotal: file.size });
    expect(await pieceCount(queued.id)).toBe(Math.ceil(file.size / PIECE));
    expect(await auditActions(queued.id)).toEqual(['imports.queue']);

    // the runner takes it and reads the pieces back as one file: every row, none cut in two
    const job = await claimImport(tdb.database.db, 'server-a');
    expect(job?.id).toBe(queued.id);
    expect(await runImport(tdb.database.db, silentLog, job!, 'server-a')).toBe('done');
    const done = await getImport(ctx, queued.id);
    expect(done.counts).toMatchObject({ total: 400, created: 400, rejected: 0 });
    expect(await workersNamed(`Rahmawati Unggah ${serial}-`)).toBe(400);
    expect(await auditActions(queued.id)).toEqual(['imports.queue', 'imports.commit']);
    expect(await pieceCount(queued.id)).toBe(0);
  });

  it('is cancelled while its file is stored: the rest is not stored, nothing is queued or run', async () => {
    const file = bigVillageFile(400);
    const ctx = tdb.ctx(operator.actor);
    const result = await queueImport(ctx, file, {
      mode: 'commit',
      onPiece: async ({ pieces, bytes }) => {
        if (pieces !== 1) return;
        const [row] = await tdb.database.db
          .select({ id: workerImport.id })
          .from(workerImport)
          .where(eq(workerImport.fileName, file.fileName));
        expect(bytes).toBe(PIECE);
        await cancelImport(tdb.ctx(regency.actor), row!.id);
      },
    });
    expect(result).toMatchObject({ status: 'cancelled', error: null });
    expect(await pieceCount(result.id)).toBe(0);
    expect(await auditActions(result.id)).toEqual(['imports.cancel']);
    expect(await claimImport(tdb.database.db, 'server-b')).toBeUndefined();
    expect(await workersNamed(`Rahmawati Unggah ${serial}-`)).toBe(0);
    const summary = await getImport(ctx, result.id);
    expect(summary).toMatchObject({ status: 'cancelled', counts: { total: 0 } });
    await expect(cancelImport(ctx, result.id)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('an upload cut off by a stopped server is cancelled with the reason and its pieces deleted, never run', async () => {
    const insertUploading = async (fileName: string, age: string) => {
      const [row] = await tdb.database.db
        .insert(workerImport)
        .values({
          createdBy: 'Operator Pedukun',
          createdById: operator.me.id,
          fileName,
          format: 'csv',
          layout: 'jaring',
          mode: 'commit',
          status: 'uploading',
          villageCode: '15.08.01.2001',
          scopeCodes: ['15.08.01.2001'],
          headers: ['nik', 'nama'],
          counts: {
            total: 0,
            created: 0,
            updated: 0,
            unchanged: 0,
            warned: 0,
            rejected: 0,
            skipped: 0,
          },
          bytesTotal: 3 * PIECE,
          bytesDone: PIECE,
          createdAt: sql`now() - ${age}::interval`,
          heartbeatAt: sql`now() - ${age}::interval`,
        })
        .returning();
      await tdb.database.db.insert(workerImportFile).values({
        importId: row!.id,
        seq: 0,
        data: Buffer.from('nik,nama\n1508014107850001,Siti\n'),
      });
      return row!.id;
    };
    const lost = await insertUploading('terputus.csv', '10 minutes');
    const storing = await insertUploading('sedang-disimpan.csv', '1 second');

    // the runner of a server sharing the database: only the silent upload is dropped
    const runner = new ImportRunner(tdb.database.db, silentLog, {
      embedded: false,
      pollMs: 60_000,
    });
    await runner.start();
    await runner.stop();
    const summary = await getImport(tdb.ctx(operator.actor), lost);
    expect(summary).toMatchObject({
      status: 'cancelled',
      error: UPLOAD_LOST,
      counts: { total: 0 },
    });
    expect(summary.error).toContain('Unggah berkasnya lagi');
    expect(await pieceCount(lost)).toBe(0);
    const [still] = await tdb.database.db
      .select({ status: workerImport.status, lockedBy: workerImport.lockedBy })
      .from(workerImport)
      .where(eq(workerImport.id, storing));
    expect(still).toEqual({ status: 'uploading', lockedBy: null });
    expect(await pieceCount(storing)).toBe(1);
    expect(await claimImport(tdb.database.db, 'server-c')).toBeUndefined();

    // an embedded database starting up: no request is storing yet, so every upload was cut off
    expect(await dropStaleUploads(tdb.database.db, true)).toBe(1);
    expect((await getImport(tdb.ctx(operator.actor), storing)).status).toBe('cancelled');
    expect(await pieceCount(storing)).toBe(0);
    expect(await workersNamed('Siti')).toBe(0);
  });
});
