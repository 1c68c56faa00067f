import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { pdfText } from '../../test/pdf-text.ts';
import { ApiClient } from '../api.ts';
import { launchBrowser } from '../browser.ts';
import { LoginPage } from '../pages/login.page.ts';
import { BpjsPage, ContinuityPage } from '../pages/bpjs.page.ts';

const SHOTS = process.env.E2E_SCREENSHOTS ?? '';
const PASSWORD = 'gulai-ikan-patin-9';
const PEDUKUN = '15.08.01.2001';
/** The current year in Jakarta: the program runs from this month to December. */
const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
const YEAR = Number(TODAY.slice(0, 4));
const PROGRAM = `Jaminan Sosial Pekerja Rentan Bungo ${YEAR} (APBD)`;
const WORKERS = [
  { nik: '1508014107850501', fullName: 'Siti Aminah', birthDate: '1985-07-01', sex: 'P' },
  { nik: '1508011203880502', fullName: 'Budi Santoso', birthDate: '1988-03-12', sex: 'L' },
  { nik: '1508012005900503', fullName: 'Rahmat Hidayat', birthDate: '1990-05-20', sex: 'L' },
] as const;
const REASON = 'NIK tidak padan dengan data Dukcapil';
let browser: Browser;
let programId = '';

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  // a full-page shot of a scrolled page draws the fixed header in the middle
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** The same page at a phone's width, then back. */
async function phoneShot(page: Page, name: string) {
  await page.setViewportSize({ width: 375, height: 800 });
  // let the navigation finish sliding away
  await page.waitForTimeout(400);
  await shot(page, name);
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function logInAs(username: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' });
  const login = new LoginPage(page, inject('baseUrl'));
  await login.open();
  await login.logIn(username, PASSWORD);
  await page.getByRole('link', { name: 'Pekerja', exact: true }).waitFor();
  return page;
}

/** The branch's answer: the batch file with hasil, alasan, kpj and tanggal_efektif filled in. */
async function fillAnswer(batchFile: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(batchFile);
  const sheet = workbook.worksheets[0]!;
  const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).map((v) =>
    typeof v === 'string' ? v : '',
  );
  const col = (h: string) => headers.indexOf(h);
  const answers: Record<string, [string, string, string, string]> = {
    [WORKERS[0].nik]: ['diterima', '', '23011234567', TODAY],
    [WORKERS[1].nik]: ['diterima', '', '23019876543', TODAY],
    [WORKERS[2].nik]: ['ditolak', REASON, '', ''],
  };
  let siti: ExcelJS.CellValue[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const answer = answers[row.getCell(col('nik')).text];
    if (!answer) return;
    ['hasil', 'alasan', 'kpj', 'tanggal_efektif'].forEach((h, i) => {
      row.getCell(col(h)).value = answer[i]!;
    });
    if (row.getCell(col('nik')).value === WORKERS[0].nik)
      siti = [...(row.values as ExcelJS.CellValue[])];
  });
  // the branch copied one line twice: that row is reported, not applied
  sheet.addRow(siti.slice(1));
  const target = batchFile.replace(/\.xlsx$/, '-jawaban.xlsx');
  await workbook.xlsx.writeFile(target);
  return target;
}

beforeAll(async () => {
  browser = await launchBrowser();
  // The administrator sets up the regency office and the BPJS branch of Bungo, registers three
  // workers of Pedukun, and runs the program up to approval through the API (proposal and
  // approval have their own journey).
  const api = new ApiClient(inject('baseUrl'));
  await api.login('admin', inject('adminPassword'));
  for (const [username, displayName, role, scope] of [
    ['dinas.bpjs.bungo', 'Hendra Saputra', 'regency_admin', '15.08'],
    ['petugas.bpjs.bungo', 'Yuliana Putri', 'bpjs_officer', ['15.08']],
  ] as const)
    await api.post('/api/users', { username, displayName, role, scope, password: PASSWORD });
  for (const w of WORKERS)
    await api.post('/api/workers', { ...w, villageCode: PEDUKUN, occupationCode: 9 });
  const program = await api.post<{ id: string }>('/api/programs', {
    name: PROGRAM,
    ownerRegion: '15.08',
    funderType: 'apbd_kabkota',
    budgetReference: `DPA ${YEAR} 2.07.01`,
    firstMonth: `${YEAR}-01`,
    lastMonth: `${YEAR}-12`,
    quota: { rule: 'per_village', seats: 25 },
    districtStep: false,
  });
  programId = program.id;
  await api.post(`/api/programs/${programId}/activate`, {});
  const proposed = await api.post<{ results: { enrollmentId?: string; reasons?: string[] }[] }>(
    `/api/programs/${programId}/enrollments`,
    { niks: WORKERS.map((w) => w.nik), village: PEDUKUN },
  );
  const ids = proposed.results.map((r) => r.enrollmentId!);
  expect(ids.every(Boolean), JSON.stringify(proposed.results)).toBe(true);
  await api.post('/api/enrollments/approve', { ids });
});
afterAll(async () => browser?.close());

describe('the approved list goes to BPJS and the answer comes back', () => {
  it('the regency admin downloads the batch, the branch uploads its answer, the workers are active', async () => {
    const admin = await logInAs('dinas.bpjs.bungo');
    const exchange = new BpjsPage(admin, inject('baseUrl'));
    await exchange.open(programId);
    await admin.getByText(PROGRAM, { exact: false }).first().waitFor();
    await expect
      .poll(() => exchange.ready().textContent())
      .toBe('3 peserta sudah disetujui dan siap dikirim.');
    expect(await exchange.statusCount('approved').textContent()).toBe('3');
    await shot(admin, '80-bpjs-siap-dikirim');
    const batchFile = await exchange.downloadBatch();
    await admin.getByText(/^Kiriman dibuat\. Berkas bpjs-kirim-v1-/).waitFor();
    await expect.poll(() => exchange.statusCount('sent').textContent()).toBe('3');
    expect(await exchange.ready().textContent()).toBe(
      'Tidak ada peserta yang disetujui dan belum dikirim di wilayah Anda.',
    );
    await admin.getByTestId('bpjs-batch').getByText('3 dikirim ke BPJS').waitFor();
    await shot(admin, '81-bpjs-kiriman-dibuat');

    // the file is the documented layout, one row per worker, the answer columns empty
    const answer = await fillAnswer(batchFile);

    const officer = await logInAs('petugas.bpjs.bungo');
    const branch = new BpjsPage(officer, inject('baseUrl'));
    await branch.open(programId);
    expect(await officer.getByRole('button', { name: 'Unduh berkas untuk BPJS' }).count()).toBe(0);
    await branch.uploadAnswer(answer);
    expect(await branch.resultCount('accepted').textContent()).toBe('2');
    expect(await branch.resultCount('rejected').textContent()).toBe('1');
    expect(await branch.resultCount('duplicate').textContent()).toBe('1');
    expect(await branch.resultSum().textContent()).toBe(
      '4 baris = 2 diterima + 1 ditolak + 1 baris ganda.',
    );
    const duplicate = officer.getByTestId('bpjs-result-row');
    await duplicate.getByText('Siti Aminah').waitFor();
    await duplicate
      .getByText(/^NIK ini sudah ada di baris \d+; baris ini tidak diterapkan\.$/)
      .waitFor();
    await officer.getByRole('link', { name: 'Unduh baris yang tidak diterapkan (XLSX)' }).waitFor();
    await shot(officer, '82-bpjs-jawaban-diunggah');

    await branch.openBatch();
    for (const name of ['Siti Aminah', 'Budi Santoso']) {
      const row = branch.member(name);
      await row.getByText('aktif', { exact: true }).waitFor();
      await row.getByText(/^KPJ x{7}\d{4}, terlindungi sejak /).waitFor();
    }
    const rejected = branch.member('Rahmat Hidayat');
    await rejected.getByText('ditolak BPJS', { exact: true }).waitFor();
    await rejected.getByText(REASON).waitFor();
    await shot(officer, '83-bpjs-peserta-kiriman');
    await phoneShot(officer, '84-bpjs-ponsel');

    // the regency office sees the same: two active, one back to the village with the reason
    await admin.reload();
    await expect.poll(() => exchange.statusCount('active').textContent()).toBe('2');
    expect(await exchange.statusCount('rejected').textContent()).toBe('1');
  });

  it('shows whose protection ends without a next period, and renews the program', async () => {
    const admin = await logInAs('dinas.bpjs.bungo');
    const continuity = new ContinuityPage(admin, inject('baseUrl'));
    await continuity.open();
    await admin
      .locator('[data-testid="continuity-summary"], [data-testid="continuity-empty"]')
      .waitFor();
    await shot(admin, '85-kesinambungan-45-hari');
    // the program ends on 31 December: at most 366 days away whenever the journey runs
    await continuity.within(366);
    await admin.getByText(/dalam 366 hari/).waitFor();
    const pedukun = continuity.village('Pedukun');
    await pedukun.waitFor();
    for (const name of ['Siti Aminah', 'Budi Santoso'])
      await pedukun.getByRole('link', { name }).waitFor();
    expect(await pedukun.getByText('Rahmat Hidayat').count()).toBe(0);
    await shot(admin, '86-kesinambungan');
    await phoneShot(admin, '87-kesinambungan-ponsel');

    // the same list to send to the villages: every worker, as Excel and as a PDF to print
    await continuity.openDownloads();
    await shot(admin, '86a-kesinambungan-unduh');
    const xlsx = await continuity.downloadList('xlsx');
    expect(xlsx).toMatch(/segera-berakhir-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const sheet = workbook.getWorksheet('Segera berakhir')!;
    expect(sheet.getRow(1).getCell(1).text).toBe('Perlindungan segera berakhir: dalam 366 hari');
    expect(sheet.getRow(2).getCell(1).text).toMatch(
      /^Wilayah: Kabupaten Bungo · dicetak \d{1,2} \w+ \d{4} oleh Hendra Saputra$/,
    );
    const listed: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 6 && row.getCell(4).text === 'Pedukun')
        listed.push(`${row.getCell(2).text}: ${row.getCell(6).text}`);
    });
    expect(listed.sort()).toEqual([`Budi Santoso: ${PROGRAM}`, `Siti Aminah: ${PROGRAM}`]);
    const pdfFile = await continuity.downloadList('pdf');
    if (SHOTS) fs.copyFileSync(pdfFile, `${SHOTS}/86b-kesinambungan.pdf`);
    const pdf = pdfText(fs.readFileSync(pdfFile));
    expect(pdf).toContain('Perlindungan segera berakhir: dalam 366 hari');
    for (const name of ['Siti Aminah', 'Budi Santoso']) expect(pdf).toContain(name);
    expect(pdf).not.toContain('Rahmat Hidayat');
    const row = continuity.program(PROGRAM);
    await row.getByRole('button', { name: 'Perpanjang' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Perpanjang program' });
    await dialog.getByText(`Januari ${YEAR + 1}`).waitFor();
    const dpa = `DPA 1.02.0.00.0.00.01.0000 TA ${YEAR + 1}`;
    await dialog.getByLabel('Rujukan anggaran tahun baru').fill(dpa);
    await shot(admin, '88-perpanjang-program');
    await dialog.getByRole('button', { name: 'Buat draf program' }).click();
    const next = PROGRAM.replace(String(YEAR), String(YEAR + 1));
    await dialog
      .getByText(`Draf "${next}" dibuat: 2 pekerja diusulkan lagi untuk ditinjau.`)
      .waitFor();
    await shot(admin, '89-perpanjang-selesai');
    await dialog.getByRole('link', { name: 'Buka program baru' }).click();
    await admin.getByRole('heading', { name: next }).waitFor();
    // the new year's budget reference, not last year's
    await admin.getByText(dpa).waitFor();
    await continuity.open();
    await continuity.within(366);
    await continuity.program(PROGRAM).getByText(`Sudah diperpanjang: ${next} (draf)`).waitFor();
  });
});
