import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ApiClient } from '../api.ts';
import { launchBrowser } from '../browser.ts';
import { LoginPage } from '../pages/login.page.ts';
import { WorkerFamilyPage } from '../pages/worker-family.page.ts';

const SHOTS = process.env.E2E_SCREENSHOTS ?? '';
const PASSWORD = 'nasi-goreng-kampung-7';
const WORKER = 'Ahmad Fauzi';
let browser: Browser;
let page: Page;

/** A full page, or with a dialog open what the person sees (fixed parts stay in place). */
async function shot(name: string, fullPage = true) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });
}

beforeAll(async () => {
  browser = await launchBrowser();
  // The administrator sets up the operator of Teluk Kecimbung and one worker there.
  const api = new ApiClient(inject('baseUrl'));
  await api.login('admin', inject('adminPassword'));
  await api.post('/api/users', {
    username: 'op.telukkecimbung',
    displayName: 'Yusuf Hamzah',
    role: 'village_operator',
    scope: '15.08.01.2003',
    password: PASSWORD,
  });
  await api.post('/api/users', {
    username: 'inspektorat.keluarga',
    displayName: 'Dewi Anggraini',
    role: 'auditor',
    scope: '15.08',
    password: PASSWORD,
  });
  await api.post('/api/workers', {
    nik: '1508012208800417',
    fullName: WORKER,
    birthDate: '1980-08-22',
    sex: 'L',
    villageCode: '15.08.01.2003',
    occupationCode: 9,
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' });
  const login = new LoginPage(page, inject('baseUrl'));
  await login.open();
  await login.logIn('op.telukkecimbung', PASSWORD);
  await page.getByRole('link', { name: 'Pekerja', exact: true }).waitFor();
});
afterAll(async () => browser?.close());

describe('a village operator records the family and the death of a worker', () => {
  it('adds the wife as heir and a child, then records the death', async () => {
    const worker = new WorkerFamilyPage(page);
    await worker.openFromList(WORKER);
    await page.getByText('Belum ada ahli waris yang dicatat.').waitFor();
    expect(await worker.lifeStatusText()).toBe('Hidup');
    await shot('30-keluarga-kosong');

    // an empty form says what is missing, in Indonesian, at the field
    await worker.startHeir();
    await worker.save();
    await page.getByText('Nama wajib diisi.').waitFor();
    await page.getByText('Hubungan dengan pekerja wajib dipilih.').waitFor();
    await shot('31-ahli-waris-galat', false);
    await worker.fillHeir({
      name: 'Siti Rahmah',
      relationship: 'Suami/istri',
      nik: '1508016305840002',
      phone: '0812-7400-5566',
    });
    await worker.save();
    await worker.closed();
    const heirs = await worker.rows('heirs');
    expect(heirs).toHaveLength(1);
    expect(heirs[0]).toContain('Siti Rahmah');
    expect(heirs[0]).toContain('Suami/istri');
    expect(heirs[0]).toContain('150801xxxxxx0002');

    await worker.addChild({ name: 'Putri Ayu', birthDate: '15-05-2017', schoolLevel: 'SD/MI' });
    await worker.closed();
    const children = await worker.rows('children');
    expect(children).toHaveLength(1);
    expect(children[0]).toContain('Putri Ayu');
    expect(children[0]).toContain('15 Mei 2017');
    expect(children[0]).toContain('SD/MI');
    await shot('32-ahli-waris-dan-anak');

    await worker.fillLifeStatus('Meninggal dunia', '12-03-2026');
    await shot('33-ubah-status-hidup', false);
    await worker.save();
    await worker.closed();
    await expect.poll(() => worker.lifeStatusText()).toBe('Meninggal dunia sejak 12 Mar 2026');
    await shot('34-meninggal-dunia');
  });

  it('an auditor sees the family and the life status, without buttons to change them', async () => {
    const auditorPage = await browser.newPage({
      viewport: { width: 1280, height: 900 },
      locale: 'id-ID',
    });
    const login = new LoginPage(auditorPage, inject('baseUrl'));
    await login.open();
    await login.logIn('inspektorat.keluarga', PASSWORD);
    const worker = new WorkerFamilyPage(auditorPage);
    await worker.openFromList(WORKER);
    expect((await worker.rows('heirs'))[0]).toContain('Siti Rahmah');
    expect(await worker.lifeStatusText()).toBe('Meninggal dunia sejak 12 Mar 2026');
    expect(await auditorPage.getByRole('button', { name: 'Tambah ahli waris' }).count()).toBe(0);
    expect(await auditorPage.getByRole('button', { name: 'Tambah anak' }).count()).toBe(0);
    expect(await auditorPage.getByRole('button', { name: 'Ubah status' }).count()).toBe(0);
    expect(await auditorPage.getByRole('button', { name: /^Hapus / }).count()).toBe(0);
    if (SHOTS) await auditorPage.screenshot({ path: `${SHOTS}/35-auditor-hanya-membaca.png` });
    await auditorPage.close();
  });
});
