import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.js';
import type { E2eState } from './support/state.js';

/**
 * axe-core (WCAG 2.0/2.1 A and AA) on every page of the admin UI. Serious and critical violations fail the
 * test; the report names the rule, the elements and what to fix.
 */

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);

async function expectNoSeriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const blocking = violations
    .filter((v) => BLOCKING.has(v.impact ?? ''))
    .map((v) => {
      const nodes = v.nodes.map(
        (n) => `    - ${n.target.join(' ')}\n      ${n.failureSummary?.replaceAll('\n', '\n      ')}`,
      );
      return `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes.join('\n')}`;
    });
  expect(blocking, `axe violations on ${page.url()}:\n\n${blocking.join('\n\n')}`).toEqual([]);
}

interface PageCase {
  name: string;
  path: (accounts: E2eState['accounts']) => string;
  status?: number;
  /** put the page in a richer state before checking it */
  prepare?: (page: Page) => Promise<void>;
}

/** Give Meteseh a dusun with an RW and an RT so that the editor shows its nested forms (idempotent). */
async function ensureLingkungan(page: Page) {
  if ((await page.getByText('Dusun Krajan', { exact: true }).count()) > 0) return;
  await page.getByLabel('Nama dusun', { exact: true }).fill('Krajan');
  await page.getByRole('button', { name: 'Tambah', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('Perubahan tersimpan.');
  await page.getByLabel('Tambah RW — Dusun Krajan', { exact: true }).fill('1');
  await page.getByLabel('Tambah RW — Dusun Krajan', { exact: true }).press('Enter');
  await expect(page.getByText('RW 001', { exact: true })).toBeVisible();
  await page.getByLabel('Tambah RT — RW 001', { exact: true }).fill('3');
  await page.getByLabel('Tambah RT — RW 001', { exact: true }).press('Enter');
  await expect(page.getByText('RT 003', { exact: true })).toBeVisible();
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
