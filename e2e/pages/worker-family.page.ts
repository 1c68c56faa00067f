import type { Locator, Page } from 'playwright-core';

/** The family and life-status sections of a worker's page (/pekerja/:id). */
export class WorkerFamilyPage {
  constructor(private readonly page: Page) {}

  private dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  /** From the worker list, as a person would: the menu, then the worker's name. */
  async openFromList(fullName: string): Promise<void> {
    await this.page.getByRole('link', { name: 'Pekerja', exact: true }).click();
    await this.page.getByRole('link', { name: fullName }).click();
    await this.page.getByRole('heading', { name: 'Ahli waris dan anak' }).waitFor();
  }

  private async choose(label: string, option: string): Promise<void> {
    await this.dialog().getByRole('combobox', { name: label }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  private async typeDate(label: string, ddmmyyyy: string): Promise<void> {
    const input = this.dialog().getByRole('textbox', { name: label });
    await input.fill(ddmmyyyy);
    // leaving the field reads the typed date and closes the calendar
    await input.blur();
  }

  async startHeir(): Promise<void> {
    await this.page.getByRole('button', { name: 'Tambah ahli waris' }).click();
    await this.dialog().waitFor();
  }

  async fillHeir(heir: { name: string; relationship: string; nik?: string; phone?: string }) {
    await this.dialog().getByRole('textbox', { name: 'Nama lengkap' }).fill(heir.name);
    await this.choose('Hubungan dengan pekerja', heir.relationship);
    if (heir.nik) await this.dialog().getByRole('textbox', { name: 'NIK' }).fill(heir.nik);
    if (heir.phone)
      await this.dialog().getByRole('textbox', { name: 'Nomor telepon' }).fill(heir.phone);
  }

  async addChild(child: { name: string; birthDate: string; schoolLevel: string }) {
    await this.page.getByRole('button', { name: 'Tambah anak' }).click();
    await this.dialog().getByRole('textbox', { name: 'Nama lengkap' }).fill(child.name);
    await this.typeDate('Tanggal lahir', child.birthDate);
    await this.choose('Jenjang sekolah', child.schoolLevel);
    await this.save();
  }

  async save(): Promise<void> {
    await this.dialog().getByRole('button', { name: 'Simpan' }).click();
  }

  async closed(): Promise<void> {
    await this.dialog().waitFor({ state: 'detached' });
  }

  /** The text of each row of the heirs or the children table. */
  async rows(table: 'heirs' | 'children'): Promise<string[]> {
    const rows = this.page.getByTestId(`family-${table}`).locator('tbody tr');
    await rows.first().waitFor();
    return rows.allInnerTexts();
  }

  /** Opens "Ubah status" and fills it in; `save()` sends it. */
  async fillLifeStatus(status: string, ddmmyyyy: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Ubah status' }).click();
    await this.choose('Status', status);
    await this.typeDate(status === 'Pindah' ? 'Tanggal pindah' : 'Tanggal meninggal', ddmmyyyy);
  }

  async lifeStatusText(): Promise<string> {
    return ((await this.page.getByTestId('life-status-badge').textContent()) ?? '').trim();
  }
}
