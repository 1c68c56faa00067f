import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';

/** Opens a download menu ("Unduh daftar", "Unduh rekap kursi"…) and waits until it is fully shown. */
export async function openDownloadMenu(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).click();
  const item = page.getByTestId(`${testId}-xlsx`);
  await item.waitFor();
  // the menu fades in: a picture taken before it ends shows it half transparent
  await item.evaluate(async (el) => {
    const menu = el.closest('[role="menu"]') ?? el;
    while (getComputedStyle(menu).opacity !== '1') await new Promise((r) => setTimeout(r, 20));
  });
}

/**
 * Picks a format in a download menu (opened here unless it is open already) and saves the file the
 * browser receives; returns its path (with the server's file name).
 */
export async function downloadFrom(
  page: Page,
  testId: string,
  format: 'xlsx' | 'pdf',
): Promise<string> {
  const item = page.getByTestId(`${testId}-${format}`);
  if (!(await item.isVisible())) await openDownloadMenu(page, testId);
  const [download] = await Promise.all([page.waitForEvent('download'), item.click()]);
  // the menu closes after a pick: gone before the next download opens it again
  await item.waitFor({ state: 'hidden' });
  const target = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'jaring-unduh-')),
    download.suggestedFilename(),
  );
  await download.saveAs(target);
  return target;
}
