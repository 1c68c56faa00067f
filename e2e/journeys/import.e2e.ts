import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ImportSummary } from '../../src/core/modules/imports/imports.schema.ts';
import { ApiClient } from '../api.ts';
import { step } from '../step.ts';
import { launchBrowser } from '../browser.ts';
import { ImportPage } from '../pages/import.page.ts';
import { LoginPage } from '../pages/login.page.ts';

const SHOTS = process.env.E2E_SCREENSHOTS ?? '';
const PASSWORD = 'nasi-goreng-kampung-7';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jaring-e2e-import-'));
const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 900 };
let browser: Browser;
let page: Page;
let imports: ImportPage;

async function shot(name: string) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** The page laid out anew at a phone's width (a resize alone keeps some desktop measures). */
async function onPhone(ready: () => Promise<void>) {
  await page.setViewportSize(PHONE);
  await page.reload();
  await ready();
}

async function onDesktop(ready: () => Promise<void>) {
  await page.setViewportSize(DESKTOP);
  await page.reload();
  await ready();
}

async function download(name: string, trigger: () => Promise<void>): Promise<string> {
  const file = await step(`download ${name}`, async () => {
    const [d] = await Promise.all([page.waitForEvent('download'), trigger()]);
    return d;
  });
  const target = path.join(tmp, name);
  await step(`save ${name}`, () => file.saveAs(target));
  return target;
}

async function upload(file: string, expected: Record<string, string>) {
  const name = path.basename(file);
  await step(`choose ${name}`, () => imports.chooseFile(file));
  await step(
    `preview ${name}`,
    async () => {
      await page.getByTestId('import-preview').click();
      await expect.poll(() => imports.count('created'), { timeout: 30_000 }).toBe(expected.created);
      for (const [k, v] of Object.entries(expected)) expect(await imports.count(k), k).toBe(v);
    },
    35_000,
  );
  await step(
    `commit ${name}`,
    async () => {
      await page.getByTestId('import-commit').click();
      await page.getByRole('link', { name: 'Lihat daftar pekerja' }).waitFor({ timeout: 30_000 });
    },
    35_000,
  );
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
  page = await browser.newPage({ viewport: DESKTOP, locale: 'id-ID', acceptDownloads: true });
  page.setDefaultTimeout(15_000);
  imports = new ImportPage(page, inject('baseUrl'));
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
    await step('open the import page', async () => {
      await page.getByRole('link', { name: 'Pekerja', exact: true }).click();
      await imports.open();
    });
    const template = await download('templat.xlsx', () =>
      page.getByRole('link', { name: 'Unduh templat Excel' }).click(),
    );

    const filled = path.join(tmp, 'pekerja-pedukun.xlsx');
    const headers = await step('fill the template', async () => {
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
      await wb.xlsx.writeFile(filled);
      return headers;
    });

    await upload(filled, { total: '3', created: '2', rejected: '1' });
    await shot('20-impor-selesai');
    const rejected = await download('ditolak.xlsx', () =>
      page.getByRole('link', { name: 'Unduh baris yang ditolak' }).click(),
    );

    // the rejected file has the same columns plus the reason: fix the NIK and upload it again
    const fixed = path.join(tmp, 'ditolak-diperbaiki.xlsx');
    await step('fix the rejected row', async () => {
      const fix = new ExcelJS.Workbook();
      await fix.xlsx.readFile(rejected);
      const ws = fix.worksheets[0]!;
      const fixHeaders = (ws.getRow(1).values as string[]).slice(1);
      // the reason stands under its own header, after every column of the file
      expect(fixHeaders).toEqual([...headers, 'alasan_ditolak']);
      expect(ws.getRow(2).getCell(headers.length + 1).text).toContain('0000');
      ws.getRow(2).getCell(headers.indexOf('nik') + 1).value = '1508012205800005';
      await fix.xlsx.writeFile(fixed);
    });
    await step('open the import page again', () => imports.open());
    await upload(fixed, { total: '1', created: '1', rejected: '0' });

    await step('see the workers in the list', async () => {
      await page.getByRole('link', { name: 'Lihat daftar pekerja' }).click();
      await expect.poll(() => page.getByTestId('worker-row').count()).toBe(3);
    });
    await shot('21-pekerja-setelah-impor');
  }, 180_000);

  it('finds both imports again under "Impor terakhir" and opens one', async () => {
    await step('open the import page', () => imports.open());
    const recent = await step('read the recent imports', () => imports.recent());
    // newest first: each file was previewed, then saved
    expect(recent).toEqual([
      { fileName: 'ditolak-diperbaiki.xlsx', mode: 'Simpan', status: 'Selesai' },
      { fileName: 'ditolak-diperbaiki.xlsx', mode: 'Pratinjau', status: 'Selesai' },
      { fileName: 'pekerja-pedukun.xlsx', mode: 'Simpan', status: 'Selesai' },
      { fileName: 'pekerja-pedukun.xlsx', mode: 'Pratinjau', status: 'Selesai' },
    ]);
    await step('open the first saved import', async () => {
      await imports.openRecent('pekerja-pedukun.xlsx', 'Simpan');
      await page.getByRole('heading', { name: 'Tersimpan' }).waitFor();
      expect(page.url()).toMatch(/\/pekerja\/impor\?id=/);
      expect(await imports.count('created')).toBe('2');
      expect(await imports.count('rejected')).toBe('1');
    });
    await step('look at it on a phone', async () => {
      await onPhone(() => page.getByRole('heading', { name: 'Tersimpan' }).waitFor());
      await shot('22-impor-terakhir-ponsel');
      await onDesktop(() => page.getByRole('heading', { name: 'Tersimpan' }).waitFor());
    });
  }, 60_000);

  it('saves a preview later, reopened from "Impor terakhir", without choosing the file again', async () => {
    const file = path.join(tmp, 'susulan-pedukun.csv');
    fs.writeFileSync(
      file,
      [
        'nik,nama,tanggal_lahir,jenis_kelamin,kode_pekerjaan',
        '1508016306950002,Wulan Sari,1995-06-23,P,9',
        '1508011708880001,Agus Salim,1988-08-17,L,23',
        '1508011708880,Nomor Terpotong,1988-08-17,L,23',
      ].join('\n'),
    );
    await step('preview the file', async () => {
      await imports.open();
      await imports.chooseFile(file);
      await page.getByTestId('import-preview').click();
      await expect.poll(() => imports.count('created'), { timeout: 30_000 }).toBe('2');
      expect(await imports.count('rejected')).toBe('1');
    });
    await step('leave the page: nothing is saved yet', async () => {
      await page.getByRole('link', { name: 'Pekerja', exact: true }).click();
      await expect.poll(() => page.getByTestId('worker-row').count()).toBe(3);
      expect(await page.getByText('Wulan Sari').count()).toBe(0);
    });
    await step('come back and find the preview, not saved yet', async () => {
      await imports.open();
      const row = imports.recentRow('susulan-pedukun.csv', 'Pratinjau');
      expect(await row.getByTestId('import-recent-unsaved').innerText()).toMatch(
        /^Belum disimpan · dapat disimpan sampai /,
      );
      await shot('27-pratinjau-belum-disimpan');
      await imports.openRecent('susulan-pedukun.csv', 'Pratinjau');
      await page.getByTestId('import-file-kept').waitFor();
      expect(await page.getByTestId('import-file').inputValue()).toBe('');
      expect(await imports.count('created')).toBe('2');
      await shot('28-pratinjau-dibuka-lagi');
      await onPhone(() => page.getByTestId('import-file-kept').waitFor());
      await shot('28-pratinjau-dibuka-lagi-ponsel');
      await onDesktop(() => page.getByTestId('import-file-kept').waitFor());
    });
    const previewUrl = page.url();
    await step('save it from the file the server kept', async () => {
      const save = page.getByRole('button', { name: 'Simpan hasil pratinjau' });
      expect(await save.isEnabled()).toBe(true);
      await save.click();
      await page.getByRole('heading', { name: 'Tersimpan' }).waitFor({ timeout: 30_000 });
      expect(page.url()).not.toBe(previewUrl);
      expect(await imports.count('created')).toBe('2');
      expect(await imports.count('rejected')).toBe('1');
      await shot('29-pratinjau-tersimpan');
    });
    await step('the preview is not offered for saving twice', async () => {
      const row = imports.recentRow('susulan-pedukun.csv', 'Pratinjau');
      await row.getByTestId('import-recent-saved').waitFor();
      await imports.openRecent('susulan-pedukun.csv', 'Pratinjau');
      await page.getByText('Pratinjau ini sudah disimpan').waitFor();
      expect(await page.getByTestId('import-commit').count()).toBe(0);
      await shot('30-pratinjau-sudah-disimpan');
      await page.getByRole('link', { name: 'Buka hasil penyimpanan' }).click();
      await page.getByRole('heading', { name: 'Tersimpan' }).waitFor();
    });
    await step('see the workers created', async () => {
      await page.getByRole('link', { name: 'Lihat daftar pekerja' }).click();
      await expect.poll(() => page.getByTestId('worker-row').count()).toBe(5);
      await page.getByText('Wulan Sari').waitFor();
      await page.getByText('Agus Salim').waitFor();
      await shot('31-pekerja-dari-pratinjau');
    });
  }, 120_000);

  it('asks for the file again once the kept file of a preview is gone', async () => {
    // a week-old preview: its answer is played here (the expiry itself is a service test)
    const OLD = /\/api\/imports\/pratinjau-lama$/;
    await page.route(OLD, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify(
          job({
            id: 'pratinjau-lama',
            mode: 'preview',
            status: 'done',
            fileName: 'susulan-pedukun.csv',
            format: 'csv',
            createdAt: new Date(Date.now() - 8 * 86_400_000).toISOString(),
            finishedAt: new Date(Date.now() - 8 * 86_400_000).toISOString(),
            counts: { ...job({ id: '' }).counts, total: 3, created: 2, rejected: 1 },
            progress: { bytesDone: 150, bytesTotal: 150, linesDone: 4, percent: 100 },
          }),
        ),
      }),
    );
    try {
      await step('open the old preview', async () => {
        await imports.open('pratinjau-lama');
        const gone = page.getByTestId('import-file-expired');
        await gone.waitFor();
        expect(await gone.innerText()).toContain(
          'Berkas pratinjau sudah dihapus; pilih berkas lagi untuk menyimpan.',
        );
        expect(await page.getByTestId('import-commit').isEnabled()).toBe(false);
        await shot('32-pratinjau-berkas-dihapus');
      });
      await step('choose the file again: it can be saved as before', async () => {
        await imports.chooseFile(path.join(tmp, 'susulan-pedukun.csv'));
        await expect.poll(() => page.getByTestId('import-commit').isEnabled()).toBe(true);
        expect(await page.getByTestId('import-commit').innerText()).toBe('Simpan');
        expect(await page.getByTestId('import-file-expired').count()).toBe(0);
      });
    } finally {
      await page.unroute(OLD);
    }
  }, 60_000);
});

/** A summary as the server gives it, for the imports a small test file cannot make (202). */
function job(patch: Partial<ImportSummary> & Pick<ImportSummary, 'id'>): ImportSummary {
  return {
    status: 'running',
    mode: 'commit',
    fileName: 'penduduk-kabupaten.xlsx',
    format: 'xlsx',
    layout: 'jaring',
    villageCode: '15.08.01.2004',
    counts: { total: 0, created: 0, updated: 0, unchanged: 0, warned: 0, rejected: 0, skipped: 0 },
    error: null,
    createdAt: new Date(Date.now() - 95_000).toISOString(),
    finishedAt: null,
    progress: { bytesDone: 0, bytesTotal: 90_000_000, linesDone: 0, percent: 0 },
    cancelRequested: false,
    commitId: null,
    fileKeptUntil: null,
    rows: [],
    ...patch,
  };
}

describe('a long import in the background (the server answers replaced in the browser)', () => {
  // Large files take minutes: their answers are played here, the server's own behaviour is
  // covered by the import job tests.
  const IMPORTS_API = /\/api\/imports(\/[^/?]+(\/(cancel|resume))?)?(\?.*)?$/;
  const state = { running: job({ id: '' }), stopped: job({ id: '' }), calls: [] as string[] };

  beforeAll(async () => {
    state.running = job({
      id: 'job-besar',
      counts: { ...job({ id: '' }).counts, total: 24000, created: 23990, warned: 4, rejected: 10 },
      progress: { bytesDone: 21_600_000, bytesTotal: 90_000_000, linesDone: 24001, percent: 24 },
    });
    state.stopped = job({
      id: 'job-terhenti',
      fileName: 'penduduk-tebo.xlsx',
      status: 'interrupted',
      counts: { ...job({ id: '' }).counts, total: 40000, created: 40000 },
      progress: { bytesDone: 36_000_000, bytesTotal: 90_000_000, linesDone: 40001, percent: 40 },
    });
    const answer = (route: Route, body: unknown) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
    await page.route(IMPORTS_API, async (route) => {
      const url = new URL(route.request().url());
      const [, , , id, action] = url.pathname.split('/');
      if (!id) return answer(route, { items: [state.running, state.stopped] });
      const key = id === 'job-besar' ? 'running' : 'stopped';
      if (action) {
        state.calls.push(`${action} ${id}`);
        if (action === 'cancel') state[key] = { ...state[key], cancelRequested: true };
        if (action === 'resume') state[key] = { ...state[key], status: 'queued' };
        return route.fulfill({ status: 204 });
      }
      return answer(route, state[key]);
    });
  });
  afterAll(async () => {
    await page.unroute(IMPORTS_API);
  });

  it('shows the progress, cancels, and resumes an interrupted import', async () => {
    await step('open a running import', async () => {
      await imports.open('job-besar');
      await page.getByTestId('import-progress').waitFor();
      expect(await page.getByTestId('import-progress-line').innerText()).toBe(
        'Baris ke-24.001 · 23.990 dibuat · 0 diperbarui · 10 ditolak',
      );
      expect(await page.getByTestId('import-percent').innerText()).toBe('24 %');
      await expect
        .poll(() => page.getByTestId('import-elapsed').innerText())
        .toMatch(/^Waktu berjalan \d+:\d\d$/);
    });
    await step('look at the progress on a phone', async () => {
      await onPhone(() => page.getByTestId('import-progress').waitFor());
      await shot('23-impor-berjalan-ponsel');
      await onDesktop(() => page.getByTestId('import-progress').waitFor());
      await shot('24-impor-berjalan');
    });

    await step('cancel it', async () => {
      await page.getByTestId('import-cancel').click();
      const dialog = page.getByRole('dialog', { name: 'Batalkan impor?' });
      expect(await dialog.innerText()).toContain('Baris yang sudah tersimpan tetap tersimpan');
      await shot('25-batalkan-impor');
      await dialog.getByRole('button', { name: 'Ya, batalkan' }).click();
      await dialog.waitFor({ state: 'hidden' });
      expect(state.calls).toEqual(['cancel job-besar']);
      await page.getByText('Menunggu pembatalan').waitFor();
      // the runner stops after its chunk: the next answer is the cancelled import
      state.running = {
        ...state.running,
        status: 'cancelled',
        finishedAt: new Date().toISOString(),
      };
      await page
        .getByText('Dibatalkan setelah baris 24.001: 24.000 baris sudah diproses.')
        .waitFor();
      expect(await imports.count('created')).toBe('23.990');
    });

    await step('resume the interrupted one from the recent imports', async () => {
      await imports.openRecent('penduduk-tebo.xlsx', 'Simpan');
      const text =
        'Server berhenti saat impor berjalan. 40.000 baris pertama sudah tersimpan; lanjutkan untuk memproses sisanya.';
      await page.getByText(text).waitFor();
      await shot('26-impor-terhenti');
      await page.getByRole('button', { name: 'Lanjutkan impor' }).click();
      await page.getByTestId('import-progress').waitFor();
      expect(state.calls).toEqual(['cancel job-besar', 'resume job-terhenti']);
      await page.getByText('Antre untuk dilanjutkan setelah baris 40.001.').waitFor();
    });
  }, 90_000);
});
