import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit.ts';
import { aUser, type UserFixture } from '../../../../test/factories.ts';
import { aProgram } from '../../../../test/program-factories.ts';
import { aWorker, anEnrollment } from '../../../../test/bpjs-factories.ts';
import { capture, sheetRows } from '../../../../test/capture.ts';
import { pdfPageCount, pdfText } from '../../../../test/pdf-text.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/test-db.ts';
import { setLifeStatus } from '../workers/index.ts';
import { exportEndingSoon, listEndingSoon } from './index.ts';

const PEDUKUN = '15.08.01.2001'; // Kecamatan Tanah Tumbuh, Kabupaten Bungo
const LUBUK_NIUR = '15.08.01.2002'; // Kecamatan Tanah Tumbuh
const RANTAU_DUKU = '15.08.02.2001'; // Kecamatan Rantau Pandan
const TALANG = '15.08.02.2002'; // Talang Sungai Bungo, Kecamatan Rantau Pandan
const BUNGO_BARAT = '15.08.03.1008'; // a kelurahan of Kecamatan Pasar Muaro Bungo
const BEDARO = '15.09.01.2003'; // Bedaro Rampak, Kabupaten Tebo
/** 20 November 2027 in Jakarta: the 2027 programs end in 41 days, Pedukun's own in 10. */
const NOW = () => new Date('2027-11-20T03:00:00Z');
const BUNGO_2027 = 'Perlindungan Pekerja Rentan Kabupaten Bungo 2027';
const PEDUKUN_2027 = 'Dana Desa Pedukun Januari–November 2027';

let tdb: TestDatabase;
let dinas: UserFixture;
let dinasTebo: UserFixture;
let pedukunOp: UserFixture;
let bungoId = '';
const w: Record<string, { id: string; nik: string }> = {};
const as = (u: UserFixture) => tdb.ctx(u.actor, NOW);
const masked = (nik: string) => `${nik.slice(0, 6)}xxxxxx${nik.slice(12)}`;

const exportsOf = (regionCode: string) =>
  tdb.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'continuity.export'), eq(auditLog.regionCode, regionCode)));

beforeAll(async () => {
  tdb = await createTestDatabase();
  dinas = await aUser(tdb, { role: 'regency_admin', scope: '15.08', username: 'dinas.bungo' });
  dinasTebo = await aUser(tdb, { role: 'regency_admin', scope: '15.09' });
  pedukunOp = await aUser(tdb, { role: 'village_operator', scope: PEDUKUN });
  bungoId = (await aProgram(tdb)).id;
  const pedukunOwn = await aProgram(tdb, {
    name: PEDUKUN_2027,
    ownerRegion: PEDUKUN,
    funderType: 'apbdes',
    lastMonth: '2027-11-01',
  });
  const teboId = (
    await aProgram(tdb, {
      name: 'Perlindungan Pekerja Rentan Kabupaten Tebo 2027',
      ownerRegion: '15.09',
    })
  ).id;
  const people: [string, string, string, string][] = [
    ['siti', 'Siti Aminah', PEDUKUN, bungoId],
    ['ahmad', 'Ahmad Fauzi', PEDUKUN, bungoId],
    ['yusuf', 'Yusuf Maulana', PEDUKUN, pedukunOwn.id],
    ['rahmat', 'Rahmat Hidayat', LUBUK_NIUR, bungoId],
    ['nur', 'Nur Aini', RANTAU_DUKU, bungoId],
    ['dewi', 'Dewi Lestari', BUNGO_BARAT, bungoId],
    ['sulaiman', 'Sulaiman', PEDUKUN, bungoId],
    ['rudi', 'Rudi Hartono', PEDUKUN, bungoId],
    ['wahyu', 'Wahyu Pratama', BEDARO, teboId],
  ];
  for (const [key, name, village, programId] of people) {
    w[key] = await aWorker(tdb, name, village);
    await anEnrollment(tdb, {
      programId,
      workerId: w[key].id,
      villageCode: village,
      status: 'active',
      ...(programId === pedukunOwn.id ? { lastMonth: '2027-11-01' } : {}),
    });
  }
  // not on the list: a worker who died, and one already approved for the next year
  await setLifeStatus(tdb.ctx(undefined, NOW), w.sulaiman!.id, {
    status: 'dead',
    date: '2027-10-02',
  });
  const next = await aProgram(tdb, {
    name: 'Perlindungan Pekerja Rentan Kabupaten Bungo 2028',
    firstMonth: '2028-01-01',
    lastMonth: '2028-12-01',
    fiscalYear: 2028,
  });
  await anEnrollment(tdb, {
    programId: next.id,
    workerId: w.rudi!.id,
    villageCode: PEDUKUN,
    status: 'approved',
    firstMonth: '2028-01-01',
    lastMonth: '2028-12-01',
  });
});
afterAll(async () => tdb?.close());

describe('the list of protection ending soon as Excel and PDF', () => {
  it('gives the regency every worker of its villages in Excel, NIK masked, by village, end date and name, and audits it', async () => {
    const rows = await sheetRows(
      await capture((out) => exportEndingSoon(as(dinas), {}, 'xlsx', out)),
      'Segera berakhir',
    );
    expect(rows.slice(0, 6)).toEqual([
      ['Perlindungan segera berakhir: dalam 45 hari'],
      [`Wilayah: Kabupaten Bungo · dicetak 20 November 2027 oleh ${dinas.me.displayName}`],
      [
        'Berakhir 20 November 2027 s.d. 4 Januari 2028 dan belum ada periode berikutnya yang disetujui',
      ],
      ['6 pekerja di 4 desa/kelurahan'],
      [],
      [
        'No',
        'Nama',
        'NIK (tersamar)',
        'Desa/kelurahan',
        'Kecamatan',
        'Program',
        'Perlindungan berakhir',
        'Sisa hari',
      ],
    ]);
    const end = (key: string, village: string, district: string, program = BUNGO_2027) => [
      w[key]!.nik,
      village,
      district,
      program,
    ];
    expect(rows.slice(6).map((r) => [r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7]])).toEqual(
      [
        ['Yusuf Maulana', ...end('yusuf', 'Pedukun', 'Tanah Tumbuh', PEDUKUN_2027)],
        ['Ahmad Fauzi', ...end('ahmad', 'Pedukun', 'Tanah Tumbuh')],
        ['Siti Aminah', ...end('siti', 'Pedukun', 'Tanah Tumbuh')],
        ['Rahmat Hidayat', ...end('rahmat', 'Lubuk Niur', 'Tanah Tumbuh')],
        ['Nur Aini', ...end('nur', 'Rantau Duku', 'Rantau Pandan')],
        ['Dewi Lestari', ...end('dewi', 'Bungo Barat', 'Pasar Muaro Bungo')],
      ].map(([name, nik, village, district, program], i) => [
        i + 1,
        name,
        masked(nik!),
        village,
        district,
        program,
        i === 0 ? '30 November 2027' : '31 Desember 2027',
        i === 0 ? 10 : 41,
      ]),
    );
    // the masked NIK only: no full NIK anywhere in the file
    expect(JSON.stringify(rows)).not.toContain(w.siti!.nik);
    const audits = await exportsOf('15.08');
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ entity: 'enrollment', actorId: dinas.me.id });
    expect(audits[0]!.after).toEqual({ format: 'xlsx', rows: 6, filter: { days: 45 } });
  });

  it('prints a village operator the own village only, as a PDF', async () => {
    const pdf = await capture((out) => exportEndingSoon(as(pedukunOp), {}, 'pdf', out));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('Perlindungan segera berakhir: dalam 45 hari');
    expect(text).toContain(
      `Wilayah: Desa Pedukun, Kecamatan Tanah Tumbuh, Kabupaten Bungo · dicetak 20 November 2027 oleh ${pedukunOp.me.displayName}`,
    );
    expect(text).toContain('3 pekerja di 1 desa/kelurahan');
    for (const name of ['Yusuf Maulana', 'Ahmad Fauzi', 'Siti Aminah'])
      expect(text).toContain(name);
    for (const name of ['Rahmat Hidayat', 'Nur Aini', 'Dewi Lestari', 'Sulaiman', 'Rudi Hartono'])
      expect(text).not.toContain(name);
    expect(text).toContain(masked(w.siti!.nik));
    expect(text).not.toContain(w.siti!.nik);
    expect(text).toContain('30 November 2027');
    expect(text).toContain('Halaman 1 dari 1');
    expect(pdfPageCount(pdf)).toBe(1);
    const [audit] = await exportsOf(PEDUKUN);
    expect(audit!.after).toEqual({ format: 'pdf', rows: 3, filter: { days: 45 } });
    // a village cannot widen its list to the regency
    await expect(
      capture((out) => exportEndingSoon(as(pedukunOp), { region: '15.08' }, 'xlsx', out)),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Wilayah ini di luar cakupan akun Anda.',
    });
  });

  it('follows the page’s days and region, names a kelurahan as such, and prints an empty list for another regency', async () => {
    let rows = await sheetRows(
      await capture((out) =>
        exportEndingSoon(as(dinas), { days: 30, region: '15.08.01' }, 'xlsx', out),
      ),
      'Segera berakhir',
    );
    expect(rows[0]).toEqual(['Perlindungan segera berakhir: dalam 30 hari']);
    expect(rows[1]![0]).toMatch(/^Wilayah: Kecamatan Tanah Tumbuh, Kabupaten Bungo · dicetak /);
    expect(rows[3]).toEqual(['1 pekerja di 1 desa/kelurahan']);
    expect(rows.slice(6).map((r) => r[1])).toEqual(['Yusuf Maulana']);
    const [audit] = await exportsOf('15.08.01');
    expect(audit!.after).toEqual({
      format: 'xlsx',
      rows: 1,
      filter: { days: 30, region: '15.08.01' },
    });
    rows = await sheetRows(
      await capture((out) => exportEndingSoon(as(dinas), { region: BUNGO_BARAT }, 'xlsx', out)),
      'Segera berakhir',
    );
    expect(rows[1]![0]).toMatch(
      /^Wilayah: Kelurahan Bungo Barat, Kecamatan Pasar Muaro Bungo, Kabupaten Bungo · /,
    );
    expect(rows.slice(6).map((r) => r[1])).toEqual(['Dewi Lestari']);
    const tebo = pdfText(
      await capture((out) => exportEndingSoon(as(dinasTebo), { days: 20 }, 'pdf', out)),
    );
    expect(tebo).toContain(
      'Wilayah: Kabupaten Tebo · dicetak 20 November 2027 oleh ' + dinasTebo.me.displayName,
    );
    expect(tebo).toContain('0 pekerja di 0 desa/kelurahan');
    // the empty list's line, wrapped in the name column
    expect(tebo.join(' ').replace(/\s+/g, ' ')).toContain(
      'Tidak ada pekerja yang perlindungannya berakhir dalam 20 hari tanpa periode berikutnya.',
    );
    await expect(
      capture((out) => exportEndingSoon(as(dinas), { days: 400 }, 'xlsx', out)),
    ).rejects.toMatchObject({ code: 'VALIDATION', message: 'Jumlah hari harus angka 1–366.' });
  });

  it('writes every worker of a long list to Excel (the page shows 2,000), and refuses a PDF above 5,000 rows', async () => {
    // 5,001 workers of Talang Sungai Bungo, every name five times: the village is read in batches
    // of 2,000 that end inside runs of equal names (only the enrollment id orders them)
    const N = 5_001;
    await tdb.database.db.execute(
      sql`INSERT INTO worker (nik, full_name, name_key, birth_date, sex, village_code, occupation_code, segment)
          SELECT '150802' || '010190' || lpad(g::text, 4, '0'),
            'Penyadap ' || lpad((g % 1000)::text, 4, '0'), 'penyadap ' || lpad((g % 1000)::text, 4, '0'),
            '1990-01-01', 'L', ${TALANG}, 9, 'pekerja_rentan'
          FROM generate_series(1, ${N}) g`,
    );
    await tdb.database.db.execute(
      sql`INSERT INTO enrollment (program_id, worker_id, village_code, status, first_month, last_month, proposed_by)
          SELECT ${bungoId}::uuid, id, village_code, 'active', '2027-01-01', '2027-12-01', 'tes'
          FROM worker WHERE village_code = ${TALANG}`,
    );
    const page = await listEndingSoon(as(dinas));
    expect(page).toMatchObject({ total: N + 6, truncated: true });
    const before = (await exportsOf('15.08')).length;
    await expect(
      capture((out) => exportEndingSoon(as(dinas), {}, 'pdf', out)),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message:
        'Daftar ini berisi 5.007 pekerja; PDF paling banyak 5.000. Pilih wilayah yang lebih kecil (kecamatan atau desa) atau kurangi jumlah hari, atau unduh Excel.',
    });
    // a refused download is not recorded as one
    expect(await exportsOf('15.08')).toHaveLength(before);

    const rows = (
      await sheetRows(
        await capture((out) => exportEndingSoon(as(dinas), {}, 'xlsx', out)),
        'Segera berakhir',
      )
    ).slice(6);
    expect(rows).toHaveLength(N + 6);
    expect(rows.map((r) => r[0])).toEqual(Array.from({ length: N + 6 }, (_, i) => i + 1));
    const talang = rows.filter((r) => r[3] === 'Talang Sungai Bungo');
    expect(talang).toHaveLength(N);
    // each worker once (masked NIKs keep the serial), in name order
    expect(new Set(talang.map((r) => r[2])).size).toBe(N);
    const names = talang.map((r) => String(r[1]));
    expect(names).toEqual([...names].sort());
    expect(rows.at(-1)![1]).toBe('Dewi Lestari');
    expect(await exportsOf('15.08')).toHaveLength(before + 1);
  }, 120_000);
});
