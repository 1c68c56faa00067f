import type { Page } from 'playwright-core';

/** The budget planner (/program/perencana). Amounts are read without spaces: "Rp9.878.400". */
export class PlannerPage {
  constructor(private readonly page: Page) {}

  async openFromNavigation(): Promise<void> {
    await this.page.getByRole('link', { name: 'Program', exact: true }).click();
    await this.page.getByRole('heading', { name: 'Program', level: 1 }).waitFor();
    await this.page.getByRole('link', { name: 'Perencana anggaran' }).click();
    await this.page.getByRole('heading', { name: 'Perencana anggaran', level: 1 }).waitFor();
  }

  /** What is known: Anggaran total, Anggaran per desa or Kursi per desa. */
  async pickMode(name: string): Promise<void> {
    await this.page.getByRole('radio', { name, exact: true }).check();
  }

  /** A choice of a segmented control (Jumlah bulan, Dari wilayah…). */
  async choose(option: string): Promise<void> {
    await this.page
      .locator('label')
      .filter({ hasText: new RegExp(`^${option}$`) })
      .click();
  }

  async type(label: string, value: string): Promise<void> {
    const input = this.page.getByRole('textbox', { name: label, exact: true });
    await input.fill('');
    await input.pressSequentially(value);
  }

  async pickRegion(search: string, name: string): Promise<void> {
    const input = this.page.getByRole('combobox', { name: 'Wilayah', exact: true });
    await input.fill(search);
    await this.page.getByRole('option', { name: new RegExp(`^${name}`) }).click();
  }

  /** A result figure, spaces removed ("Rp 9.878.400" → "Rp9.878.400"). */
  async result(key: string): Promise<string> {
    const text = await this.page.getByTestId(`plan-${key}`).innerText();
    return text.replace(/\s/g, '');
  }

  async villages(): Promise<string> {
    return (await this.page.getByTestId('plan-villages').innerText()).trim();
  }
}
