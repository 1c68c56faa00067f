import type { Locator, Page } from 'playwright-core';
import { downloadFrom } from '../download.ts';

/** The program list (/program), the new-program form and a program's page (/program/:id). */
export class ProgramsPage {
  constructor(private readonly page: Page) {}

  async openFromNavigation(): Promise<void> {
    await this.page.getByRole('link', { name: 'Program', exact: true }).click();
    await this.page.getByRole('heading', { name: 'Program', level: 1 }).waitFor();
  }

  async startNew(): Promise<void> {
    await this.page.getByRole('link', { name: 'Program baru' }).click();
    await this.page.getByRole('heading', { name: 'Program baru', level: 1 }).waitFor();
  }

  async type(label: string, value: string): Promise<void> {
    const input = this.page.getByRole('textbox', { name: label, exact: false });
    await input.fill('');
    await input.pressSequentially(value);
  }

  /** A Mantine Select: open it and pick the option. */
  async choose(label: string, option: string): Promise<void> {
    await this.page.getByRole('combobox', { name: label }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  /** A figure of the live preview, spaces removed ("Rp 710.640.000" → "Rp710.640.000"). */
  async preview(key: string): Promise<string> {
    return (await this.page.getByTestId(`preview-${key}`).innerText()).replace(/\s/g, '');
  }

  async stat(key: string): Promise<string> {
    return (await this.page.getByTestId(`program-${key}`).innerText()).replace(/\s/g, '');
  }

  status(): Locator {
    return this.page.getByTestId('program-status').first();
  }

  /** "Unduh rekap kursi" of the region in view → Excel or PDF; the downloaded file's path. */
  downloadSeats(format: 'xlsx' | 'pdf'): Promise<string> {
    return downloadFrom(this.page, 'allocations-export', format);
  }

  async allocationTotal(): Promise<string> {
    return (await this.page.getByTestId('allocation-total').innerText()).trim();
  }

  /** A row of the seat table by region name. */
  row(name: string): Locator {
    return this.page.getByTestId('allocation-row').filter({ hasText: name });
  }

  async drillTo(name: string): Promise<void> {
    await this.page
      .getByTestId('allocation-table')
      .getByRole('link', { name, exact: true })
      .click();
    await this.page
      .getByRole('navigation', { name: 'Letak wilayah dalam program' })
      .getByText(name)
      .waitFor();
  }

  breadcrumbs(): Locator {
    return this.page.getByRole('navigation', { name: 'Letak wilayah dalam program' });
  }
}
