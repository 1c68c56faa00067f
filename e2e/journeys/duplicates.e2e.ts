import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ApiClient } from '../api.ts';
import { launchBrowser } from '../browser.ts';
import { DuplicatesPage } from '../pages/duplicates.page.ts';
import { LoginPage } from '../pages/login.page.ts';

const SHOTS = process.env.E2E_SCREENSHOTS ?? '';
const PASSWORD = 'nasi-goreng-kampung-7';
let browser: Browser;
let page: Page;
const ids: Record<'pedukun' | 'rantauDuku' | 'otherDate', string> = {
  pedukun: '',
  rantauDuku: '',
  otherDate: '',
};

async function shot(name: string, fullPage = true) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });
}

beforeAll(async () => {
  browser = await launchBrowser();
  // The administrator sets up the regency office of Merangin (a regency no other journey uses: the
  // journeys share one server), and three workers are registered: Ratna Sari Dewi twice (once in
  // Renah Kemumu, once in Pasar Atas, with other NIKs), and a
  // namesake born a day later, who is someone else.
  const api = new ApiClient(inject('baseUrl'));
  await api.login('admin', inject('adminPassword'));
  await api.post('/api/users', {
    username: 'dinas.ganda.merangin',
    displayName: 'Yusuf Maulana',
    role: 'regency_admin',
    scope: '15.02',
    password: PASSWORD,
  });
  const ratna = { fullName: 'Ratna Sari Dewi', sex: 'P', occupationCode: 9 };
  ids.pedukun = (
    await api.post<{ id: string }>('/api/workers', {
      ...ratna,
      nik: '1502016005880101',
      birthDate: '1988-05-20',
      villageCode: '15.02.01.2001',
    })
  ).id;
  ids.rantauDuku = (
    await api.post<{ id: string }>('/api/workers', {
      ...ratna,
      fullName: 'RATNA SARI DEWI',
      nik: '1502026005880102',
      birthDate: '1988-05-20',
      villageCode: '15.02.02.1009',
      phone: '0812-7400-5566',
      kk: '1502020101100007',
      occupationCode: 88,
    })
  ).id;
  ids.otherDate = (
    await api.post<{ id: string }>('/api/workers', {
      ...ratna,
      nik: '1502016105880103',
      birthDate: '1988-05-21',
      villageCode: '15.02.01.2001',
    })
  ).id;
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' });
  const login = new LoginPage(page, inject('baseUrl'));
  await login.open();
  await login.logIn('dinas.ganda.merangin', PASSWORD);
  await page.getByRole('link', { name: 'Pekerja', exact: true }).waitFor();
});
afterAll(async () => browser?.close());

describe('a regency admin reviews possible duplicates', () => {
  it('sees the pair side by side, merges it, and finds the kept record complete', async () => {
    const duplicates = new DuplicatesPage(page);
    await duplicates.open();
    const pair = duplicates.pair('Ratna Sari Dewi');
    await pair.waitFor();
    expect(await duplicates.pair('Ratna Sari Dewi').count()).toBe(1); // not the namesake born a day later
    await expect
      .poll(() => duplicates.differingRows(pair))
      .toEqual(
        ['NIK', 'Nama lengkap', 'Desa, kecamatan', 'Pekerjaan', 'Data lain yang terisi'].sort(),
      );
    await expect.poll(() => pair.getByText('150201xxxxxx0101').count()).toBe(1);
    await shot('40-kemungkinan-ganda');

    // the record registered first is "Data 1" and kept by default; choosing it says so explicitly
    await expect
      .poll(() => pair.getByRole('heading').innerText())
      .toBe('1. Ratna Sari Dewi, lahir 20 Mei 1988');
    await duplicates.merge(pair, /Data 1: Ratna Sari Dewi · NIK 150201xxxxxx0101/);
    const dialog = page.getByRole('dialog', { name: 'Gabungkan data ganda' });
    await dialog.getByText('Alamat tidak diambil karena desanya berbeda').waitFor();
    await dialog.getByText('150202xxxxxx0102 disembunyikan').waitFor();
    // the modal fades in: photograph it once it is fully there, and only the visible window
    await expect.poll(() => dialog.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
    await shot('41-gabungkan-konfirmasi', false);
    await duplicates.confirmMerge();
    await page.getByText('Data digabungkan').waitFor();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Tidak ada kemungkinan data ganda di wilayah Anda.').waitFor();
    await shot('42-kemungkinan-ganda-kosong');

    // the kept record took the phone and the family card number it lacked
    await page.goto(`${inject('baseUrl')}/pekerja/${ids.pedukun}`);
    await page.getByRole('heading', { name: 'Ratna Sari Dewi', level: 1 }).waitFor();
    await page.getByText('0812-7400-5566').waitFor();
    expect(await page.getByTestId('merged-notice').count()).toBe(0);
    await shot('43-data-yang-disimpan');

    // the merged record still opens, for its history, and points at the kept one
    await page.goto(`${inject('baseUrl')}/pekerja/${ids.rantauDuku}`);
    const notice = page.getByTestId('merged-notice');
    await notice.getByText('Data ini sudah digabungkan').waitFor();
    await notice.getByRole('link', { name: /Ratna Sari Dewi/ }).waitFor();
    expect(await page.getByRole('link', { name: 'Ubah' }).count()).toBe(0);
    await shot('44-data-yang-digabungkan');
    await notice.getByRole('link', { name: /Ratna Sari Dewi/ }).click();
    await page.waitForURL(`**/pekerja/${ids.pedukun}`);

    // and the worker list shows two Ratnas: the kept one and the namesake
    await page.goto(`${inject('baseUrl')}/pekerja?q=ratna`);
    await page.getByText('2 pekerja').waitFor();
    await shot('45-daftar-pekerja');
  });
});
