import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { pdfText } from '../../test/pdf-text.ts';
import { ApiClient } from '../api.ts';
import { launchBrowser } from '../browser.ts';
import { LoginPage } from '../pages/login.page.ts';
import { ProgramsPage } from '../pages/programs.page.ts';

const SHOTS = process.env.E2E_SCREENSHOTS ?? '';
const PASSWORD = 'tempoyak-durian-bungo-5';
const NAME = 'Perlindungan Pekerja Rentan Kabupaten Bungo 2027';
let browser: Browser;
let page: Page;
let api: ApiClient;

async function shot(name: string) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true, animations: 'disabled' });
}

beforeAll(async () => {
  browser = await launchBrowser();
  const admin = new ApiClient(inject('baseUrl'));
  await admin.login('admin', inject('adminPassword'));
  await admin.post('/api/users', {
    username: 'dinas.program.bungo',
    displayName: 'Rahmawati Putri',
    role: 'regency_admin',
    scope: '15.08',
    password: PASSWORD,
  });
  api = new ApiClient(inject('baseUrl'));
  await api.login('dinas.program.bungo', PASSWORD);
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' });
});
afterAll(async () => browser?.close());

describe('the regency office of Bungo runs a program of 25 seats in every desa', () => {
  const programs = () => new ProgramsPage(page);

  it('creates the program and sees 3.525 seats and the money before saving', async () => {
    const login = new LoginPage(page, inject('baseUrl'));
    await login.open();
    await login.logIn('dinas.program.bungo', PASSWORD);
    await programs().openFromNavigation();
    await programs().startNew();
    await programs().type('Nama program', NAME);
    // the regency of the account is the owner by default
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Wilayah pemilik' }).inputValue())
      .toBe('Kabupaten Bungo');
    await programs().choose('Sumber dana', 'APBD kabupaten/kota');
    await programs().type('Rujukan anggaran', 'DPA 1.02.0.00.0.00.01.0000');
    // 25 seats in every desa by default: the planner counts 141 desa
    await expect.poll(() => programs().preview('totalSeats')).toBe('3.525');
    expect(await programs().preview('money')).toBe('Rp710.640.000');
    expect(await programs().preview('costPerSeat')).toBe('Rp201.600');
    expect(await page.getByTestId('preview-villages').innerText()).toBe(
      '141 desa di Kabupaten Bungo',
    );
    await shot('60-program-baru');

    await page.getByRole('button', { name: 'Simpan sebagai draf' }).click();
    await page.getByRole('heading', { name: NAME, level: 1 }).waitFor();
    expect(await programs().status().textContent()).toBe('Draf');
    expect(await programs().stat('seats')).toBe('3.525');
    expect(await programs().stat('cost')).toBe('Rp710.640.000');
  });

  it('activates it after confirming', async () => {
    await page.getByRole('button', { name: 'Aktifkan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Aktifkan program?' });
    await dialog.getByText('3.525 kursi di 141 desa').waitFor();
    await shot('61-program-aktifkan');
    await dialog.getByRole('button', { name: 'Aktifkan' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => programs().status().textContent()).toBe('Aktif');
    await expect
      .poll(() => programs().allocationTotal())
      .toBe('Kabupaten Bungo: 3.525 kursi, 0 terisi (0%)');
    await expect(page.getByRole('button', { name: 'Aktifkan' }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Tutup program' }).waitFor();
    await page.reload();
    await page.getByTestId('allocation-table').waitFor();
    await shot('62-program-aktif');
  });

  it('drills down from the regency to a district and to a village', async () => {
    const tanahTumbuh = programs().row('Tanah Tumbuh');
    expect(await tanahTumbuh.innerText()).toMatch(/15\.08\.01\s+Tanah Tumbuh\s+275\s+0/);
    await programs().drillTo('Tanah Tumbuh');
    await expect
      .poll(() => programs().allocationTotal())
      .toBe('Tanah Tumbuh: 275 kursi, 0 terisi (0%)');
    expect(await programs().row('Pedukun').innerText()).toMatch(/Pedukun\s+25\s+0/);
    expect(await programs().breadcrumbs().innerText()).toMatch(
      /Kabupaten Bungo\s*›\s*Tanah Tumbuh/,
    );
    await shot('63-program-kecamatan');
    // the district's seats village by village, to print or file
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await programs().downloadSeats('xlsx'));
    const lines: string[] = [];
    workbook.getWorksheet('Kursi')!.eachRow((row, n) => {
      if (n > 6) lines.push(`${row.getCell(3).text}: ${row.getCell(7).text}`);
    });
    expect(lines).toHaveLength(11 + 1);
    expect(lines).toContain('Pedukun: 25');
    expect(lines.at(-1)).toBe('Jumlah: 275');
    const pdf = pdfText(fs.readFileSync(await programs().downloadSeats('pdf'))).join('\n');
    expect(pdf).toContain(`Rekap kursi: ${NAME}`);
    expect(pdf).toContain('Wilayah: Tanah Tumbuh');

    await programs().drillTo('Pedukun');
    await expect.poll(() => programs().allocationTotal()).toBe('Pedukun: 25 kursi, 0 terisi (0%)');
    expect(await programs().breadcrumbs().innerText()).toMatch(
      /Kabupaten Bungo\s*›\s*Tanah Tumbuh\s*›\s*Pedukun/,
    );
    // back up with the breadcrumbs
    await programs().breadcrumbs().getByRole('link', { name: 'Kabupaten Bungo' }).click();
    await expect
      .poll(() => programs().allocationTotal())
      .toBe('Kabupaten Bungo: 3.525 kursi, 0 terisi (0%)');
  });

  it('lists the program with its seats, and reads well on a phone', async () => {
    await programs().openFromNavigation();
    const row = page.getByTestId('program-row').filter({ hasText: NAME });
    expect(await row.textContent()).toMatch(/Kabupaten Bungo.*Aktif.*3\.525/);
    await shot('64-program-daftar');
    // a resize alone keeps some desktop measures: the page is laid out anew at a phone's width
    await page.setViewportSize({ width: 375, height: 800 });
    await page.reload();
    await row.waitFor();
    await shot('65-program-daftar-ponsel');
    await row.getByRole('link', { name: NAME }).click();
    await page.getByRole('heading', { name: NAME, level: 1 }).waitFor();
    await page.getByTestId('allocation-table').waitFor();
    await shot('66-program-ponsel');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('types and imports the seats of a draft with seats per village', async () => {
    const created = await api.post<{ id: string }>('/api/programs', {
      name: 'APBD Bungo kuota per desa 2027',
      ownerRegion: '15.08',
      funderType: 'apbd_kabkota',
      firstMonth: '2027-01',
      lastMonth: '2027-12',
      quota: { rule: 'explicit', villageKinds: ['desa', 'kelurahan'] },
    });
    await page.goto(`${inject('baseUrl')}/program/${created.id}?wilayah=15.08.01`);
    await page.getByTestId('allocation-table').waitFor();
    await page.getByRole('textbox', { name: 'Kursi Pedukun' }).fill('40');
    await page.getByRole('textbox', { name: 'Kursi Lubuk Niur' }).fill('10');
    await page.getByRole('button', { name: 'Simpan kursi (2 desa diubah)' }).click();
    await expect
      .poll(() => programs().allocationTotal())
      .toBe('Tanah Tumbuh: 50 kursi, 0 terisi (0%)');
    await page.locator('input[type=file]').setInputFiles({
      name: 'kursi.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'kode_desa;kursi\n15.08.01.2003;15\n13.03.03.2001;5\n15.08.01.2004;banyak\n',
      ),
    });
    await page.getByRole('button', { name: 'Impor', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('seat-import-result').textContent())
      .toBe('3 baris dibaca: 1 diterapkan, 2 ditolak. Program kini 65 kursi di 3 desa.');
    await page
      .getByText('Timbulun (13.03.03.2001) di luar wilayah program (Kabupaten Bungo).')
      .waitFor();
    await page.getByText('Kursi "banyak" bukan bilangan bulat 0–100.000.').waitFor();
    await expect
      .poll(() => programs().allocationTotal())
      .toBe('Tanah Tumbuh: 65 kursi, 0 terisi (0%)');
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot('67-program-kursi-per-desa');
  });
});
