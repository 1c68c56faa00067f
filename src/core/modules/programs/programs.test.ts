import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { programAllocation } from '../../db/schema/programs.ts';
import { DomainError } from '../../errors.ts';
import { aUser, type UserFixture } from '../../../../test/factories.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/test-db.ts';
import {
  activateProgram,
  closeProgram,
  createProgram,
  getAllocations,
  getProgram,
  listPrograms,
  updateProgram,
  type ProgramInput,
} from './index.ts';

let tdb: TestDatabase;
let dinas: UserFixture;
let jambi: UserFixture;
let sijunjung: UserFixture;
let district: UserFixture;
let pedukunOp: UserFixture;
let auditor: UserFixture;

const as = (u: UserFixture) => tdb.ctx(u.actor);

/** Kabupaten Bungo's 2027 program: 25 seats in every desa (DOMAIN §1, Gerakan Dusun Membangun). */
const BUNGO_2027: ProgramInput = {
  name: 'Perlindungan Pekerja Rentan Kabupaten Bungo 2027',
  ownerRegion: '15.08',
  funderType: 'apbd_kabkota',
  budgetReference: 'DPA 1.02.0.00.0.00.01.0000',
  firstMonth: '2027-01',
  lastMonth: '2027-12',
  quota: { rule: 'per_village', seats: 25 },
};

async function refusal(p: Promise<unknown>): Promise<DomainError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  return err as DomainError;
}

const auditOf = (entityId: string) =>
  tdb.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'program'), eq(auditLog.entityId, entityId)))
    .orderBy(auditLog.at);

beforeAll(async () => {
  tdb = await createTestDatabase();
  dinas = await aUser(tdb, { role: 'regency_admin', scope: '15.08', username: 'dinas.bungo' });
  jambi = await aUser(tdb, { role: 'province_admin', scope: '15' });
  sijunjung = await aUser(tdb, { role: 'regency_admin', scope: '13.03' });
  district = await aUser(tdb, { role: 'district_officer', scope: '15.08.01' });
  pedukunOp = await aUser(tdb, { role: 'village_operator', scope: '15.08.01.2001' });
  auditor = await aUser(tdb, { role: 'auditor', scope: '15.08' });
});
afterAll(async () => tdb?.close());

describe('creating a program', () => {
  it('gives Kabupaten Bungo 25 seats in each of its 141 desa: 3,525 seats, Rp710,640,000', async () => {
    const p = await createProgram(as(dinas), BUNGO_2027);
    expect(p).toMatchObject({
      name: 'Perlindungan Pekerja Rentan Kabupaten Bungo 2027',
      ownerRegion: '15.08',
      ownerRegionName: 'Kabupaten Bungo',
      ownerRegionLevel: 'regency',
      status: 'draft',
      fiscalYear: 2027,
      firstMonth: '2027-01',
      lastMonth: '2027-12',
      package: ['JKK', 'JKM'],
      declaredIncome: 1_000_000,
      eligibility: { minAge: 15, maxAge: 65, segments: [], occupations: [], maxDecile: null },
      quota: { rule: 'per_village', seats: 25, villageKinds: ['desa'] },
      districtStep: true,
      seats: 3_525,
      villages: 141,
      filled: 0,
      money: {
        months: 12,
        monthlyContribution: 16_800,
        costPerSeat: 201_600,
        cost: 710_640_000,
        budget: null,
      },
      previous: null,
      permissions: { manage: true },
    });
    const audit = await auditOf(p.id);
    expect(audit.map((a) => [a.action, a.actorName, a.regionCode])).toEqual([
      ['programs.create', 'dinas.bungo', '15.08'],
    ]);
    expect(audit[0]!.after).toMatchObject({ name: p.name, status: 'draft', fiscalYear: 2027 });
  });

  it('turns Rp10,000,000 per desa for 12 months into 49 seats each (the planner’s arithmetic)', async () => {
    const p = await createProgram(as(dinas), {
      ...BUNGO_2027,
      name: 'APBDes Bungo 2027',
      funderType: 'apbdes',
      quota: { rule: 'budget_per_village', budgetPerVillage: 10_000_000 },
    });
    expect([p.seats, p.villages]).toEqual([6_909, 141]);
    expect(p.money).toMatchObject({
      budget: 1_410_000_000,
      cost: 1_392_854_400,
      remainder: 17_145_600,
    });
    const [row] = await tdb.database.db
      .select()
      .from(programAllocation)
      .where(
        and(
          eq(programAllocation.programId, p.id),
          eq(programAllocation.villageCode, '15.08.01.2001'),
        ),
      );
    expect(row?.seats).toBe(49);
  });

  it('counts desa and kelurahan when asked, and lets a province run a program', async () => {
    const both = await createProgram(as(dinas), {
      ...BUNGO_2027,
      name: 'Bungo desa dan kelurahan',
      quota: { rule: 'per_village', seats: 10, villageKinds: ['desa', 'kelurahan'] },
    });
    expect([both.seats, both.villages]).toEqual([1_530, 153]);
    const province = await createProgram(as(jambi), {
      ...BUNGO_2027,
      name: 'BKBK Provinsi Jambi 2027',
      ownerRegion: '15',
      funderType: 'bkbk',
      quota: { rule: 'explicit' },
    });
    expect([province.ownerRegionName, province.seats, province.quota.rule]).toEqual([
      'Jambi',
      0,
      'explicit',
    ]);
  });

  it('names every wrong field in Indonesian', async () => {
    const issues = async (input: ProgramInput) => {
      const err = await refusal(createProgram(as(dinas), input));
      expect(err.code).toBe('VALIDATION');
      return (err.details!.issues as { path: string; message: string }[]).map(
        (i) => `${i.path}: ${i.message}`,
      );
    };
    expect(await issues({ ...BUNGO_2027, firstMonth: '2027-06', lastMonth: '2027-01' })).toEqual([
      'lastMonth: Bulan terakhir tidak boleh sebelum bulan pertama.',
    ]);
    expect(await issues({ ...BUNGO_2027, lastMonth: '2032-01' })).toEqual([
      'lastMonth: Periode program paling lama 60 bulan.',
    ]);
    expect(await issues({ ...BUNGO_2027, firstMonth: '2027-13' })).toEqual([
      'firstMonth: Bulan harus berformat TTTT-BB, misalnya 2027-01.',
    ]);
    expect(await issues({ ...BUNGO_2027, package: ['JKK', 'JHT'] })).toEqual([
      'package: Paket wajib berisi JKK dan JKM; JHT boleh ditambahkan.',
    ]);
    expect(await issues({ ...BUNGO_2027, funderType: 'apbd_kota' as never })).toEqual([
      'funderType: Jenis sumber dana tidak dikenal.',
    ]);
    expect(await issues({ ...BUNGO_2027, declaredIncome: 900_000 })).toEqual([
      'declaredIncome: Penghasilan yang dilaporkan harus bilangan bulat Rp1.000.000–Rp20.700.000.',
    ]);
    expect(await issues({ ...BUNGO_2027, eligibility: { minAge: 40, maxAge: 30 } })).toEqual([
      'eligibility.minAge: Usia minimal tidak boleh lebih dari usia maksimal.',
    ]);
    expect(await issues({ ...BUNGO_2027, eligibility: { maxAge: 70 } })).toEqual([
      'eligibility.maxAge: Usia harus bilangan bulat 15–65 tahun.',
    ]);
    expect(await issues({ ...BUNGO_2027, quota: { rule: 'per_village' } })).toEqual([
      'quota.seats: Isi jumlah kursi setiap desa.',
    ]);
    expect(
      await issues({ ...BUNGO_2027, quota: { rule: 'explicit', seats: 5, villageKinds: [] } }),
    ).toEqual([
      'quota.villageKinds: Pilih minimal satu jenis desa.',
      'quota.seats: Kursi per desa hanya diisi untuk aturan "sama untuk setiap desa".',
    ]);
    expect(
      await issues({
        ...BUNGO_2027,
        quota: { rule: 'budget_per_village', budgetPerVillage: 200_000 },
      }),
    ).toEqual([
      'quota.budgetPerVillage: Anggaran Rp200.000 per desa tidak cukup untuk satu kursi selama 12 bulan (Rp201.600 per kursi).',
    ]);
    expect(await issues({ ...BUNGO_2027, ownerRegion: '15.08.01' })).toEqual([
      'ownerRegion: Program dijalankan oleh provinsi, kabupaten/kota atau desa; pilih wilayah pada salah satu tingkat itu.',
    ]);
    expect(
      await issues({
        ...BUNGO_2027,
        ownerRegion: '15.08.01.2001',
        quota: { rule: 'per_village', seats: 5, villageKinds: ['kelurahan'] },
      }),
    ).toEqual(['quota.villageKinds: Tidak ada kelurahan yang berlaku di Pedukun.']);
  });

  it('lets a regency office run a village’s own program, not a region outside its scope', async () => {
    const own = await createProgram(as(dinas), {
      ...BUNGO_2027,
      name: 'APBDes Pedukun 2027',
      ownerRegion: '15.08.01.2001',
      funderType: 'apbdes',
    });
    expect([own.seats, own.villages, own.ownerRegionName]).toEqual([25, 1, 'Pedukun']);
    const outside = await refusal(
      createProgram(as(dinas), { ...BUNGO_2027, ownerRegion: '13.03' }),
    );
    expect([outside.code, outside.message]).toEqual([
      'FORBIDDEN',
      'Wilayah ini di luar cakupan akun Anda.',
    ]);
    for (const u of [district, pedukunOp, auditor]) {
      expect((await refusal(createProgram(as(u), BUNGO_2027))).code).toBe('FORBIDDEN');
    }
  });
});

describe('a program through its life', () => {
  it('changes while a draft (seats follow), then is activated, then closed — each step audited', async () => {
    const p = await createProgram(as(dinas), { ...BUNGO_2027, name: 'Bungo hidup program' });
    const changed = await updateProgram(as(dinas), p.id, {
      quota: { rule: 'per_village', seats: 30 },
      districtStep: false,
      eligibility: { maxAge: 60, maxDecile: 4 },
    });
    expect([changed.seats, changed.districtStep, changed.eligibility]).toEqual([
      4_230,
      false,
      { minAge: 15, maxAge: 60, segments: [], occupations: [], maxDecile: 4 },
    ]);
    expect(changed.name).toBe('Bungo hidup program');

    const active = await activateProgram(as(dinas), p.id);
    expect([active.status, active.seats]).toEqual(['active', 4_230]);
    const late = await refusal(updateProgram(as(dinas), p.id, { name: 'Nama baru' }));
    expect([late.code, late.message]).toEqual([
      'INVALID_TRANSITION',
      'Program hanya dapat diubah selama program masih draf; program ini aktif.',
    ]);
    const again = await refusal(activateProgram(as(dinas), p.id));
    expect([again.code, again.message]).toEqual([
      'INVALID_TRANSITION',
      'Hanya program berstatus draf yang dapat diaktifkan; program ini aktif.',
    ]);

    const closed = await closeProgram(as(dinas), p.id);
    expect(closed.status).toBe('closed');
    expect((await refusal(closeProgram(as(dinas), p.id))).message).toBe(
      'Hanya program aktif yang dapat ditutup; program ini ditutup.',
    );
    const audit = await auditOf(p.id);
    expect(audit.map((a) => a.action)).toEqual([
      'programs.create',
      'programs.update',
      'programs.activate',
      'programs.close',
    ]);
    expect(audit[1]!.before).toMatchObject({ quota: { seats: 25 }, districtStep: true });
    expect(audit[1]!.after).toMatchObject({ quota: { seats: 30 }, districtStep: false });
    expect(audit[2]!.after).toEqual({ status: 'active', seats: 4_230, villages: 141 });
    expect(audit[3]!.before).toEqual({ status: 'active' });
  });

  it('refuses to close a draft, and to activate an explicit program without seats', async () => {
    const draft = await createProgram(as(dinas), {
      ...BUNGO_2027,
      name: 'Bungo kuota per desa',
      quota: { rule: 'explicit' },
    });
    expect((await refusal(closeProgram(as(dinas), draft.id))).code).toBe('INVALID_TRANSITION');
    const empty = await refusal(activateProgram(as(dinas), draft.id));
    expect([empty.code, empty.message]).toEqual([
      'VALIDATION',
      'Isi kursi minimal satu desa sebelum program diaktifkan.',
    ]);
    expect(await getProgram(as(dinas), draft.id)).toMatchObject({
      status: 'draft',
      createdBy: dinas.me.displayName,
    });
  });

  it('fixes the seats at activation from the register as it stands then', async () => {
    const p = await createProgram(as(dinas), { ...BUNGO_2027, name: 'Bungo register berubah' });
    await tdb.database.db.execute(
      sql`UPDATE region SET retired_at = now() WHERE code = '15.08.01.2016'`,
    );
    try {
      const active = await activateProgram(as(dinas), p.id);
      expect([active.seats, active.villages]).toEqual([3_500, 140]);
    } finally {
      await tdb.database.db.execute(
        sql`UPDATE region SET retired_at = NULL WHERE code = '15.08.01.2016'`,
      );
    }
  });
});

describe('who sees and runs which program', () => {
  let bungo = '';
  let province = '';
  let other = '';
  beforeAll(async () => {
    bungo = (
      await createProgram(as(dinas), {
        ...BUNGO_2027,
        name: 'Bungo terlihat 2028',
        firstMonth: '2028-01',
        lastMonth: '2028-12',
      })
    ).id;
    province = (
      await createProgram(as(jambi), {
        ...BUNGO_2027,
        name: 'Jambi terlihat 2028',
        ownerRegion: '15',
        firstMonth: '2028-01',
        lastMonth: '2028-12',
        quota: { rule: 'per_village', seats: 2 },
      })
    ).id;
    other = (
      await createProgram(as(sijunjung), {
        ...BUNGO_2027,
        name: 'Sijunjung 2028',
        ownerRegion: '13.03',
        firstMonth: '2028-01',
        lastMonth: '2028-12',
      })
    ).id;
  });

  const names = async (u: UserFixture) =>
    (await listPrograms(as(u), { year: 2028 })).items.map((p) => [p.name, p.seats]);

  it('lists the programs of the own region and those above it, with the seats in the own area', async () => {
    expect(await names(dinas)).toEqual([
      ['Bungo terlihat 2028', 3_525],
      ['Jambi terlihat 2028', 282],
    ]);
    expect(await names(pedukunOp)).toEqual([
      ['Bungo terlihat 2028', 25],
      ['Jambi terlihat 2028', 2],
    ]);
    expect((await names(sijunjung)).map(([n]) => n)).toEqual(['Sijunjung 2028']);
    const jambiNames = (await names(jambi)).map(([n]) => n);
    expect(jambiNames).toEqual(['Bungo terlihat 2028', 'Jambi terlihat 2028']);
  });

  it('filters by status, year and region', async () => {
    const draft = await listPrograms(as(jambi), {
      status: 'draft',
      year: 2028,
      region: '15.08.01',
    });
    expect(draft.items.map((p) => p.name)).toEqual(['Bungo terlihat 2028', 'Jambi terlihat 2028']);
    expect((await listPrograms(as(jambi), { status: 'active', year: 2028 })).total).toBe(0);
    expect(
      (await listPrograms(as(jambi), { year: 2028, region: '15.09' })).items.map((p) => p.name),
    ).toEqual(['Jambi terlihat 2028']);
  });

  it('answers NOT_FOUND outside the scope, FORBIDDEN to change a program run above the scope', async () => {
    expect((await refusal(getProgram(as(dinas), other))).code).toBe('NOT_FOUND');
    expect((await refusal(getAllocations(as(dinas), other))).code).toBe('NOT_FOUND');
    expect((await refusal(activateProgram(as(dinas), other))).code).toBe('NOT_FOUND');
    const seen = await getProgram(as(dinas), province);
    expect([seen.seats, seen.villages, seen.permissions.manage]).toEqual([282, 141, false]);
    const above = await refusal(activateProgram(as(dinas), province));
    expect(above.code).toBe('FORBIDDEN');
    expect((await refusal(getProgram(as(dinas), 'bukan-uuid'))).code).toBe('NOT_FOUND');
    const operatorView = await getProgram(as(pedukunOp), bungo);
    expect([operatorView.seats, operatorView.permissions.manage]).toEqual([25, false]);
    expect((await refusal(activateProgram(as(pedukunOp), bungo))).code).toBe('FORBIDDEN');
  });

  it('starts the drill-down at the own region', async () => {
    const village = await getAllocations(as(pedukunOp), bungo);
    expect(village).toMatchObject({
      region: '15.08.01.2001',
      name: 'Pedukun',
      level: 'village',
      seats: 25,
      path: [{ region: '15.08.01.2001', name: 'Pedukun' }],
      children: [],
    });
    expect((await refusal(getAllocations(as(pedukunOp), bungo, '15.08'))).code).toBe('NOT_FOUND');
    const fromProvince = await getAllocations(as(dinas), province);
    expect([fromProvince.region, fromProvince.seats, fromProvince.children.length]).toEqual([
      '15.08',
      282,
      17,
    ]);
    expect((await refusal(getAllocations(as(dinas), province, '15'))).code).toBe('NOT_FOUND');
    expect((await refusal(getAllocations(as(dinas), bungo, '15.09'))).code).toBe('NOT_FOUND');
  });
});

describe('cohorts: a program that follows another', () => {
  it('links the next period, which must start after the previous one ends', async () => {
    const first = await createProgram(as(dinas), {
      ...BUNGO_2027,
      name: 'Kohort 1 Bungo 2029',
      firstMonth: '2029-01',
      lastMonth: '2029-06',
    });
    const second = await createProgram(as(dinas), {
      ...BUNGO_2027,
      name: 'Kohort 2 Bungo 2029',
      firstMonth: '2029-07',
      lastMonth: '2029-12',
      previousId: first.id,
    });
    expect(second.previous).toEqual({ id: first.id, name: 'Kohort 1 Bungo 2029' });
    expect((await getProgram(as(dinas), first.id)).next).toEqual([
      { id: second.id, name: 'Kohort 2 Bungo 2029' },
    ]);
    const overlap = await refusal(
      createProgram(as(dinas), {
        ...BUNGO_2027,
        name: 'Kohort tumpang tindih',
        firstMonth: '2029-06',
        lastMonth: '2029-12',
        previousId: first.id,
      }),
    );
    expect(overlap.details!.issues).toEqual([
      {
        path: 'previousId',
        message:
          'Program sebelumnya (Kohort 1 Bungo 2029) berakhir Juni 2029; program ini harus dimulai sesudahnya.',
      },
    ]);
    const hidden = await createProgram(as(sijunjung), {
      ...BUNGO_2027,
      name: 'Sijunjung kohort',
      ownerRegion: '13.03',
      firstMonth: '2026-01',
      lastMonth: '2026-06',
    });
    const invisible = await refusal(
      createProgram(as(dinas), { ...BUNGO_2027, name: 'Kohort asing', previousId: hidden.id }),
    );
    expect(invisible.details!.issues).toEqual([
      { path: 'previousId', message: 'Program sebelumnya tidak ditemukan.' },
    ]);
    const self = await refusal(updateProgram(as(dinas), first.id, { previousId: first.id }));
    expect(self.message).toBe('Program tidak dapat meneruskan dirinya sendiri.');
  });
});

describe('money', () => {
  it('adds JHT and a higher declared income into the cost of a seat', async () => {
    const p = await createProgram(as(dinas), {
      ...BUNGO_2027,
      name: 'Bungo JHT',
      package: ['JKK', 'JKM', 'JHT'],
      declaredIncome: 2_000_000,
      ownerRegion: '15.08.01.2001',
    });
    // JKK 1 % (Rp20,000) + JKM Rp6,800 + JHT 2 % (Rp40,000) = Rp66,800 a month
    expect(p.money).toMatchObject({ monthlyContribution: 66_800, costPerSeat: 801_600 });
    expect(p.money.cost).toBe(25 * 801_600);
    const [{ n }] = (await queryRows<{ n: number }>(
      tdb.database.db,
      sql`SELECT count(*)::int AS n FROM program_allocation WHERE program_id = ${p.id}`,
    )) as [{ n: number }];
    expect(n).toBe(1);
  });
});
