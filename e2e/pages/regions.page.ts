import type { Page } from 'playwright-core';

export class RegionsPage {
  constructor(private readonly page: Page) {}

  async openFromNavigation(): Promise<void> {
    await this.page.getByRole('link', { name: 'Wilayah', exact: true }).click();
  }

  async drillInto(name: string): Promise<void> {
    await this.page.getByRole('link', { name, exact: true }).click();
    await this.page.getByRole('heading', { name, exact: true }).waitFor();
  }

  async count(kind: 'districts' | 'desa' | 'kelurahan'): Promise<string> {
    const el = this.page.getByTestId(`region-count-${kind}`);
    await el.waitFor();
    return (await el.innerText()).trim();
  }

  rowsOfChildren() {
    return this.page.locator('table tbody tr');
  }
}
