import type { Locator, Page } from 'playwright-core';

/** /pekerja/pindah: a village's request form and list, a regency admin's queue. */
export class MovesPage {
  constructor(private readonly page: Page) {}

  /** From the worker list, by the button the user's role shows ("Minta pindah pekerja" or "Permintaan pindah"). */
  async openFromWorkers(button: string | RegExp): Promise<void> {
    await this.page.getByRole('link', { name: 'Pekerja', exact: true }).click();
    await this.page.getByRole('link', { name: button }).click();
    await this.page.getByRole('heading', { name: 'Pindah pekerja antardesa', level: 1 }).waitFor();
  }

  async request(nik: string, reason: string): Promise<void> {
    const form = this.page.getByTestId('move-request-form');
    await form.getByTestId('nik-input').fill(nik);
    await form.getByLabel('Alasan pindah').fill(reason);
    await form.getByRole('button', { name: 'Kirim permintaan' }).click();
  }

  /** The message at the NIK field after a refused request. */
  nikError(): Locator {
    return this.page.getByTestId('move-request-form').locator('.mantine-InputWrapper-error');
  }

  /** The rows of the list that mention this text (a masked NIK, a name, a village). */
  row(text: string): Locator {
    return this.page.getByTestId('move-row').filter({ hasText: text });
  }

  async approve(row: Locator, note?: string): Promise<void> {
    await row.getByRole('button', { name: 'Setujui' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Setujui permintaan pindah?' });
    if (note) await dialog.getByLabel('Catatan (tidak wajib)').fill(note);
  }

  async confirm(): Promise<void> {
    await this.page.getByTestId('move-step-confirm').click();
  }
}
