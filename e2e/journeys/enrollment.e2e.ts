import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { pdfText } from '../../test/pdf-text.ts';
import { ApiClient } from '../api.ts';
import { launchBrowser } from '../browser.ts';
import { EnrollmentPage } from '../pages/enrollment.page.ts';
import { LoginPage } from '../pages/login.page.ts';

const SHOTS = process.env.E2E_SCREENSHOTS ?? '';
const PASSWORD = 'gulai-ikan-patin-5';
/** Next year's program, so that its period lies ahead whenever the journey runs. */
const YEAR = new Date().getFullYear() + 1;
const PROGRAM = `Gerakan Dusun Membangun ${YEAR}`;
/** Workers of Pedukun (Kecamatan Tanah Tumbuh, Kabupaten Bungo). */
const WORKERS = [
  { nik: '1508014107850021', fullName: 'Sri Wahyuni', birthDate: '1985-07-01', sex: 'P' },
  { nik: '1508011505900022', fullName: 'Joko Susilo', birthDate: '1990-05-15', sex: 'L' },
  // 65 at most on 1 January of the program's year: born in 1955 he is far too old
  { nik: '1508011003550023', fullName: 'Harun Rasyid', birthDate: '1955-03-10', sex: 'L' },
] as const;
let browser: Browser;

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** The same page at a phone's width, then back to the desktop. */
async function phoneShot(page: Page, name: string) {
  if (!SHOTS) return;
  await page.setViewportSize({ width: 375, height: 800 });
  await shot(page, name);
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function logInAs(username: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' });
  const login = new LoginPage(page, inject('baseUrl'));
  await login.open();
  await login.logIn(username, PASSWORD);
  await page.getByRole('link', { name: 'Usulan peserta', exact: true }).waitFor();
  return page;
}

beforeAll(async () => {
  browser = await launchBrowser();
  // The regency office of Bungo runs the program (25 seats in every desa); the administrator
  // sets up the three people of the approval chain and registers three workers of Pedukun.
  const api = new ApiClient(inject('baseUrl'));
  await api.login('admin', inject('adminPassword'));
  const users = [
    ['op.usul.pedukun', 'Rahmawati', 'village_operator', '15.08.01.2001'],
    ['camat.tanahtumbuh', 'Syafrizal', 'district_officer', '15.08.01'],
    ['dinas.usul.bungo', 'Hendra Saputra', 'regency_admin', '15.08'],
  ] as const;
  for (const [username, displayName, role, scope] of users)
    await api.post('/api/users', { username, displayName, role, scope, password: PASSWORD });
  for (const w of WORKERS)
    await api.post('/api/workers', { ...w, villageCode: '15.08.01.2001', occupationCode: 9 });
  const program = await api.post<{ id: string }>('/api/programs', {
    name: PROGRAM,
    ownerRegion: '15.08',
    funderType: 'apbd_kabkota',
    budgetReference: `DPA Dinas PMD Bungo ${YEAR}`,
    firstMonth: `${YEAR}-01`,
    lastMonth: `${YEAR}-12`,
    package: ['JKK', 'JKM'],
    quota: { rule: 'per_village', seats: 25, villageKinds: ['desa'] },
  });
  await api.post(`/api/programs/${program.id}/activate`, {});
});
afterAll(async () => browser?.close());

describe('village proposes, district verifies, regency approves', () => {
  it('takes three workers of Pedukun through the approval chain', async () => {
    // The operator of Pedukun sees the village's 25 seats and the suggestions in priority order
    const operator = await logInAs('op.usul.pedukun');
    const village = new EnrollmentPage(operator);
    await village.open(PROGRAM);
    await expect.poll(() => village.seat('seats').textContent()).toContain('25');
    await expect.poll(() => village.seat('remaining').textContent()).toContain('25');
    await village.candidate('Sri Wahyuni').waitFor();
    const harun = village.candidate('Harun Rasyid');
    expect(await harun.getAttribute('data-eligible')).toBe('no');
    await harun.getByText(/maksimal 65 tahun/).waitFor();
    expect(await harun.getByRole('checkbox').isDisabled()).toBe(true);
    await shot(operator, '60-usulan-saran-calon');
    await phoneShot(operator, '61-usulan-saran-calon-375');

    // She pastes the three NIKs: two are proposed, Harun is refused with the reason
    await village.pasteNiks(WORKERS.map((w) => w.nik));
    await village.result('Sri Wahyuni').getByText('Diusulkan').waitFor();
    await village.result('Joko Susilo').getByText('Diusulkan').waitFor();
    const refused = village.result('Harun Rasyid');
    await refused.getByText('Ditolak').waitFor();
    await refused.getByText(/^Usia \d+ tahun pada 1 Januari \d{4}; maksimal 65 tahun\.$/).waitFor();
    await operator.getByText('2 diusulkan, 1 ditolak. Kursi terisi 2 dari 25.').waitFor();
    await expect.poll(() => village.seat('remaining').textContent()).toContain('23');
    await village.row('Sri Wahyuni').getByText('diusulkan desa').waitFor();
    await shot(operator, '62-usulan-hasil-per-nik');
    await phoneShot(operator, '63-usulan-hasil-per-nik-375');

    // The district officer of Tanah Tumbuh verifies Pedukun's proposals
    const camat = await logInAs('camat.tanahtumbuh');
    const district = new EnrollmentPage(camat);
    await camat.getByRole('link', { name: 'Usulan peserta', exact: true }).click();
    await district.programCard(PROGRAM).getByText('2 menunggu verifikasi').waitFor();
    await shot(camat, '64-usulan-kecamatan-ringkasan');
    await district.open(PROGRAM);
    const queue = district.queue('verify');
    await queue.getByText('Pedukun · Kec. Tanah Tumbuh (2)').waitFor();
    await shot(camat, '65-verifikasi-usulan-desa');
    await phoneShot(camat, '66-verifikasi-usulan-desa-375');
    await district.takeStepForVillage('verify', 'Pedukun');
    await camat.getByText('2 peserta dinyatakan sesuai', { exact: false }).waitFor();
    await shot(camat, '66b-verifikasi-konfirmasi');
    await district.confirm();
    await camat.getByText('2 peserta diverifikasi.').waitFor();
    await queue.getByText('Tidak ada usulan desa yang menunggu verifikasi.').waitFor();

    // The regency office approves them
    const dinas = await logInAs('dinas.usul.bungo');
    const regency = new EnrollmentPage(dinas);
    await regency.open(PROGRAM);
    await regency.queue('approve').getByText('Sri Wahyuni').waitFor();
    await shot(dinas, '67-persetujuan-kabupaten');
    await regency.takeStepForVillage('approve', 'Pedukun');
    await regency.confirm();
    await dinas.getByText('2 peserta disetujui.').waitFor();
    await shot(dinas, '68-persetujuan-selesai');

    // The regency narrows its list to one district, as it would to print a district's list
    await regency.filterRegion('Rantau Pandan', '15.08.02');
    await dinas.getByText('Tidak ada peserta yang cocok dengan saringan.').waitFor();
    expect(await regency.row('Sri Wahyuni').count()).toBe(0);
    await regency.filterRegion('Tanah Tumbuh', '15.08.01');
    await regency.row('Sri Wahyuni').waitFor();
    await regency.row('Joko Susilo').waitFor();
    await shot(dinas, '68b-peserta-per-kecamatan');
    const pdf = pdfText(fs.readFileSync(await regency.downloadList('pdf')));
    expect(pdf).toContain('Sri Wahyuni');
    expect(pdf).toContain('Joko Susilo');

    // The operator sees both approved by the regency
    await operator.reload();
    await village.row('Sri Wahyuni').getByText('disetujui kabupaten').waitFor();
    await village.row('Joko Susilo').getByText('disetujui kabupaten').waitFor();
    expect(await village.row('Harun Rasyid').count()).toBe(0);
    await shot(operator, '69-usulan-disetujui-kabupaten');
  });
});
