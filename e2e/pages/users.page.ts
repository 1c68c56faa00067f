import type { Page } from 'playwright-core';

export class UsersPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('link', { name: 'Pengguna', exact: true }).click();
    await this.page.getByTestId('user-row').first().waitFor();
  }

  async usernames(): Promise<string[]> {
    const rows = this.page.getByTestId('user-row');
    const n = await rows.count();
    const out: string[] = [];
    // the first cell is the name (a row header), the second the username
    for (let i = 0; i < n; i++)
      out.push((await rows.nth(i).locator('td').first().innerText()).trim());
    return out.sort();
  }
}
