import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ApiClient } from '../api.ts';
import { launchBrowser } from '../browser.ts';
import { LoginPage } from '../pages/login.page.ts';
import { PlannerPage } from '../pages/planner.page.ts';

const SHOTS = process.env.E2E_SCREENSHOTS ?? '';
const PASSWORD = 'pempek-kapal-selam-9';
let browser: Browser;
let page: Page;

async function shot(name: string) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

beforeAll(async () => {
  browser = await launchBrowser();
  const api = new ApiClient(inject('baseUrl'));
  await api.login('admin', inject('adminPassword'));
  await api.post('/api/users', {
    username: 'perencana.bungo',
    displayName: 'Yuliana Sari',
    role: 'regency_admin',
    scope: '15.08',
    password: PASSWORD,
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' });
});
afterAll(async () => browser?.close());

describe('the regency office of Bungo plans a budget', () => {
  it('finds the planner under Program, beside the list of programs', async () => {
    const login = new LoginPage(page, inject('baseUrl'));
    await login.open();
    await login.logIn('perencana.bungo', PASSWORD);
    await page.getByRole('link', { name: 'Program', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Program', exact: true }).click();
    await page.getByRole('heading', { name: 'Program', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Program baru' }).waitFor();
    await shot('30-program');
  });

  it('sees that Rp10.000.000 for 12 months in one village buys 49 seats, Rp121.600 left', async () => {
    const planner = new PlannerPage(page);
    await planner.openFromNavigation();
    await page.getByText('Ketik anggaran total').waitFor();
    await planner.type('Jumlah anggaran total', '10000000');
    await planner.type('Jumlah bulan', '12');
    await planner.type('Jumlah desa', '1');
    await expect.poll(() => planner.result('totalSeats')).toBe('49');
    expect(
      await page.getByRole('textbox', { name: 'Jumlah anggaran total', exact: true }).inputValue(),
    ).toBe('Rp 10.000.000');
    expect(await planner.result('seatsPerVillage')).toBe('49');
    expect(await planner.result('used')).toBe('Rp9.878.400');
    expect(await planner.result('remainder')).toBe('Rp121.600');
    expect(await planner.result('monthlyContribution')).toBe('Rp16.800');
    expect(await planner.result('costPerSeat')).toBe('Rp201.600');
    await shot('31-perencana-10-juta');

    // a period of more than five years is refused with a message on the field
    await planner.type('Jumlah bulan', '61');
    await page.getByText('Jumlah bulan harus bilangan bulat 1–60.').waitFor();
    await page.getByText('Periksa isian yang ditandai merah.').waitFor();
    await shot('32-perencana-bulan-salah');
    await planner.type('Jumlah bulan', '12');
    await expect.poll(() => planner.result('totalSeats')).toBe('49');
  });

  it('switches to 25 seats in every desa of Kabupaten Bungo: 3.525 seats and the budget needed', async () => {
    const planner = new PlannerPage(page);
    await planner.pickMode('Kursi per desa');
    await page.getByText('Ketik jumlah kursi per desa').waitFor();
    await planner.type('Kursi (pekerja) per desa', '25');
    await planner.choose('Dari wilayah');
    await planner.pickRegion('Bungo', 'Kabupaten Bungo');
    await expect.poll(() => planner.result('totalSeats')).toBe('3.525');
    expect(await planner.villages()).toBe('141 desa di Kabupaten Bungo');
    expect(await planner.result('seatsPerVillage')).toBe('25');
    expect(await planner.result('budgetNeeded')).toBe('Rp710.640.000');
    expect(await planner.result('budgetPerVillage')).toBe('Rp5.040.000');
    await shot('33-perencana-bungo-25-per-desa');

    // desa and kelurahan: 153 villages
    await page.getByRole('checkbox', { name: 'Kelurahan' }).check();
    await expect.poll(() => planner.result('totalSeats')).toBe('3.825');
    expect(await planner.villages()).toBe('153 desa + kelurahan di Kabupaten Bungo');
    await shot('34-perencana-bungo-desa-kelurahan');
  });
});
