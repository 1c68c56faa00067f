import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit.ts';
import { worker } from '../../db/schema/workers.ts';
import { aUser, type UserFixture } from '../../../../test/factories.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/test-db.ts';
import { listWorkers } from '../workers/index.ts';
import { importWorkers, writeRejectedRows } from './index.ts';

const OPENSID = path.resolve(
  import.meta.dirname,
  '../../../../../shared/fixtures/opensid/contoh_penduduk.xlsx',
);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jaring-import-'));
let tdb: TestDatabase;
let admin: UserFixture;
let operator: UserFixture;
beforeAll(async () => {
  tdb = await createTestDatabase();
  admin = await aUser(tdb, { role: 'admin', username: 'admin.pusat' });
  operator = await aUser(tdb, {
    role: 'village_operator',
    scope: '15.08.01.2001',
    username: 'op.pedukun',
  });
});
afterAll(async () => {
  await tdb?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

function csv(name: string, lines: string[]): { path: string; fileName: string } {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, `\uFEFF${lines.join('\r\n')}\r\n`);
  return { path: p, fileName: name };
}

const HEADER = 'nik,nama,tanggal_lahir,jenis_kelamin,kode_desa,kode_pekerjaan,dusun,rt,rw';
const sum = (c: Record<string, number>) =>
  c.created! + c.updated! + c.unchanged! + c.rejected! + c.skipped!;

describe('the OpenSID resident register', () => {
  it.skipIf(!fs.existsSync(OPENSID))(
    'accounts for all 97 residents: workers created, others skipped with the reason',
    async () => {
      const file = { path: OPENSID, fileName: 'contoh_penduduk.xlsx' };
      const preview = await importWorkers(tdb.ctx(admin.actor), file, {
        mode: 'preview',
        villageCode: '52.01.14.2006',
      });
      expect(preview).toMatchObject({ layout: 'opensid', mode: 'preview', status: 'done' });
      expect(preview.counts.total).toBe(97);
      expect(sum(preview.counts)).toBe(97);
      expect(preview.counts.skipped).toBe(58);
      const [none] = await tdb.database.db.select({ n: sql<number>`count(*)::int` }).from(worker);
      expect(Number(none!.n)).toBe(0);

      const commit = await importWorkers(tdb.ctx(admin.actor), file, {
        mode: 'commit',
        villageCode: '52.01.14.2006',
      });
      expect(commit.counts).toEqual(preview.counts);
      expect(commit.counts.created + commit.counts.rejected).toBe(39);
      // every NIK's birth date disagrees with the register's: saved, with a warning to review
      expect(commit.counts.warned).toBe(commit.counts.created);
      expect(commit.rows.filter((r) => r.outcome === 'skipped').map((r) => r.reason)).toContain(
        'Pekerjaan Pelajar/Mahasiswa (kode 3): bukan pekerja.',
      );
      const ahlul = (
        await listWorkers(tdb.ctx(admin.actor), { q: 'ahlul', sort: 'name', page: 1, pageSize: 5 })
      ).items[0];
      expect(ahlul).toMatchObject({
        fullName: 'AHLUL',
        sex: 'L',
        birthDate: '1970-05-20',
        villageName: 'Senggigi',
        occupationCode: 26,
      });

      const again = await importWorkers(tdb.ctx(admin.actor), file, {
        mode: 'commit',
        villageCode: '52.01.14.2006',
      });
      expect(again.counts).toMatchObject({
        created: 0,
        updated: 0,
        unchanged: commit.counts.created,
        skipped: 58,
      });
    },
  );
});

describe("Jaring's own layout", () => {
  it('writes the valid rows, keeps every rejected row with its reason, and the counts add up', async () => {
    const file = csv('pedukun.csv', [
      HEADER,
      '1508014107850001,Siti Aminah,1985-07-01,P,15.08.01.2001,9,Dusun Baru,003,001',
      '1508011203900003,Rahmat Hidayat,14-03-1990,L,15.08.01.2001,23,Dusun Baru,004,001',
      '1508014107850000,Nomor Urut Nol,1985-07-01,P,15.08.01.2001,9,,,',
      '1508014107850001,Siti Aminah Lagi,1985-07-01,P,15.08.01.2001,9,,,',
      '1508025402860004,Sri Wahyuni,1986-02-14,P,15.08.02.2001,8,,,',
      '=HYPERLINK("http://x"),Rusak,1985-07-01,P,15.08.01.2001,9,,,',
      '1508012205800005,Yusuf Effendi,1980-05-22,L,,88,,,',
    ]);
    const r = await importWorkers(tdb.ctx(operator.actor), file, { mode: 'commit' });
    expect(r.counts).toEqual({
      total: 7,
      created: 3,
      updated: 0,
      unchanged: 0,
      warned: 1,
      rejected: 4,
      skipped: 0,
    });
    expect(r.rows).toEqual([
      {
        line: 4,
        outcome: 'rejected',
        reason: 'Nomor urut NIK (4 digit terakhir) tidak boleh 0000.',
      },
      {
        line: 5,
        outcome: 'rejected',
        reason: 'NIK 1508014107850001 sudah ada di baris 2 berkas ini.',
      },
      {
        line: 6,
        outcome: 'rejected',
        reason: 'Desa/kelurahan 15.08.02.2001 di luar wilayah kerja Anda.',
      },
      {
        line: 7,
        outcome: 'rejected',
        reason: 'NIK harus 16 digit angka (yang diisi: memuat selain angka).',
      },
    ]);
    // the row without a village took the operator's own village
    const yusuf = (
      await listWorkers(tdb.ctx(operator.actor), { q: 'yusuf', sort: 'name', page: 1, pageSize: 5 })
    ).items[0];
    expect(yusuf?.villageCode).toBe('15.08.01.2001');

    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    expect(await writeRejectedRows(tdb.ctx(operator.actor), r.id, out)).toBe(4);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Ditolak')!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...HEADER.split(','), 'alasan_ditolak']);
    expect(sheet.getRow(5).getCell(1).value).toBe('\'=HYPERLINK("http://x")');
    expect(sheet.getRow(2).getCell(10).value).toBe(
      'Nomor urut NIK (4 digit terakhir) tidak boleh 0000.',
    );
  });

  it('is idempotent, and updates what changed', async () => {
    const lines = [
      HEADER,
      '1508014107850001,Siti Aminah,1985-07-01,P,15.08.01.2001,9,Dusun Baru,003,001',
    ];
    const same = await importWorkers(tdb.ctx(operator.actor), csv('same.csv', lines), {
      mode: 'commit',
    });
    expect(same.counts).toMatchObject({ total: 1, unchanged: 1, created: 0, updated: 0 });
    const changed = await importWorkers(
      tdb.ctx(operator.actor),
      csv('changed.csv', [HEADER, lines[1]!.replace('Dusun Baru,003', 'Dusun Ilir,005')]),
      { mode: 'commit' },
    );
    expect(changed.counts).toMatchObject({ total: 1, updated: 1 });
    const audits = await tdb.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'workers.update'));
    expect(audits.at(-1)!.after).toMatchObject({ dusun: 'Dusun Ilir', rt: '005' });
  });

  it('re-imports its own export: the apostrophe that guards against formulas is dropped', async () => {
    const r = await importWorkers(
      tdb.ctx(operator.actor),
      csv('ekspor.csv', [
        'nik,nama,tanggal_lahir,jenis_kelamin,kode_pekerjaan,telepon',
        "1508011509750006,Joko Santoso,1975-09-15,L,9,'+62 812 7400 1234",
      ]),
      { mode: 'commit' },
    );
    expect(r.counts).toMatchObject({ total: 1, created: 1 });
    const joko = (
      await listWorkers(tdb.ctx(operator.actor), { q: 'joko', sort: 'name', page: 1, pageSize: 5 })
    ).items[0]!;
    const [row] = await tdb.database.db
      .select({ phone: worker.phone })
      .from(worker)
      .where(eq(worker.id, joko.id));
    expect(row!.phone).toBe('+62 812 7400 1234');
  });

  it('keeps the reason under its own header when a rejected row ends early', async () => {
    const r = await importWorkers(
      tdb.ctx(operator.actor),
      csv('pendek.csv', [HEADER, '150801,Baris Pendek']),
      { mode: 'commit' },
    );
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await writeRejectedRows(tdb.ctx(operator.actor), r.id, out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const row = wb.getWorksheet('Ditolak')!.getRow(2);
    // every missing field is named, in the words of the form
    expect(row.getCell(10).value).toBe(
      'Tanggal lahir wajib diisi (TTTT-BB-HH). Jenis kelamin harus L (laki-laki) atau P (perempuan). Kode pekerjaan harus angka 1–89.',
    );
    expect(row.getCell(2).value).toBe('Baris Pendek');
  });

  it('reads a minimal NIK + name list: updates known people, explains what new ones need', async () => {
    const r = await importWorkers(
      tdb.ctx(operator.actor),
      csv('bnba.csv', [
        'NIK;Nama Lengkap;Desil',
        '1508014107850001;Siti Aminah;2',
        '1508019999990001;Orang Baru;1',
      ]),
      { mode: 'preview' },
    );
    expect(r.layout).toBe('minimal');
    expect(r.counts).toMatchObject({ total: 2, updated: 1, rejected: 1 });
    expect(r.rows[0]!.reason).toContain('NIK belum terdaftar');
  });

  it('refuses a file without a NIK column or of another type, with a message', async () => {
    await expect(
      importWorkers(tdb.ctx(operator.actor), csv('x.csv', ['nama,alamat', 'Siti,Jl. Lintas']), {
        mode: 'preview',
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('Kolom NIK tidak ditemukan') as unknown,
    });
    await expect(
      importWorkers(
        tdb.ctx(operator.actor),
        { path: OPENSID, fileName: 'data.pdf' },
        { mode: 'preview' },
      ),
    ).rejects.toMatchObject({
      message: 'Berkas harus berformat Excel (.xlsx) atau CSV (.csv).',
    });
  });
});
