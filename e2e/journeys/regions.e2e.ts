import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../browser.ts';
import { LoginPage } from '../pages/login.page.ts';
import { RegionsPage } from '../pages/regions.page.ts';

const SHOTS = process.env.E2E_SCREENSHOTS ?? '';
let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' });
});
afterAll(async () => browser?.close());

async function shot(name: string) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

describe('an administrator browses the region register', () => {
  it('is refused with a clear message for a wrong password', async () => {
    const login = new LoginPage(page, inject('baseUrl'));
    await login.open();
    await login.logIn('admin', 'bukan-sandinya');
    await expect
      .poll(() => login.errorText().innerText())
      .toContain('Nama pengguna atau kata sandi salah');
    await shot('01-login-salah');
  });

  it('logs in, opens Wilayah and drills down to Kabupaten Bungo: 17 districts, 141 desa, 12 kelurahan', async () => {
    const login = new LoginPage(page, inject('baseUrl'));
    await login.open();
    await login.logIn('admin', inject('adminPassword'));
    await page.getByRole('link', { name: 'Wilayah', exact: true }).waitFor();
    await shot('02-dasbor');

    const regions = new RegionsPage(page);
    await regions.openFromNavigation();
    await page.getByRole('link', { name: 'Jambi', exact: true }).waitFor();
    expect(await regions.rowsOfChildren().count()).toBe(38);
    await shot('03-provinsi');

    await regions.drillInto('Jambi');
    await regions.drillInto('Kabupaten Bungo');
    expect(page.url()).toMatch(/\/wilayah\/15\.08$/);
    expect(await regions.count('districts')).toBe('17');
    expect(await regions.count('desa')).toBe('141');
    expect(await regions.count('kelurahan')).toBe('12');
    expect(await regions.rowsOfChildren().count()).toBe(17);
    await shot('04-bungo');
  });
});
