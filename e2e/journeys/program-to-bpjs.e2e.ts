import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { pdfText } from '../../test/pdf-text.ts';
import { ApiClient } from '../api.ts';
import { step } from '../step.ts';
import { launchBrowser } from '../browser.ts';
import { BpjsPage } from '../pages/bpjs.page.ts';
import { EnrollmentPage } from '../pages/enrollment.page.ts';
import { LoginPage } from '../pages/login.page.ts';
import { ProgramsPage } from '../pages/programs.page.ts';

/*
 * Issue #5 end to end, in Kabupaten Tebo (other journeys work in Bungo and Merangin on the same
 * server): the regency office creates a program of 25 seats in every desa, the village of Tambun
 * Arang proposes, the district of Sumay verifies, the regency approves and sends the batch to
 * BPJS, the branch uploads its answer, and the village sees its workers protected.
 */
const SHOTS = process.env.E2E_SCREENSHOTS ?? '';
const PASSWORD = 'tempoyak-ikan-tebo-3';
/** The program form proposes next year, January to December (Jakarta's calendar). */
const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
const YEAR = Number(TODAY.slice(0, 4)) + 1;
const PROGRAM = `Perlindungan Pekerja Rentan Kabupaten Tebo ${YEAR}`;
const TAMBUN_ARANG = '15.09.05.2004';
const USERS = {
  regency: ['dinas.rantai.tebo', 'Zulkifli Ahmad', 'regency_admin', '15.09'],
  district: ['camat.sumay', 'Marlina Sari', 'district_officer', '15.09.05'],
  village: ['op.tambunarang', 'Eka Puspita', 'village_operator', TAMBUN_ARANG],
  bpjs: ['bpjs.cabang.tebo', 'Irwan Gunawan', 'bpjs_officer', ['15.09']],
} as const;
/** Workers of Tambun Arang (Kecamatan Sumay): NIK = 150905 + ddmmyy (women: day + 40) + serial. */
const WORKERS = [
  { nik: '1509055408870701', fullName: 'Nurhayati', birthDate: '1987-08-14', sex: 'P' },
  { nik: '1509050311920702', fullName: 'Wahyu Pratama', birthDate: '1992-11-03', sex: 'L' },
  { nik: '1509056502950703', fullName: 'Fitri Handayani', birthDate: '1995-02-25', sex: 'P' },
  // 65 at most on 1 January of the program's year: born in 1956 he is too old
  { nik: '1509050906560704', fullName: 'Sulaiman Daud', birthDate: '1956-06-09', sex: 'L' },
] as const;
const [NURHAYATI, WAHYU, FITRI, SULAIMAN] = WORKERS;
const BPJS_REASON = 'Sudah terdaftar sebagai peserta Penerima Upah';
let browser: Browser;
const pages: Page[] = [];
let batchFile = '';
let answerFile = '';

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  // a full-page shot of a scrolled page draws the fixed header in the middle
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true, animations: 'disabled' });
}

/** A browser of its own for each person, signed in through the login page. */
async function logInAs(who: keyof typeof USERS): Promise<Page> {
  const page = await browser.newPage({
    viewport: { width: 1280, height: 900 },
    locale: 'id-ID',
    acceptDownloads: true,
  });
  pages.push(page);
  page.setDefaultTimeout(15_000);
  const login = new LoginPage(page, inject('baseUrl'));
  await login.open();
  await login.logIn(USERS[who][0], PASSWORD);
  await page.getByRole('link', { name: 'Program', exact: true }).waitFor();
  return page;
}

/** From the navigation to the program's page, through the program list. */
async function openProgram(page: Page): Promise<void> {
  await new ProgramsPage(page).openFromNavigation();
  await page.getByTestId('program-row').getByRole('link', { name: PROGRAM }).click();
  await page.getByRole('heading', { name: PROGRAM, level: 1 }).waitFor();
}

/** The program's page, then its "Pertukaran BPJS" button. */
async function openExchange(page: Page): Promise<BpjsPage> {
  await openProgram(page);
  await page.getByRole('link', { name: 'Pertukaran BPJS' }).click();
  await page.getByRole('heading', { name: 'Pertukaran data BPJS', level: 1 }).waitFor();
  return new BpjsPage(page, inject('baseUrl'));
}

/** The branch's answer: the batch with hasil, alasan, kpj and tanggal_efektif filled in. */
async function fillAnswer(file: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0]!;
  const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).map((v) =>
    typeof v === 'string' ? v : '',
  );
  const col = (h: string) => {
    expect(headers, `column ${h}`).toContain(h);
    return headers.indexOf(h);
  };
  const answers: Record<string, [string, string, string, string]> = {
    [NURHAYATI.nik]: ['diterima', '', '24090500711', `${YEAR}-01-01`],
    [WAHYU.nik]: ['diterima', '', '24090500712', `${YEAR}-01-01`],
    [FITRI.nik]: ['ditolak', BPJS_REASON, '', ''],
  };
  const seen: string[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const nik = row.getCell(col('nik')).text;
    seen.push(nik);
    const answer = answers[nik];
    if (!answer) return;
    ['hasil', 'alasan', 'kpj', 'tanggal_efektif'].forEach((h, i) => {
      row.getCell(col(h)).value = answer[i]!;
    });
  });
  // one row per approved worker, Sulaiman (refused at the proposal) not among them
  expect(seen.sort()).toEqual([NURHAYATI.nik, WAHYU.nik, FITRI.nik].sort());
  const target = file.replace(/\.xlsx$/, '-jawaban.xlsx');
  await workbook.xlsx.writeFile(target);
  return target;
}

beforeAll(async () => {
  browser = await launchBrowser();
  // The administrator sets up the four people of the chain and registers the workers of Tambun
  // Arang with a script; everything after that happens in the browser.
  const api = new ApiClient(inject('baseUrl'));
  await api.login('admin', inject('adminPassword'));
  for (const [username, displayName, role, scope] of Object.values(USERS))
    await api.post('/api/users', { username, displayName, role, scope, password: PASSWORD });
  for (const w of WORKERS)
    await api.post('/api/workers', { ...w, villageCode: TAMBUN_ARANG, occupationCode: 9 });
});
afterAll(async () => {
  for (const p of pages) await p.close().catch(() => undefined);
  await browser?.close();
});

describe('a Tebo program from its creation to active BPJS protection', () => {
  let regency: Page;
  let village: Page;

  it('the regency office creates the program (25 seats in every desa, district step) and activates it', async () => {
    regency = await step('log in as the regency office', () => logInAs('regency'));
    const programs = new ProgramsPage(regency);
    await step('open the new-program form', async () => {
      await programs.openFromNavigation();
      await programs.startNew();
    });
    await step('fill in the program', async () => {
      await programs.type('Nama program', PROGRAM);
      await expect
        .poll(() => regency.getByRole('combobox', { name: 'Wilayah pemilik' }).inputValue())
        .toBe('Kabupaten Tebo');
      await programs.choose('Sumber dana', 'APBD kabupaten/kota');
      await programs.type('Rujukan anggaran', `DPA Dinas Sosial Tebo ${YEAR} 1.06.02`);
      await regency.getByRole('radio', { name: 'Sama untuk setiap desa' }).check();
      const seats = regency.getByRole('textbox', { name: 'Kursi setiap desa' });
      await seats.fill('25');
      await regency.getByRole('checkbox', { name: 'Desa', exact: true }).check();
      await regency.getByRole('checkbox', { name: 'Kelurahan', exact: true }).uncheck();
      await regency.getByRole('checkbox', { name: 'Desa adat', exact: true }).uncheck();
      await regency.getByRole('switch', { name: /Verifikasi kecamatan/ }).check();
      await expect.poll(() => programs.preview('seatsPerVillage')).toBe('25');
      const villages = await regency.getByTestId('preview-villages').innerText();
      expect(villages).toMatch(/^\d+ desa di Kabupaten Tebo$/);
      const count = Number(villages.split(' ')[0]);
      await expect
        .poll(() => programs.preview('totalSeats'))
        .toBe((25 * count).toLocaleString('id-ID'));
    });
    await shot(regency, '90-rantai-program-baru');

    await step('save the draft', async () => {
      await regency.getByRole('button', { name: 'Simpan sebagai draf' }).click();
      await regency.getByRole('heading', { name: PROGRAM, level: 1 }).waitFor();
      expect(await programs.status().textContent()).toBe('Draf');
      await regency.getByText('Ya: desa → kecamatan → kabupaten').waitFor();
      await regency.getByText('25 kursi per desa · desa', { exact: true }).waitFor();
    });
    await step('activate it', async () => {
      await regency.getByRole('button', { name: 'Aktifkan' }).click();
      const dialog = regency.getByRole('dialog', { name: 'Aktifkan program?' });
      await dialog.getByText(/\d kursi di \d+ desa/).waitFor();
      await dialog.getByRole('button', { name: 'Aktifkan' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await expect.poll(() => programs.status().textContent()).toBe('Aktif');
      await expect
        .poll(() => programs.allocationTotal())
        .toMatch(/^Kabupaten Tebo: [\d.]+ kursi, 0 terisi \(0%\)$/);
      expect(await programs.row('Sumay').innerText()).toMatch(/15\.09\.05\s+Sumay/);
    });
    await shot(regency, '91-rantai-program-aktif');
  }, 90_000);

  it('the village operator of Tambun Arang proposes four workers; one is refused with the reason', async () => {
    village = await step('log in as the village operator', () => logInAs('village'));
    const enrollment = new EnrollmentPage(village);
    await step('open the program under "Usulan peserta"', async () => {
      await enrollment.open(PROGRAM);
      await expect.poll(() => enrollment.seat('seats').textContent()).toContain('25');
      await expect.poll(() => enrollment.seat('remaining').textContent()).toContain('25');
      await enrollment.candidate(NURHAYATI.fullName).waitFor();
    });
    await step('paste the four NIKs', async () => {
      await enrollment.pasteNiks(WORKERS.map((w) => w.nik));
      for (const w of [NURHAYATI, WAHYU, FITRI])
        await enrollment.result(w.fullName).getByText('Diusulkan').waitFor();
      const refused = enrollment.result(SULAIMAN.fullName);
      await refused.getByText('Ditolak').waitFor();
      await refused.getByText(`Usia 70 tahun pada 1 Januari ${YEAR}; maksimal 65 tahun.`).waitFor();
      await village.getByText('3 diusulkan, 1 ditolak. Kursi terisi 3 dari 25.').waitFor();
      await expect.poll(() => enrollment.seat('remaining').textContent()).toContain('22');
      await enrollment.row(FITRI.fullName).getByText('diusulkan desa').waitFor();
    });
    await shot(village, '92-rantai-usulan-desa');
  }, 60_000);

  it('the district officer of Sumay verifies them', async () => {
    const camat = await step('log in as the district officer', () => logInAs('district'));
    const district = new EnrollmentPage(camat);
    await step('see the proposals waiting', async () => {
      await camat.getByRole('link', { name: 'Usulan peserta', exact: true }).click();
      await district.programCard(PROGRAM).getByText('3 menunggu verifikasi').waitFor();
      await district.open(PROGRAM);
      await district.queue('verify').getByText('Tambun Arang · Kec. Sumay (3)').waitFor();
    });
    await shot(camat, '93-rantai-verifikasi-kecamatan');
    await step('verify Tambun Arang', async () => {
      await district.takeStepForVillage('verify', 'Tambun Arang');
      await camat.getByText('3 peserta dinyatakan sesuai', { exact: false }).waitFor();
      await district.confirm();
      await camat.getByText('3 peserta diverifikasi.').waitFor();
      await district
        .queue('verify')
        .getByText('Tidak ada usulan desa yang menunggu verifikasi.')
        .waitFor();
      await district.row(NURHAYATI.fullName).getByText('diverifikasi kecamatan').waitFor();
    });
  }, 60_000);

  it('the regency office approves them and downloads the batch for BPJS', async () => {
    const enrollment = new EnrollmentPage(regency);
    await step('see the verified workers waiting', async () => {
      await regency.getByRole('link', { name: 'Usulan peserta', exact: true }).click();
      await enrollment.programCard(PROGRAM).getByText('3 menunggu persetujuan').waitFor();
      await enrollment.open(PROGRAM);
      await enrollment.queue('approve').getByText(WAHYU.fullName).waitFor();
    });
    await step('approve Tambun Arang', async () => {
      await enrollment.takeStepForVillage('approve', 'Tambun Arang');
      await enrollment.confirm();
      await regency.getByText('3 peserta disetujui.').waitFor();
      await enrollment.row(FITRI.fullName).getByText('disetujui kabupaten').waitFor();
    });
    await shot(regency, '94-rantai-persetujuan-kabupaten');

    const exchange = await step('open the BPJS exchange from the program', async () => {
      await regency.getByRole('link', { name: 'Kembali ke program' }).click();
      await regency.getByRole('heading', { name: PROGRAM, level: 1 }).waitFor();
      await regency.getByRole('link', { name: 'Pertukaran BPJS' }).click();
      await regency.getByRole('heading', { name: 'Pertukaran data BPJS', level: 1 }).waitFor();
      return new BpjsPage(regency, inject('baseUrl'));
    });
    await step('see three ready to send', async () => {
      await expect
        .poll(() => exchange.ready().textContent())
        .toBe('3 peserta sudah disetujui dan siap dikirim.');
      expect(await exchange.statusCount('approved').textContent()).toBe('3');
    });
    batchFile = await step('download the batch (XLSX)', () => exchange.downloadBatch());
    expect(batchFile).toMatch(/bpjs-kirim-v1-.*\.xlsx$/);
    await step('see the batch sent', async () => {
      await regency.getByText(/^Kiriman dibuat\. Berkas bpjs-kirim-v1-/).waitFor();
      await expect.poll(() => exchange.statusCount('sent').textContent()).toBe('3');
      await regency.getByTestId('bpjs-batch').getByText('3 dikirim ke BPJS').waitFor();
    });
    await shot(regency, '95-rantai-kiriman-bpjs');
  }, 90_000);

  it('the BPJS branch fills its answer and uploads it', async () => {
    answerFile = await step('fill the answer file', () => fillAnswer(batchFile));
    const officer = await step('log in as the BPJS officer', () => logInAs('bpjs'));
    const branch = await step('open the exchange through the program list', () =>
      openExchange(officer),
    );
    await step('upload the answer', async () => {
      await branch.uploadAnswer(answerFile);
      expect(await branch.resultCount('accepted').textContent()).toBe('2');
      expect(await branch.resultCount('rejected').textContent()).toBe('1');
      expect(await branch.resultSum().textContent()).toBe('3 baris = 2 diterima + 1 ditolak.');
      await officer.getByText('Semua baris diterapkan.').waitFor();
    });
    await shot(officer, '96-rantai-jawaban-bpjs');
    await step('see who is protected in the batch', async () => {
      await branch.openBatch();
      for (const w of [NURHAYATI, WAHYU]) {
        const row = branch.member(w.fullName);
        await row.getByText('aktif', { exact: true }).waitFor();
        await row.getByText(/^KPJ x{7}\d{4}, terlindungi sejak /).waitFor();
      }
      const rejected = branch.member(FITRI.fullName);
      await rejected.getByText('ditolak BPJS', { exact: true }).waitFor();
      await rejected.getByText(BPJS_REASON).waitFor();
    });
    await shot(officer, '97-rantai-peserta-kiriman');
  }, 60_000);

  it('the village operator sees two workers active and the one BPJS refused with its reason', async () => {
    // she comes back another day: a new sign-in (an open tab keeps what it read for a minute)
    await village.close();
    village = await step('log in again as the village operator', () => logInAs('village'));
    const enrollment = new EnrollmentPage(village);
    await step('open the program again', () => enrollment.open(PROGRAM));
    await step('read the statuses', async () => {
      for (const w of [NURHAYATI, WAHYU])
        await enrollment.row(w.fullName).getByText('aktif', { exact: true }).waitFor();
      const fitri = enrollment.row(FITRI.fullName);
      await fitri.getByText('ditolak BPJS', { exact: true }).waitFor();
      expect(await fitri.getByTestId('enrollment-reason').textContent()).toBe(
        `Alasan: ${BPJS_REASON}`,
      );
      expect(await enrollment.row(SULAIMAN.fullName).count()).toBe(0);
      // the refused seat is free again for another worker
      expect(await enrollment.seat('filled').textContent()).toContain('2');
      expect(await enrollment.seat('remaining').textContent()).toContain('23');
    });
    await shot(village, '98-rantai-desa-aktif');
    await step('download the list as Excel and as a PDF to print', async () => {
      const xlsx = await enrollment.downloadList('xlsx');
      expect(xlsx).toMatch(/peserta-\d{4}-\d{2}-\d{2}\.xlsx$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(xlsx);
      const rows: string[] = [];
      workbook.getWorksheet('Peserta')!.eachRow((row, n) => {
        if (n > 6) rows.push(`${row.getCell(2).text}: ${row.getCell(8).text}`);
      });
      expect(rows.sort()).toEqual(
        [
          `${NURHAYATI.fullName}: aktif`,
          `${WAHYU.fullName}: aktif`,
          `${FITRI.fullName}: ditolak BPJS`,
        ].sort(),
      );
      const pdf = pdfText(fs.readFileSync(await enrollment.downloadList('pdf')));
      expect(pdf).toContain(`Daftar peserta: ${PROGRAM}`);
      for (const w of [NURHAYATI, WAHYU, FITRI]) expect(pdf).toContain(w.fullName);
      expect(pdf).toContain('Halaman 1 dari 1');
    });
  }, 60_000);
});
