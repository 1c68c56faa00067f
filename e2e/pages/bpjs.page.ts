import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { downloadFrom, openDownloadMenu } from '../download.ts';

/** /program/:id/bpjs "Pertukaran data BPJS", and /kesinambungan. */
export class BpjsPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(programId: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/program/${programId}/bpjs`);
    await this.page.getByRole('heading', { name: 'Pertukaran data BPJS', level: 1 }).waitFor();
  }

  ready(): Locator {
    return this.page.getByTestId('bpjs-ready');
  }

  statusCount(status: 'approved' | 'sent' | 'active' | 'rejected'): Locator {
    return this.page.getByTestId(`bpjs-status-${status}`);
  }

  /** Downloads the batch (after confirming) and returns where the browser saved the file. */
  async downloadBatch(format: 'Excel (XLSX)' | 'CSV' = 'Excel (XLSX)'): Promise<string> {
    await this.page.getByText(format, { exact: true }).click();
    await this.page.getByRole('button', { name: 'Unduh berkas untuk BPJS' }).click();
    await this.page.getByRole('dialog', { name: 'Buat kiriman ke BPJS?' }).waitFor();
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByTestId('bpjs-send-confirm').click(),
    ]);
    // the name the server gave it (bpjs-kirim-v1-….xlsx), in a folder of its own
    const target = path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), 'jaring-bpjs-')),
      download.suggestedFilename(),
    );
    await download.saveAs(target);
    return target;
  }

  async uploadAnswer(file: string): Promise<void> {
    await this.page.getByTestId('bpjs-answer-file').setInputFiles(file);
    await this.page.getByRole('button', { name: 'Unggah jawaban' }).click();
    await this.page.getByTestId('bpjs-result').waitFor();
  }

  resultCount(outcome: string): Locator {
    return this.page.getByTestId(`bpjs-count-${outcome}`);
  }

  resultSum(): Locator {
    return this.page.getByTestId('bpjs-result-sum');
  }

  async openBatch(): Promise<void> {
    await this.page
      .getByTestId('bpjs-batch')
      .first()
      .getByRole('button', { name: 'Lihat peserta' })
      .click();
    await this.page.getByRole('heading', { name: /^Peserta kiriman/ }).waitFor();
  }

  member(name: string): Locator {
    return this.page.getByTestId('bpjs-member').filter({ hasText: name });
  }
}

export class ContinuityPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/kesinambungan`);
    await this.page
      .getByRole('heading', { name: 'Kesinambungan perlindungan', level: 1 })
      .waitFor();
  }

  async within(days: number): Promise<void> {
    const input = this.page.getByLabel('Berakhir dalam (hari)');
    await input.fill(String(days));
    await input.blur();
  }

  village(name: string): Locator {
    return this.page.getByTestId('continuity-village').filter({ hasText: name });
  }

  program(name: string): Locator {
    return this.page.getByTestId('continuity-program').filter({ hasText: name });
  }

  /** Opens "Unduh daftar" (Excel, PDF untuk dicetak). */
  openDownloads(): Promise<void> {
    return openDownloadMenu(this.page, 'continuity-export');
  }

  /** "Unduh daftar" → Excel or PDF; the downloaded file's path (the server's file name). */
  downloadList(format: 'xlsx' | 'pdf'): Promise<string> {
    return downloadFrom(this.page, 'continuity-export', format);
  }
}
