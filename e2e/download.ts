import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';

/**
 * Opens a download menu ("Unduh daftar", "Unduh rekap kursi"…) by its test id, picks the format
 * and saves the file the browser receives; returns its path (with the server's file name).
 */
export async function downloadFrom(
  page: Page,
  testId: string,
  format: 'xlsx' | 'pdf',
): Promise<string> {
  await page.getByTestId(testId).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(`${testId}-${format}`).click(),
  ]);
  const target = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'jaring-unduh-')),
    download.suggestedFilename(),
  );
  await download.saveAs(target);
  return target;
}
