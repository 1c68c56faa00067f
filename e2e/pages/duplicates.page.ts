import type { Locator, Page } from 'playwright-core';

/** /pekerja/ganda: possible duplicate pairs side by side, with the two decisions. */
export class DuplicatesPage {
  constructor(private readonly page: Page) {}

  /** From the worker list, as a regency admin finds it. */
  async open(): Promise<void> {
    await this.page.getByRole('link', { name: 'Pekerja', exact: true }).click();
    await this.page.getByRole('link', { name: 'Periksa kemungkinan ganda' }).click();
    await this.page.getByRole('heading', { name: 'Kemungkinan data ganda', level: 1 }).waitFor();
  }

  /** The card of the pair whose title names this person. */
  pair(name: string): Locator {
    return this.page.getByTestId('duplicate-pair').filter({ hasText: name });
  }

  /** Rows of a pair marked as different between the two records, by their label. */
  async differingRows(pair: Locator): Promise<string[]> {
    const labels = await pair
      .locator('tr[data-differs] [data-label]')
      .evaluateAll((labels) => labels.map((l) => l.textContent?.trim() ?? ''));
    return labels.sort();
  }

  async merge(pair: Locator, keepLabel: RegExp): Promise<void> {
    await pair.getByRole('button', { name: 'Gabungkan' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Gabungkan data ganda' });
    await dialog.getByRole('radio', { name: keepLabel }).check();
  }

  async confirmMerge(): Promise<void> {
    await this.page.getByTestId('merge-confirm').click();
  }
}
