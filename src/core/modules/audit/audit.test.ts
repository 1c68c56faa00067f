import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aUser, type UserFixture } from '../../../../test/factories.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/test-db.ts';
import { setLocalTerm } from '../regions/index.ts';
import { getPrivacySettings, updatePrivacySettings } from '../settings/index.ts';
import { neutraliseCell as safeCell } from '../../spreadsheet.ts';
import { exportAudit, listAudit } from './index.ts';

let tdb: TestDatabase;
let admin: UserFixture;
let jambiAuditor: UserFixture;
let bungoAuditor: UserFixture;
let teboAuditor: UserFixture;
const all = { page: 1, pageSize: 200 };
beforeAll(async () => {
  tdb = await createTestDatabase();
  admin = await aUser(tdb, { role: 'admin', username: 'admin.pusat' });
  jambiAuditor = await aUser(tdb, { role: 'auditor', scope: '15', username: 'inspektorat.jambi' });
  bungoAuditor = await aUser(tdb, {
    role: 'auditor',
    scope: '15.08',
    username: 'inspektorat.bungo',
  });
  teboAuditor = await aUser(tdb, { role: 'auditor', scope: '15.09', username: 'inspektorat.tebo' });
  for (const scope of ['15.08.01.2001', '15.08.02.2001', '15.09.01.1001', '13.03.03.2001'])
    await aUser(tdb, { role: 'village_operator', scope });
  await setLocalTerm(tdb.ctx(admin.actor), '15.08', {
    villageTerm: 'Dusun',
    villageHeadTitle: 'Rio',
  });
});
afterAll(async () => tdb?.close());

describe('audit trail in scope', () => {
  it('shows an auditor only the records about the own region', async () => {
    const bungo = await listAudit(tdb.ctx(bungoAuditor.actor), all);
    expect(bungo.items.length).toBeGreaterThan(0);
    expect(
      bungo.items.every((e) => e.regionCode === '15.08' || e.regionCode!.startsWith('15.08.')),
    ).toBe(true);
    expect(bungo.items.map((e) => e.action)).toContain('regions.setLocalTerm');
  });

  it('keeps totals consistent: the province total is the sum of its regencies and its own records', async () => {
    const province = await listAudit(tdb.ctx(jambiAuditor.actor), all);
    const bungo = await listAudit(tdb.ctx(bungoAuditor.actor), all);
    const tebo = await listAudit(tdb.ctx(teboAuditor.actor), all);
    const ownLevel = province.items.filter((e) => e.regionCode === '15').length;
    expect(province.total).toBe(bungo.total + tebo.total + ownLevel);
    // and the province filtering by region sees what the regency's own auditor sees
    expect((await listAudit(tdb.ctx(jambiAuditor.actor), { ...all, region: '1508' })).total).toBe(
      bungo.total,
    );
    // nothing from West Sumatra
    expect(province.items.some((e) => e.regionCode?.startsWith('13'))).toBe(false);
  });

  it('filters by actor, action, entity and Jakarta calendar days', async () => {
    const byAdmin = await listAudit(tdb.ctx(admin.actor), {
      ...all,
      actor: 'ADMIN.pus',
      action: 'regions.',
    });
    expect(byAdmin.items.map((e) => e.action)).toEqual(['regions.setLocalTerm']);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
    expect((await listAudit(tdb.ctx(admin.actor), { ...all, from: today, to: today })).total).toBe(
      (await listAudit(tdb.ctx(admin.actor), all)).total,
    );
    expect((await listAudit(tdb.ctx(admin.actor), { ...all, to: '2020-01-01' })).total).toBe(0);
    expect(
      (await listAudit(tdb.ctx(admin.actor), { ...all, entity: 'region_local_term' })).total,
    ).toBe(1);
  });

  it('is refused to roles without audit rights', async () => {
    const operator = await aUser(tdb, { role: 'village_operator', scope: '15.08.01.2002' });
    await expect(listAudit(tdb.ctx(operator.actor), all)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('exports the same records to XLSX, and records the export itself', async () => {
    const expected = await listAudit(tdb.ctx(bungoAuditor.actor), all);
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const count = await exportAudit(tdb.ctx(bungoAuditor.actor), {}, out);
    expect(count).toBe(expected.total);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Audit')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Waktu (WIB)');
    expect(sheet.rowCount).toBe(count + 1);
    const actions = (sheet.getColumn(3).values as unknown[]).slice(2);
    expect(actions).toEqual(expected.items.map((e) => e.action));
    const after = await listAudit(tdb.ctx(admin.actor), { ...all, action: 'audit.export' });
    expect(after.items[0]).toMatchObject({ actorName: 'inspektorat.bungo', entity: 'audit_log' });
  });

  it('neutralises cells that a spreadsheet would run as formulas', () => {
    expect(safeCell('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(safeCell('+62812')).toBe("'+62812");
    expect(safeCell('-1')).toBe("'-1");
    expect(safeCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(safeCell('Rahmat Hidayat')).toBe('Rahmat Hidayat');
    expect(safeCell('-')).toBe('-');
  });
});

describe('privacy settings (UU 27/2022)', () => {
  it('has a default lawful basis, lets only an administrator change it, and audits the change', async () => {
    const before = await getPrivacySettings(tdb.ctx(bungoAuditor.actor));
    expect(before).toMatchObject({ retentionMonths: 60, updatedBy: null });
    expect(before.lawfulBasis).toContain('Instruksi Presiden Nomor 2 Tahun 2021');
    await expect(
      updatePrivacySettings(tdb.ctx(bungoAuditor.actor), {
        lawfulBasis: 'x'.repeat(30),
        retentionMonths: 24,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      updatePrivacySettings(tdb.ctx(admin.actor), { lawfulBasis: 'pendek', retentionMonths: 24 }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'Uraikan dasar pemrosesan data minimal 20 karakter.',
    });
    const basis =
      'Tugas pemerintahan menurut Inpres 2/2021, Perbup Bungo tentang perlindungan pekerja rentan.';
    const saved = await updatePrivacySettings(tdb.ctx(admin.actor), {
      lawfulBasis: basis,
      retentionMonths: 36,
    });
    expect(saved).toMatchObject({
      lawfulBasis: basis,
      retentionMonths: 36,
      updatedBy: 'admin.pusat',
    });
    const audit = await listAudit(tdb.ctx(admin.actor), { ...all, action: 'settings.update' });
    expect(audit.items[0]!.after).toEqual({ lawfulBasis: basis, retentionMonths: 36 });
  });
});
