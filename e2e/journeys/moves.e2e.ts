import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ApiClient } from '../api.ts';
import { launchBrowser } from '../browser.ts';
import { LoginPage } from '../pages/login.page.ts';
import { MovesPage } from '../pages/moves.page.ts';

const SHOTS = process.env.E2E_SCREENSHOTS ?? '';
const PASSWORD = 'nasi-goreng-kampung-7';
/** Melati Kusuma, registered in Pedukun (Tanah Tumbuh), has moved to Rantau Duku (Rantau Pandan). */
const NIK = '1508016203900107';
const MASKED = '150801xxxxxx0107';
let browser: Browser;

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

async function logInAs(username: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' });
  const login = new LoginPage(page, inject('baseUrl'));
  await login.open();
  await login.logIn(username, PASSWORD);
  await page.getByRole('link', { name: 'Pekerja', exact: true }).waitFor();
  return page;
}

beforeAll(async () => {
  browser = await launchBrowser();
  // The administrator registers the worker in Pedukun, and sets up the operator of Rantau Duku
  // (another district of Bungo) and the regency office of Bungo.
  const api = new ApiClient(inject('baseUrl'));
  await api.login('admin', inject('adminPassword'));
  await api.post('/api/workers', {
    nik: NIK,
    fullName: 'Melati Kusuma',
    birthDate: '1990-03-22',
    sex: 'P',
    villageCode: '15.08.01.2001',
    occupationCode: 9,
  });
  await api.post('/api/users', {
    username: 'op.pindah.rantau',
    displayName: 'Sri Wahyuni',
    role: 'village_operator',
    scope: '15.08.02.2001',
    password: PASSWORD,
  });
  await api.post('/api/users', {
    username: 'dinas.pindah.bungo',
    displayName: 'Hendra Saputra',
    role: 'regency_admin',
    scope: '15.08',
    password: PASSWORD,
  });
});
afterAll(async () => browser?.close());

describe('a worker moves to the village that asked for her', () => {
  it('the operator asks by NIK, the regency admin approves, the worker joins the list', async () => {
    // Rantau Duku: adding Melati as a new worker is refused (her NIK is registered elsewhere),
    // so the operator asks for the move
    const operator = await logInAs('op.pindah.rantau');
    const moves = new MovesPage(operator);
    await moves.openFromWorkers('Minta pindah pekerja');
    await operator.getByText('Desa tujuan: Rantau Duku (15.08.02.2001)').waitFor();
    await moves.request('1508016203909999', 'Menikah dan menetap di Rantau Duku.');
    await expect
      .poll(() => moves.nikError().textContent())
      .toContain('NIK ini belum terdaftar di Jaring');
    await shot(operator, '50-pindah-nik-tidak-dikenal');
    await moves.request(NIK, 'Menikah dan menetap di Rantau Duku sejak Maret.');
    const sent = operator.getByTestId('move-sent');
    await sent.getByText(`NIK ${MASKED} terdaftar di desa lain`).waitFor();
    const mine = moves.row(MASKED);
    await mine.getByText('Menunggu').waitFor();
    // nothing about her beyond "registered in another village" until the decision
    expect(await mine.getByText('Nama tampil setelah disetujui').count()).toBe(1);
    expect(await mine.getByText('Desa lain').count()).toBe(1);
    expect(await operator.getByText('Melati').count()).toBe(0);
    expect(await operator.getByText('Pedukun').count()).toBe(0);
    await shot(operator, '51-pindah-permintaan-terkirim');

    // the regency office sees one request waiting, with who and where from
    const admin = await logInAs('dinas.pindah.bungo');
    const queue = new MovesPage(admin);
    await admin.getByRole('link', { name: 'Pekerja', exact: true }).click();
    await admin.getByTestId('moves-button').getByText('1').waitFor();
    await shot(admin, '52-pekerja-tombol-permintaan-pindah');
    await queue.openFromWorkers(/Permintaan pindah/);
    const row = queue.row('Melati Kusuma');
    await row.getByText('Pedukun', { exact: true }).waitFor();
    await row.getByText('Rantau Duku', { exact: true }).waitFor();
    await row.getByText('Menikah dan menetap di Rantau Duku sejak Maret.').waitFor();
    await shot(admin, '53-antrean-permintaan-pindah');
    await queue.approve(row, 'Surat pindah dari Dukcapil sudah diperiksa.');
    await admin
      .getByText('Melati Kusuma akan dipindahkan dari Pedukun ke Rantau Duku.', { exact: false })
      .waitFor();
    await shot(admin, '54-setujui-pindah');
    await queue.confirm();
    await admin.getByText('Melati Kusuma dipindahkan ke Rantau Duku.').waitFor();
    await admin
      .getByText('Tidak ada permintaan pindah yang menunggu keputusan di wilayah Anda.')
      .waitFor();

    // the operator now sees her name, the decision, and her in the own worker list
    await operator.reload();
    const approved = moves.row(MASKED);
    await approved.getByText('Disetujui').waitFor();
    await approved.getByRole('link', { name: 'Melati Kusuma' }).waitFor();
    await approved.getByText('Catatan: Surat pindah dari Dukcapil sudah diperiksa.').waitFor();
    await shot(operator, '55-pindah-disetujui');
    await operator.goto(`${inject('baseUrl')}/pekerja?q=melati`);
    await operator.getByRole('link', { name: 'Melati Kusuma' }).waitFor();
    await operator.getByText('1 pekerja').waitFor();
    await operator.getByRole('link', { name: 'Melati Kusuma' }).click();
    await operator.getByRole('heading', { name: 'Melati Kusuma', level: 1 }).waitFor();
    await operator.getByText('Rantau Duku (15.08.02.2001)').waitFor();
    await shot(operator, '56-pekerja-di-desa-baru');
  });
});
