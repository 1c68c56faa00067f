import type { Locator, Page } from 'playwright-core';
import { downloadFrom } from '../download.ts';

/** /usulan and /program/:id/peserta: proposals, the district's and the regency's queues. */
export class EnrollmentPage {
  constructor(private readonly page: Page) {}

  /** Through the navigation: "Usulan peserta", then the program's card. */
  async open(programName: string): Promise<void> {
    await this.page.getByRole('link', { name: 'Usulan peserta', exact: true }).click();
    await this.page.getByRole('heading', { name: 'Usulan peserta', level: 1 }).waitFor();
    await this.programCard(programName).click();
    await this.page.getByRole('heading', { name: programName, level: 1 }).waitFor();
  }

  programCard(programName: string): Locator {
    return this.page.getByTestId('overview-program').filter({ hasText: programName });
  }

  /** "Kursi", "Terisi" or "Sisa" as shown in the seats summary. */
  seat(kind: 'seats' | 'filled' | 'remaining'): Locator {
    return this.page.getByTestId(`seats-${kind}`);
  }

  candidate(name: string): Locator {
    return this.page.getByTestId('candidate-row').filter({ hasText: name });
  }

  async pasteNiks(niks: string[]): Promise<void> {
    await this.page.getByRole('tab', { name: 'Tempel atau unggah NIK' }).click();
    await this.page.getByTestId('nik-paste').fill(niks.join('\n'));
    await this.page.getByTestId('propose-niks').click();
  }

  result(name: string): Locator {
    return this.page.getByTestId('proposal-result').filter({ hasText: name });
  }

  /** "Unduh daftar" → Excel or PDF; the downloaded file's path (the server's file name). */
  downloadList(format: 'xlsx' | 'pdf'): Promise<string> {
    return downloadFrom(this.page, 'participants-export', format);
  }

  /** The list's "Wilayah" filter (district, regency and province users): searched, picked by code. */
  async filterRegion(search: string, code: string): Promise<void> {
    const input = this.page.getByRole('combobox', { name: 'Wilayah', exact: true });
    await input.fill(search);
    await this.page
      .getByRole('option', {
        name: new RegExp(`^${search} ${code.replaceAll('.', '\\.')}(?![.\\d])`),
      })
      .click();
  }

  row(name: string): Locator {
    return this.page.getByTestId('enrollment-row').filter({ hasText: name });
  }

  queue(step: 'verify' | 'approve'): Locator {
    return this.page.getByTestId(`queue-${step}`);
  }

  /** Ticks every row of a village in a queue, takes the step and confirms it. */
  async takeStepForVillage(step: 'verify' | 'approve', village: string): Promise<void> {
    const queue = this.queue(step);
    await queue.getByRole('checkbox', { name: `Pilih semua dari ${village}` }).check();
    await queue.getByTestId(`queue-${step}-button`).click();
    await this.page.getByRole('dialog').waitFor();
    // the dialog fades in: wait until it is fully shown (for a clear screenshot)
    await this.page.waitForFunction(
      () => getComputedStyle(document.querySelector('[role="dialog"]')!).opacity === '1',
    );
  }

  async confirm(): Promise<void> {
    await this.page.getByTestId('step-confirm').click();
    await this.page.getByRole('dialog').waitFor({ state: 'detached' });
  }
}
