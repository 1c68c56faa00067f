import type { Locator, Page } from 'playwright-core';

export interface RecentImportRow {
  fileName: string;
  mode: string;
  status: string;
}

/** /pekerja/impor: the upload form, the import opened on the page and "Impor terakhir". */
export class ImportPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(id?: string): Promise<void> {
    const query = id ? `?id=${encodeURIComponent(id)}` : '';
    await this.page.goto(`${this.baseUrl}/pekerja/impor${query}`);
    await this.page.getByRole('heading', { name: 'Impor pekerja' }).waitFor();
  }

  async chooseFile(file: string): Promise<void> {
    await this.page.getByTestId('import-file').setInputFiles(file);
  }

  async count(key: string): Promise<string> {
    return (await this.page.getByTestId(`import-count-${key}`).innerText()).trim();
  }

  /** The rows of "Impor terakhir", newest first, once the list has loaded. */
  async recent(): Promise<RecentImportRow[]> {
    const rows = this.page.getByTestId('import-recent-row');
    await rows.first().waitFor();
    const out: RecentImportRow[] = [];
    for (let i = 0; i < (await rows.count()); i++) {
      const row = rows.nth(i);
      out.push({
        fileName: (await row.getByTestId('import-recent-open').innerText()).trim(),
        // textContent: a badge is shown in capitals (CSS), its text is not
        mode: (await row.getByTestId('import-recent-mode').textContent())?.trim() ?? '',
        status: (await row.getByTestId('import-status').textContent())?.trim() ?? '',
      });
    }
    return out;
  }

  /** The newest row of "Impor terakhir" with this file and mode. */
  recentRow(fileName: string, mode: string): Locator {
    return this.page
      .getByTestId('import-recent-row')
      .filter({ hasText: fileName })
      .filter({ has: this.page.getByTestId('import-recent-mode').getByText(mode, { exact: true }) })
      .first();
  }

  /** Opens the newest import of "Impor terakhir" with this file and mode. */
  async openRecent(fileName: string, mode: string): Promise<void> {
    await this.recentRow(fileName, mode).getByTestId('import-recent-open').click();
  }
}
