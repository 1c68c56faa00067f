import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { enrollment, programAllocation } from '../../db/schema/programs.ts';
import { worker } from '../../db/schema/workers.ts';
import { DomainError } from '../../errors.ts';
import { ENROLLMENT_STATUSES, FILLS_SEAT } from '../../rules/enrollment-status.ts';
import { aUser, type UserFixture } from '../../../../test/factories.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/test-db.ts';
import {
  activateProgram,
  createProgram,
  getAllocations,
  getProgram,
  importAllocations,
  setAllocations,
  updateProgram,
  type Allocations,
  type ProgramInput,
} from './index.ts';

let tdb: TestDatabase;
let dinas: UserFixture;
let tebo: UserFixture;
const as = (u: UserFixture) => tdb.ctx(u.actor);

const EXPLICIT: ProgramInput = {
  name: 'Kuota per desa Kabupaten Bungo 2027',
  ownerRegion: '15.08',
  funderType: 'apbd_kabkota',
  firstMonth: '2027-01',
  lastMonth: '2027-12',
  quota: { rule: 'explicit', villageKinds: ['desa', 'kelurahan'] },
};

async function refusal(p: Promise<unknown>): Promise<DomainError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  return err as DomainError;
}

const seatsOf = async (programId: string) =>
  Object.fromEntries(
    (
      await tdb.database.db
        .select()
        .from(programAllocation)
        .where(eq(programAllocation.programId, programId))
    ).map((a) => [a.villageCode, a.seats]),
  );

const csv = (text: string) => ({ stream: Readable.from([text]), fileName: 'kursi.csv' });

beforeAll(async () => {
  tdb = await createTestDatabase();
  dinas = await aUser(tdb, { role: 'regency_admin', scope: '15.08', username: 'dinas.bungo' });
  tebo = await aUser(tdb, { role: 'regency_admin', scope: '15.09' });
});
afterAll(async () => tdb?.close());

describe('seats typed per village', () => {
  it('sets and removes seats of the villages named; the others stay', async () => {
    const p = await createProgram(as(dinas), EXPLICIT);
    expect(
      await setAllocations(as(dinas), p.id, [
        { villageCode: '15.08.01.2001', seats: 100 },
        { villageCode: '1508012002', seats: 40 },
        { villageCode: '15.08.03.1008', seats: 15 },
      ]),
    ).toEqual({ villages: 3, seats: 155 });
    expect(
      await setAllocations(as(dinas), p.id, [
        { villageCode: '15.08.01.2002', seats: 0 },
        { villageCode: '15.08.01.2003', seats: 10 },
      ]),
    ).toEqual({ villages: 3, seats: 125 });
    expect(await seatsOf(p.id)).toEqual({
      '15.08.01.2001': 100,
      '15.08.01.2003': 10,
      '15.08.03.1008': 15,
    });
    const audit = await tdb.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, p.id), eq(auditLog.action, 'programs.setAllocations')))
      .orderBy(auditLog.at);
    expect(audit.map((a) => [a.before, a.after])).toEqual([
      [
        { seats: 0, villages: 0 },
        {
          seats: 155,
          villages: 3,
          set: { '15.08.01.2001': 100, '15.08.01.2002': 40, '15.08.03.1008': 15 },
        },
      ],
      [
        { seats: 155, villages: 3 },
        { seats: 125, villages: 3, set: { '15.08.01.2002': 0, '15.08.01.2003': 10 } },
      ],
    ]);
  });

  it('refuses the whole list when one entry is wrong, each with its reason', async () => {
    const p = await createProgram(as(dinas), {
      ...EXPLICIT,
      name: 'Kuota desa saja',
      quota: { rule: 'explicit' },
    });
    const err = await refusal(
      setAllocations(as(dinas), p.id, [
        { villageCode: '15.08.01.2001', seats: 10 },
        { villageCode: '15.09.01.2003', seats: 10 },
        { villageCode: '15.08.03.1008', seats: 10 },
        { villageCode: '15.08.01', seats: 10 },
        { villageCode: '15.08.01.2999', seats: 10 },
        { villageCode: '15.08.01.2001', seats: 5 },
      ]),
    );
    expect(err.code).toBe('VALIDATION');
    expect(err.details!.issues).toEqual([
      {
        path: '1.villageCode',
        message: 'Bedaro Rampak (15.09.01.2003) di luar wilayah program (Kabupaten Bungo).',
      },
      {
        path: '2.villageCode',
        message: 'Bungo Barat adalah kelurahan; program ini hanya untuk desa.',
      },
      {
        path: '3.villageCode',
        message: 'Kode 15.08.01 bukan kode desa/kelurahan (contoh: 15.08.01.2001).',
      },
      {
        path: '4.villageCode',
        message: 'Desa dengan kode 15.08.01.2999 tidak ada di register wilayah.',
      },
      { path: '5.villageCode', message: 'Desa 15.08.01.2001 sudah disebut di baris 1.' },
    ]);
    expect(await seatsOf(p.id)).toEqual({});
    const seats = await refusal(
      setAllocations(as(dinas), p.id, [{ villageCode: '15.08.01.2001', seats: -1 }]),
    );
    expect(seats.message).toBe('Kursi harus bilangan bulat 0–100.000.');
  });

  it('is only for draft programs with the explicit rule, run by the actor', async () => {
    const perVillage = await createProgram(as(dinas), {
      ...EXPLICIT,
      name: 'Sama per desa',
      quota: { rule: 'per_village', seats: 25 },
    });
    const rule = await refusal(
      setAllocations(as(dinas), perVillage.id, [{ villageCode: '15.08.01.2001', seats: 3 }]),
    );
    expect(rule.code).toBe('CONFLICT');
    const p = await createProgram(as(dinas), { ...EXPLICIT, name: 'Diaktifkan' });
    await setAllocations(as(dinas), p.id, [{ villageCode: '15.08.01.2001', seats: 3 }]);
    await activateProgram(as(dinas), p.id);
    const active = await refusal(
      setAllocations(as(dinas), p.id, [{ villageCode: '15.08.01.2001', seats: 4 }]),
    );
    expect([active.code, active.message]).toEqual([
      'INVALID_TRANSITION',
      'Kursi per desa hanya dapat diubah selama program masih draf; program ini aktif.',
    ]);
    const other = await refusal(
      setAllocations(as(tebo), p.id, [{ villageCode: '15.08.01.2001', seats: 4 }]),
    );
    expect(other.code).toBe('NOT_FOUND');
  });

  it('keeps typed seats when the rule becomes explicit, and drops those outside new kinds', async () => {
    const p = await createProgram(as(dinas), {
      ...EXPLICIT,
      name: 'Dari sama rata ke per desa',
      quota: { rule: 'per_village', seats: 5, villageKinds: ['desa', 'kelurahan'] },
    });
    expect(p.seats).toBe(153 * 5);
    const explicit = await updateProgram(as(dinas), p.id, {
      quota: { rule: 'explicit', villageKinds: ['desa'] },
    });
    expect([explicit.seats, explicit.villages]).toEqual([141 * 5, 141]);
  });
});

describe('seats imported from a file', () => {
  it('applies good rows and reports every other row with its line and reason', async () => {
    const p = await createProgram(as(dinas), { ...EXPLICIT, name: 'Impor CSV' });
    const result = await importAllocations(
      as(dinas),
      p.id,
      csv(
        [
          'Kode Desa;Kursi;Nama',
          '15.08.01.2001;100;Pedukun',
          '1508012002;40;Lubuk Niur',
          '15.09.01.2003;10;Bedaro Rampak',
          '15.08.01.2003;banyak;Teluk Kecimbung',
          ';5;tanpa kode',
          'abc;5;kode salah',
          '15.08.01.2001;7;Pedukun lagi',
          '15.08.03.1008;15;Bungo Barat',
          '15.08.01.2999;1;tidak ada',
          '15.08.01.2004;0;Tanah Tumbuh',
        ].join('\n'),
      ),
    );
    expect(result).toEqual({
      fileName: 'kursi.csv',
      rows: 10,
      applied: 4,
      villages: 3,
      seats: 155,
      errors: [
        {
          line: 4,
          villageCode: '15.09.01.2003',
          reason: 'Bedaro Rampak (15.09.01.2003) di luar wilayah program (Kabupaten Bungo).',
        },
        {
          line: 5,
          villageCode: '15.08.01.2003',
          reason: 'Kursi "banyak" bukan bilangan bulat 0–100.000.',
        },
        { line: 6, villageCode: null, reason: 'Kode desa kosong.' },
        { line: 7, villageCode: 'abc', reason: 'Kode desa "abc" tidak valid.' },
        {
          line: 8,
          villageCode: '15.08.01.2001',
          reason: 'Desa 15.08.01.2001 sudah disebut di baris 2.',
        },
        {
          line: 10,
          villageCode: '15.08.01.2999',
          reason: 'Desa dengan kode 15.08.01.2999 tidak ada di register wilayah.',
        },
      ],
    });
    expect(await seatsOf(p.id)).toEqual({
      '15.08.01.2001': 100,
      '15.08.01.2002': 40,
      '15.08.03.1008': 15,
    });
    const [audit] = await tdb.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, p.id), eq(auditLog.action, 'programs.importAllocations')));
    expect(audit!.after).toMatchObject({ fileName: 'kursi.csv', rows: 10, refused: 6, seats: 155 });
  });

  it('reads an Excel file, and the same file twice changes nothing', async () => {
    const p = await createProgram(as(dinas), { ...EXPLICIT, name: 'Impor XLSX' });
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Kursi');
    sheet.addRow(['kode_desa', 'kursi']);
    sheet.addRow(['15.08.01.2001', 25]);
    sheet.addRow([1508012002, 30]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jaring-kursi-')), 'kursi.xlsx');
    await wb.xlsx.writeFile(file);
    const once = await importAllocations(as(dinas), p.id, { path: file, fileName: 'kursi.xlsx' });
    const twice = await importAllocations(as(dinas), p.id, { path: file, fileName: 'kursi.xlsx' });
    expect([once.applied, once.seats, once.errors]).toEqual([2, 55, []]);
    expect([twice.applied, twice.seats, twice.villages]).toEqual([2, 55, 2]);
    expect(await seatsOf(p.id)).toEqual({ '15.08.01.2001': 25, '15.08.01.2002': 30 });
  });

  it('refuses a file without the two columns', async () => {
    const p = await createProgram(as(dinas), { ...EXPLICIT, name: 'Impor tanpa kolom' });
    const err = await refusal(importAllocations(as(dinas), p.id, csv('desa,jumlah\nPedukun,5\n')));
    expect([err.code, err.message]).toEqual([
      'VALIDATION',
      'Baris judul harus berisi kolom kode_desa dan kursi (tidak ada: kode_desa, kursi).',
    ]);
  });
});

/** A small deterministic generator (mulberry32): the same seed gives the same program. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('roll-up: every level equals the sum of its children (Kabupaten Bungo)', () => {
  const villages: { code: string; kind: string }[] = [];
  const workerIds: string[] = [];
  beforeAll(async () => {
    villages.push(
      ...(await queryRows<{ code: string; kind: string }>(
        tdb.database.db,
        sql`SELECT code, kind FROM region WHERE code LIKE '15.08.%' AND level = 'village'
            AND retired_at IS NULL ORDER BY code`,
      )),
    );
    const rows = Array.from({ length: 300 }, (_, i) => ({
      nik: `1508014107${String(i).padStart(6, '0')}`,
      fullName: `Pekerja Uji ${i}`,
      nameKey: `pekerja uji ${i}`,
      birthDate: '1985-07-01',
      sex: 'L' as const,
      villageCode: '15.08.01.2001',
      occupationCode: 9,
      segment: 'pekerja_rentan',
    }));
    const inserted = await tdb.database.db.insert(worker).values(rows).returning({ id: worker.id });
    workerIds.push(...inserted.map((r) => r.id));
  });

  it('has 141 desa and 12 kelurahan in the register', () => {
    expect(villages.filter((v) => v.kind === 'desa')).toHaveLength(141);
    expect(villages.filter((v) => v.kind === 'kelurahan')).toHaveLength(12);
  });

  it.each([1, 2, 3])('holds for random seats and enrollments (seed %i)', async (seed) => {
    const next = random(seed);
    const p = await createProgram(as(dinas), {
      ...EXPLICIT,
      name: `Roll-up acak ${seed}`,
      firstMonth: `${2030 + seed}-01`,
      lastMonth: `${2030 + seed}-12`,
    });
    const seats = new Map<string, number>();
    for (const v of villages) if (next() < 0.8) seats.set(v.code, Math.floor(next() * 120));
    await setAllocations(
      as(dinas),
      p.id,
      [...seats].map(([villageCode, n]) => ({ villageCode, seats: n })),
    );
    // one enrollment per worker (no double funding), in a random village, with a random status
    const filled = new Map<string, number>();
    const withSeats = [...seats.keys()];
    await tdb.database.db.insert(enrollment).values(
      workerIds.map((workerId) => {
        const villageCode = withSeats[Math.floor(next() * withSeats.length)]!;
        const status = ENROLLMENT_STATUSES[Math.floor(next() * ENROLLMENT_STATUSES.length)]!;
        if (FILLS_SEAT.has(status)) filled.set(villageCode, (filled.get(villageCode) ?? 0) + 1);
        return {
          programId: p.id,
          workerId,
          villageCode,
          status,
          firstMonth: `${2030 + seed}-01-01`,
          lastMonth: `${2030 + seed}-12-01`,
          proposedBy: 'tes',
        };
      }),
    );
    const sum = (m: Map<string, number>, prefix: string) =>
      [...m].reduce((s, [code, n]) => (code.startsWith(`${prefix}.`) ? s + n : s), 0);
    const check = (node: Allocations) => {
      expect(node.seats, node.region).toBe(node.children.reduce((s, c) => s + c.seats, 0));
      expect(node.filled, node.region).toBe(node.children.reduce((s, c) => s + c.filled, 0));
      expect(node.seats, node.region).toBe(sum(seats, node.region));
      expect(node.filled, node.region).toBe(sum(filled, node.region));
    };

    const regency = await getAllocations(as(dinas), p.id);
    expect([regency.region, regency.children.length]).toEqual(['15.08', 17]);
    check(regency);
    expect(regency.seats).toBe([...seats.values()].reduce((a, b) => a + b, 0));
    for (const d of regency.children) {
      const district = await getAllocations(as(dinas), p.id, d.region);
      expect([district.seats, district.filled]).toEqual([d.seats, d.filled]);
      expect(district.path.map((x) => x.region)).toEqual(['15.08', d.region]);
      check(district);
      for (const v of district.children) {
        expect(v.seats).toBe(seats.get(v.region) ?? 0);
        expect(v.filled).toBe(filled.get(v.region) ?? 0);
      }
      expect(district.children.map((v) => v.region)).toEqual(
        villages.filter((v) => v.code.startsWith(`${d.region}.`)).map((v) => v.code),
      );
    }
    const total = await getProgram(as(dinas), p.id);
    expect([total.seats, total.filled]).toEqual([regency.seats, regency.filled]);
    const village = await getAllocations(as(dinas), p.id, withSeats[0]);
    expect([village.seats, village.children]).toEqual([seats.get(withSeats[0]!), []]);
  });
});
