import { and, asc, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit.ts';
import { worker as workerTable } from '../../db/schema/workers.ts';
import { aUser, type UserFixture } from '../../../../test/factories.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/test-db.ts';
import {
  addChild,
  addHeir,
  createWorker,
  listFamily,
  removeChild,
  removeHeir,
  updateChild,
  updateHeir,
  type HeirInput,
} from './index.ts';

let tdb: TestDatabase;
let operator: UserFixture;
let otherOperator: UserFixture;
let dinas: UserFixture;
let auditor: UserFixture;
let bpjs: UserFixture;
let workerId = '';
let elsewhereId = '';
let mergedId = '';
// 20 March 2026, 10:00 in Jakarta
const now = () => new Date('2026-03-20T03:00:00Z');
const as = (u: UserFixture) => tdb.ctx(u.actor, now);
const istri: HeirInput = {
  name: 'Siti  Aminah',
  nik: '1508-0152-0388-0002',
  relationship: 'spouse',
  phone: '0812-7400-1234',
};

/** A VALIDATION error whose message is the first issue, at this field. */
const invalid = (path: string, message: string) => ({
  code: 'VALIDATION',
  message,
  details: { issues: expect.arrayContaining([expect.objectContaining({ path, message })]) },
});

const seed = async (nik: string, villageCode: string) =>
  (
    await createWorker(tdb.ctx(), {
      nik,
      fullName: 'Rahmat Hidayat',
      birthDate: '1985-07-11',
      sex: 'L',
      villageCode,
      occupationCode: 9,
    })
  ).id;

const auditOf = (action: string) =>
  tdb.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, workerId)))
    .orderBy(asc(auditLog.id));

beforeAll(async () => {
  tdb = await createTestDatabase();
  operator = await aUser(tdb, { role: 'village_operator', scope: '15.08.01.2001' });
  otherOperator = await aUser(tdb, { role: 'village_operator', scope: '15.08.02.2001' });
  dinas = await aUser(tdb, { role: 'regency_admin', scope: '15.08' });
  auditor = await aUser(tdb, { role: 'auditor', scope: '15.08' });
  bpjs = await aUser(tdb, { role: 'bpjs_officer', scope: '15.08' });
  workerId = await seed('1508011107850001', '15.08.01.2001');
  elsewhereId = await seed('1508021107850001', '15.08.02.2001');
  mergedId = await seed('1508011107850002', '15.08.01.2001');
  await tdb.database.db
    .update(workerTable)
    .set({ mergedInto: workerId })
    .where(eq(workerTable.id, mergedId));
});
afterAll(async () => tdb?.close());

describe('heirs', () => {
  it('adds an heir with the NIK masked, lists it and audits it on the worker', async () => {
    expect(await listFamily(as(operator), workerId)).toEqual({ heirs: [], children: [] });
    const heir = await addHeir(as(operator), workerId, istri);
    expect(heir).toMatchObject({
      name: 'Siti Aminah',
      nikMasked: '150801xxxxxx0002',
      relationship: 'spouse',
      phone: '0812-7400-1234',
    });
    expect((await listFamily(as(operator), workerId)).heirs).toEqual([heir]);
    const [record] = await auditOf('workers.heir.add');
    expect(record).toMatchObject({
      entity: 'worker',
      entityId: workerId,
      regionCode: '15.08.01.2001',
      before: null,
      after: { heir: { id: heir.id, name: 'Siti Aminah', nik: '150801xxxxxx0002' } },
    });
    expect(JSON.stringify(record!.after)).not.toContain('1508015203880002');
  });

  it('refuses invalid heirs field by field and writes nothing', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ name: '  ' }, 'name', 'Nama wajib diisi.'],
      [{ name: 'A'.repeat(101) }, 'name', 'Nama maksimal 100 karakter.'],
      [{ nik: '150801520388000' }, 'nik', 'NIK harus 16 digit angka (yang diisi: 15 digit).'],
      [{ nik: '1599015203880002' }, 'nik', expect.stringContaining('tidak dikenal') as string],
      [{ nik: '1508015203880000' }, 'nik', 'Nomor urut NIK (4 digit terakhir) tidak boleh 0000.'],
      [{ nik: '1508019913880002' }, 'nik', expect.stringContaining('bukan tanggal') as string],
      [{ nik: '1508011107850001' }, 'nik', 'NIK ini adalah NIK pekerja sendiri.'],
      [
        { phone: 'telp 0812' },
        'phone',
        'Nomor telepon hanya angka, spasi, tanda hubung, boleh diawali +.',
      ],
      [{ relationship: 'sepupu' }, 'relationship', 'Hubungan dengan pekerja wajib dipilih.'],
    ];
    for (const [change, path, message] of cases) {
      await expect(
        addHeir(as(operator), workerId, { ...istri, ...change }),
        JSON.stringify(change),
      ).rejects.toMatchObject(invalid(path, message));
    }
    expect((await listFamily(as(operator), workerId)).heirs).toHaveLength(1);
    expect(await auditOf('workers.heir.add')).toHaveLength(1);
  });

  it('accepts an heir without NIK or phone', async () => {
    const heir = await addHeir(as(operator), workerId, { name: 'Ahmad', relationship: 'parent' });
    expect(heir).toMatchObject({ nikMasked: null, phone: null, relationship: 'parent' });
  });

  it('changes an heir: null clears the NIK, a patch that changes nothing writes nothing', async () => {
    const [heir] = (await listFamily(as(operator), workerId)).heirs;
    const updated = await updateHeir(as(operator), workerId, heir!.id, {
      nik: null,
      phone: '+62 812 7400 9999',
    });
    expect(updated).toMatchObject({ nikMasked: null, phone: '+62 812 7400 9999' });
    const [record] = await auditOf('workers.heir.update');
    expect(record).toMatchObject({
      before: { heir: { nik: '150801xxxxxx0002', phone: '0812-7400-1234' } },
      after: { heir: { nik: null, phone: '+62 812 7400 9999' } },
    });
    await updateHeir(as(operator), workerId, heir!.id, { name: 'Siti Aminah' });
    expect(await auditOf('workers.heir.update')).toHaveLength(1);
    await expect(updateHeir(as(operator), workerId, heir!.id, { name: '' })).rejects.toMatchObject({
      details: { issues: [{ path: 'name' }] },
    });
  });

  it('removes an heir with an audit record; a second removal finds nothing', async () => {
    const heir = await addHeir(as(operator), workerId, { name: 'Budi', relationship: 'sibling' });
    await removeHeir(as(operator), workerId, heir.id);
    const names = (await listFamily(as(operator), workerId)).heirs.map((h) => h.name);
    expect(names).not.toContain('Budi');
    const [record] = await auditOf('workers.heir.remove');
    expect(record).toMatchObject({ before: { heir: { name: 'Budi' } }, after: null });
    await expect(removeHeir(as(operator), workerId, heir.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Ahli waris tidak ditemukan.',
    });
  });

  it('does not reach an heir through another worker', async () => {
    const [heir] = (await listFamily(as(operator), workerId)).heirs;
    const other = await addHeir(as(dinas), elsewhereId, { name: 'Lina', relationship: 'spouse' });
    await expect(updateHeir(as(dinas), workerId, other.id, { name: 'Lain' })).rejects.toMatchObject(
      { code: 'NOT_FOUND' },
    );
    await expect(removeHeir(as(dinas), elsewhereId, heir!.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('children', () => {
  it('adds children, lists them oldest first and audits each change', async () => {
    const younger = await addChild(as(operator), workerId, {
      name: 'Nur Aini',
      birthDate: '2019-02-01',
      schoolLevel: 'tk',
    });
    const older = await addChild(as(operator), workerId, {
      name: 'Dimas',
      nik: '1508011505150003',
      birthDate: '2015-05-15',
      schoolLevel: 'sd',
    });
    expect(older).toMatchObject({ nikMasked: '150801xxxxxx0003', schoolLevel: 'sd' });
    const { children } = await listFamily(as(operator), workerId);
    expect(children.map((c) => c.name)).toEqual(['Dimas', 'Nur Aini']);
    const updated = await updateChild(as(operator), workerId, younger.id, { schoolLevel: 'sd' });
    expect(updated.schoolLevel).toBe('sd');
    await removeChild(as(operator), workerId, younger.id);
    expect((await listFamily(as(operator), workerId)).children).toHaveLength(1);
    const actions = await tdb.database.db
      .select({ action: auditLog.action, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, workerId), like(auditLog.action, 'workers.child.%')))
      .orderBy(asc(auditLog.id));
    expect(actions.map((a) => a.action)).toEqual([
      'workers.child.add',
      'workers.child.add',
      'workers.child.update',
      'workers.child.remove',
    ]);
    expect(actions[2]!.after).toMatchObject({ child: { name: 'Nur Aini', schoolLevel: 'sd' } });
  });

  it('refuses invalid children field by field', async () => {
    const valid = { name: 'Dewi', birthDate: '2018-01-01', schoolLevel: 'tk' } as const;
    const cases: [Record<string, unknown>, string, string][] = [
      [{ name: '' }, 'name', 'Nama wajib diisi.'],
      [{ birthDate: '2026-03-21' }, 'birthDate', 'Tanggal lahir anak tidak boleh di masa depan.'],
      [
        { birthDate: '01-01-2018' },
        'birthDate',
        'Tanggal harus berformat TTTT-BB-HH, misalnya 1985-07-01.',
      ],
      [{ birthDate: undefined }, 'birthDate', 'Tanggal lahir wajib diisi (TTTT-BB-HH).'],
      [{ schoolLevel: 'kuliah' }, 'schoolLevel', 'Jenjang sekolah wajib dipilih.'],
      [{ nik: '12345' }, 'nik', 'NIK harus 16 digit angka (yang diisi: 5 digit).'],
    ];
    for (const [change, path, message] of cases) {
      await expect(
        addChild(as(operator), workerId, { ...valid, ...change }),
        JSON.stringify(change),
      ).rejects.toMatchObject(invalid(path, message));
    }
    const [child] = (await listFamily(as(operator), workerId)).children;
    await expect(
      updateChild(as(operator), workerId, child!.id, { birthDate: '2027-01-01' }),
    ).rejects.toMatchObject({ details: { issues: [{ path: 'birthDate' }] } });
    expect((await listFamily(as(operator), workerId)).children).toHaveLength(1);
  });
});

describe('who may see and change a family', () => {
  it('answers NOT_FOUND for a worker outside the actor scope, for reading and writing', async () => {
    const [heir] = (await listFamily(as(operator), workerId)).heirs;
    const [child] = (await listFamily(as(operator), workerId)).children;
    const outside = as(otherOperator);
    const notFound = { code: 'NOT_FOUND', message: 'Pekerja tidak ditemukan.' };
    await expect(listFamily(outside, workerId)).rejects.toMatchObject(notFound);
    await expect(addHeir(outside, workerId, istri)).rejects.toMatchObject(notFound);
    await expect(updateHeir(outside, workerId, heir!.id, { name: 'X' })).rejects.toMatchObject(
      notFound,
    );
    await expect(removeHeir(outside, workerId, heir!.id)).rejects.toMatchObject(notFound);
    await expect(removeChild(outside, workerId, child!.id)).rejects.toMatchObject(notFound);
    await expect(listFamily(as(operator), 'bukan-uuid')).rejects.toMatchObject(notFound);
  });

  it('lets auditors and BPJS officers read but not change', async () => {
    for (const reader of [auditor, bpjs]) {
      const family = await listFamily(as(reader), workerId);
      expect(family.heirs.length).toBeGreaterThan(0);
      await expect(addHeir(as(reader), workerId, istri)).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await expect(
        addChild(as(reader), workerId, { name: 'A', birthDate: '2018-01-01', schoolLevel: 'tk' }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  it('lets a regency admin change a family anywhere in the regency', async () => {
    const heir = await addHeir(as(dinas), workerId, { name: 'Yanti', relationship: 'grandchild' });
    const [record] = (await auditOf('workers.heir.add')).slice(-1);
    expect(record).toMatchObject({
      actorName: dinas.me.username,
      after: { heir: { id: heir.id } },
    });
  });

  it('refuses changes to a worker merged into another record, and still shows its family', async () => {
    const conflict = {
      code: 'CONFLICT',
      message: 'Pekerja ini sudah digabungkan ke data lain.',
    };
    await expect(addHeir(as(operator), mergedId, istri)).rejects.toMatchObject(conflict);
    await expect(
      addChild(as(operator), mergedId, { name: 'A', birthDate: '2018-01-01', schoolLevel: 'tk' }),
    ).rejects.toMatchObject(conflict);
    expect(await listFamily(as(operator), mergedId)).toEqual({ heirs: [], children: [] });
  });
});
