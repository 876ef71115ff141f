import type { Page } from '@playwright/test';
import { expectNoSeriousViolations } from './support/axe.js';
import { expect, test } from './support/fixtures.js';
import { ensureLingkungan } from './support/lingkungan.js';
import type { E2eState } from './support/state.js';

/**
 * axe-core (WCAG 2.0/2.1 A and AA) on every page of the admin UI (support/axe.ts): serious and critical
 * violations fail the test. The registry pages of the desa operator: accessibility-registry.test.ts.
 */

interface PageCase {
  name: string;
  path: (accounts: E2eState['accounts']) => string;
  status?: number;
  /** put the page in a richer state before checking it */
  prepare?: (page: Page) => Promise<void>;
}

/** Pages of a signed-in kabupaten admin, who sees every form. */
const ADMIN_PAGES: PageCase[] = [
  { name: 'dashboard', path: () => '/' },
  { name: 'kabupaten', path: () => '/wilayah/33.17' },
  { name: 'kecamatan', path: () => '/wilayah/33.17.09' },
  { name: 'desa profile', path: () => '/desa/33.17.09.2001' },
  { name: 'dusun/RW/RT editor', path: () => '/desa/33.17.09.2001/lingkungan', prepare: ensureLingkungan },
  { name: 'user list', path: () => '/pengguna' },
  { name: 'new user form', path: () => '/pengguna/baru' },
  {
    name: 'new user form with errors',
    path: () => '/pengguna/baru',
    // values the browser accepts (required, maxlength) but the server refuses: status 400, errors by the fields
    prepare: async (page) => {
      await page.getByLabel('Nama pengguna', { exact: true }).fill('Bukan Valid');
      await page.getByLabel('Nama lengkap', { exact: true }).fill('Uji Coba');
      await page.getByLabel('Lingkup (kode wilayah)', { exact: true }).fill('33.17');
      await page.getByLabel('Kata sandi awal', { exact: true }).fill('Kopi tubruk pagi di balai 7');
      await page.getByLabel('Ulangi kata sandi', { exact: true }).fill('Kopi tubruk sore di balai 8');
      await page.getByRole('button', { name: 'Buat pengguna' }).click();
      await expect(page.getByRole('alert')).toContainText('Ada isian yang perlu diperbaiki:');
      await expect(page.getByLabel('Nama pengguna', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    },
  },
  { name: 'user detail', path: (accounts) => `/pengguna/${accounts.operator.id}` },
  { name: 'audit trail', path: () => '/audit' },
  { name: 'change password', path: () => '/akun/sandi' },
  { name: 'not found', path: () => '/halaman-yang-tidak-ada', status: 404 },
];

test.describe('signed out', () => {
  test('login page', async ({ page }) => {
    await page.goto('/masuk');
    await expectNoSeriousViolations(page);
  });

  test('login page with an error', async ({ page, accounts }) => {
    await page.goto('/masuk');
    await page.getByLabel('Nama pengguna', { exact: true }).fill(accounts.admin.username);
    await page.getByLabel('Kata sandi', { exact: true }).fill('Bukan sandi yang benar 1');
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await expectNoSeriousViolations(page);
  });
});

test.describe('kabupaten admin', () => {
  for (const c of ADMIN_PAGES) {
    test(c.name, async ({ page, login, accounts }) => {
      await login('admin');
      const response = await page.goto(c.path(accounts));
      expect(response?.status()).toBe(c.status ?? 200);
      await c.prepare?.(page);
      await expectNoSeriousViolations(page);
    });
  }
});
