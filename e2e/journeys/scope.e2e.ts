import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ApiClient } from '../api.ts';
import { launchBrowser } from '../browser.ts';
import { LoginPage } from '../pages/login.page.ts';
import { UsersPage } from '../pages/users.page.ts';

const SHOTS = process.env.E2E_SCREENSHOTS ?? '';
const PASSWORD = 'nasi-goreng-kampung-7';
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
  await page.getByRole('link', { name: 'Wilayah', exact: true }).waitFor();
  return page;
}

beforeAll(async () => {
  browser = await launchBrowser();
  // The administrator sets up a regency office, three village operators in Bungo and one in Tebo.
  const api = new ApiClient(inject('baseUrl'));
  await api.login('admin', inject('adminPassword'));
  const users: [string, string, string, string][] = [
    ['dinas.bungo', 'Hendra Saputra', 'regency_admin', '15.08'],
    ['op.pedukun', 'Rahmat Hidayat', 'village_operator', '15.08.01.2001'],
    ['op.rantaupandan', 'Sri Wahyuni', 'village_operator', '15.08.02.2001'],
    ['op.talangpantai', 'Agus Salim', 'village_operator', '15.08.12.2003'],
    ['op.muaratebo', 'Nur Aini', 'village_operator', '15.09.01.1001'],
  ];
  for (const [username, displayName, role, scope] of users) {
    await api.post('/api/users', { username, displayName, role, scope, password: PASSWORD });
  }
  // Each operator signs in once, so every village has activity in the audit trail.
  for (const [username] of users.slice(1))
    await new ApiClient(inject('baseUrl')).login(username, PASSWORD);
});
afterAll(async () => browser?.close());

describe('region scope, as people meet it', () => {
  it('the regency admin of Bungo sees the users of every Bungo village, and none of Tebo', async () => {
    const page = await logInAs('dinas.bungo');
    const users = new UsersPage(page);
    await users.open();
    // other journeys may add Bungo users too: these four must be there, Tebo's operator must not
    const seen = await users.usernames();
    expect(seen).toEqual(
      expect.arrayContaining(['dinas.bungo', 'op.pedukun', 'op.rantaupandan', 'op.talangpantai']),
    );
    expect(seen).not.toContain('op.muaratebo');
    await shot(page, '10-pengguna-dinas-bungo');

    await page.getByRole('link', { name: 'Audit', exact: true }).click();
    const rows = page.getByTestId('audit-row');
    await rows.first().waitFor();
    const regions = await rows.evaluateAll((trs) =>
      trs.map((tr) => (tr.lastElementChild?.textContent ?? '').trim()),
    );
    expect(regions.length).toBeGreaterThan(3);
    for (const r of regions) expect(r).toMatch(/15\.08/);
    await shot(page, '11-audit-dinas-bungo');
    await page.close();
  });

  it('a village operator sees neither the users nor the audit trail, only the own account', async () => {
    const page = await logInAs('op.pedukun');
    await expect
      .poll(() => page.getByRole('link', { name: 'Pengguna', exact: true }).count())
      .toBe(0);
    expect(await page.getByRole('link', { name: 'Audit', exact: true }).count()).toBe(0);
    await page.goto(`${inject('baseUrl')}/pengguna`);
    await page.getByText('Tidak ada akses').waitFor();
    await shot(page, '12-operator-tanpa-akses');
    await page.goto(`${inject('baseUrl')}/profil`);
    await page.getByText('Rahmat Hidayat').first().waitFor();
    expect(await page.getByText('Pedukun').count()).toBeGreaterThan(0);
    await shot(page, '13-operator-profil');
    await page.close();
  });
});
