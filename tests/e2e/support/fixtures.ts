import { test as base, expect } from '@playwright/test';
import { type Account, type AccountName, readState } from './state.js';

interface Fixtures {
  /** the accounts global setup made with the CLI */
  accounts: Record<AccountName, Account>;
  /** sign an account in through the real login form; resolves on the dashboard */
  login: (who: AccountName) => Promise<void>;
}

export const test = base.extend<Fixtures>({
  // the server's port is only known after global setup, so the base URL is read lazily
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures must destructure their first argument
  baseURL: async ({}, use) => {
    await use(readState().baseURL);
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures must destructure their first argument
  accounts: async ({}, use) => {
    await use(readState().accounts);
  },
  login: async ({ page, accounts }, use) => {
    await use(async (who) => {
      const { username, password } = accounts[who];
      await page.goto('/masuk');
      await page.getByLabel('Nama pengguna', { exact: true }).fill(username);
      await page.getByLabel('Kata sandi', { exact: true }).fill(password);
      await page.getByRole('button', { name: 'Masuk', exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Beranda' })).toBeVisible();
    });
  },
});

export { expect };
