import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ApiClient } from '../api.ts';
import { launchBrowser } from '../browser.ts';
import { LoginPage } from '../pages/login.page.ts';

const SHOTS = process.env.E2E_SCREENSHOTS ?? '';
const PASSWORD = 'nasi-goreng-kampung-7';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jaring-e2e-import-'));
let browser: Browser;
let page: Page;

async function shot(name: string) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

async function download(trigger: () => Promise<void>, name: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), trigger()]);
  const target = path.join(tmp, name);
  await file.saveAs(target);
  return target;
}

const count = async (key: string) =>
  (await page.getByTestId(`import-count-${key}`).innerText()).trim();

async function upload(file: string, expected: Record<string, string>) {
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-preview').click();
  await expect.poll(() => count('created'), { timeout: 20_000 }).toBe(expected.created);
  for (const [k, v] of Object.entries(expected)) expect(await count(k), k).toBe(v);
  await page.getByTestId('import-commit').click();
  await page.getByRole('link', { name: 'Lihat daftar pekerja' }).waitFor({ timeout: 20_000 });
}

beforeAll(async () => {
  browser = await launchBrowser();
  const api = new ApiClient(inject('baseUrl'));
  await api.login('admin', inject('adminPassword'));
  await api.post('/api/users', {
    username: 'op.imporpedukun',
    displayName: 'Dewi Lestari',
    role: 'village_operator',
    scope: '15.08.01.2004',
    password: PASSWORD,
  });
  page = await browser.newPage({
    viewport: { width: 1280, height: 900 },
    locale: 'id-ID',
    acceptDownloads: true,
  });
  const login = new LoginPage(page, inject('baseUrl'));
  await login.open();
  await login.logIn('op.imporpedukun', PASSWORD);
  await page.getByRole('link', { name: 'Pekerja', exact: true }).waitFor();
});
afterAll(async () => {
  await browser?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('a village operator imports workers from the template', () => {
  it('downloads the template, fills it, previews, commits, fixes the rejected row and uploads it again', async () => {
    await page.getByRole('link', { name: 'Pekerja', exact: true }).click();
    await page.goto(`${inject('baseUrl')}/pekerja/impor`);
    const template = await download(
      () => page.getByRole('link', { name: 'Unduh templat Excel' }).click(),
      'templat.xlsx',
    );

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(template);
    const sheet = wb.getWorksheet('Pekerja')!;
    const headers = (sheet.getRow(1).values as string[]).slice(1);
    const row = (values: Record<string, string>) => headers.map((h) => values[h] ?? '');
    sheet.addRow(
      row({
        nik: '1508014107850001',
        nama: 'Siti Aminah',
        tanggal_lahir: '1985-07-01',
        jenis_kelamin: 'P',
        kode_pekerjaan: '9',
      }),
    );
    sheet.addRow(
      row({
        nik: '1508011203900003',
        nama: 'Rahmat Hidayat',
        tanggal_lahir: '1990-03-12',
        jenis_kelamin: 'L',
        kode_pekerjaan: '23',
      }),
    );
    sheet.addRow(
      row({
        nik: '1508012205800000',
        nama: 'Yusuf Effendi',
        tanggal_lahir: '1980-05-22',
        jenis_kelamin: 'L',
        kode_pekerjaan: '88',
      }),
    );
    const filled = path.join(tmp, 'pekerja-pedukun.xlsx');
    await wb.xlsx.writeFile(filled);

    await upload(filled, { total: '3', created: '2', rejected: '1' });
    await shot('20-impor-selesai');
    const rejected = await download(
      () => page.getByRole('link', { name: 'Unduh baris yang ditolak' }).click(),
      'ditolak.xlsx',
    );

    // the rejected file has the same columns plus the reason: fix the NIK and upload it again
    const fix = new ExcelJS.Workbook();
    await fix.xlsx.readFile(rejected);
    const ws = fix.worksheets[0]!;
    const fixHeaders = (ws.getRow(1).values as string[]).slice(1);
    // the reason stands under its own header, after every column of the file
    expect(fixHeaders).toEqual([...headers, 'alasan_ditolak']);
    expect(ws.getRow(2).getCell(headers.length + 1).text).toContain('0000');
    ws.getRow(2).getCell(headers.indexOf('nik') + 1).value = '1508012205800005';
    const fixed = path.join(tmp, 'ditolak-diperbaiki.xlsx');
    await fix.xlsx.writeFile(fixed);
    await page.goto(`${inject('baseUrl')}/pekerja/impor`);
    await upload(fixed, { total: '1', created: '1', rejected: '0' });

    await page.getByRole('link', { name: 'Lihat daftar pekerja' }).click();
    await expect.poll(() => page.getByTestId('worker-row').count()).toBe(3);
    await shot('21-pekerja-setelah-impor');
  });
});
