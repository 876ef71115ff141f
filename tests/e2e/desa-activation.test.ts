import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures.js';

/**
 * Each test owns one kecamatan, so the two are independent of order: Kaliori (33.17.09, 23 desa, of which
 * Meteseh is active from global setup) and Rembang (33.17.10, 7 kelurahan + 27 desa, none active).
 */

const rowOf = (page: Page, nama: string): Locator =>
  page.getByRole('row').filter({ has: page.getByRole('cell', { name: nama, exact: true }) });

/** The Status column of the children table, one cell per desa/kelurahan. */
const statusCells = (page: Page): Locator => page.locator('table tbody tr td:nth-child(4)');

async function openKecamatan(page: Page, nama: string, kode: string) {
  await page.goto('/wilayah');
  await expect(page).toHaveURL(/\/wilayah\/33\.17$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kabupaten Rembang');
  await page.getByRole('link', { name: nama, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/wilayah/${kode.replaceAll('.', '\\.')}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Kecamatan ${nama}`);
}

test('the kabupaten admin activates one desa, then the whole kecamatan, then opens a profile', async ({
  page,
  login,
}) => {
  await login('admin');
  await openKecamatan(page, 'Kaliori', '33.17.09');

  // one desa with its row's button
  const maguan = rowOf(page, 'Maguan');
  await expect(maguan.getByRole('cell').nth(3)).toHaveText('Belum aktif');
  await maguan.getByRole('button', { name: 'Aktifkan Maguan' }).click();
  await expect(page).toHaveURL(/\/wilayah\/33\.17\.09$/);
  await expect(page.getByRole('status')).toHaveText('1 desa/kelurahan diaktifkan.');
  await expect(maguan.getByRole('cell').nth(3)).toHaveText('Aktif');
  await expect(maguan.getByRole('link', { name: 'Profil' })).toBeVisible();
  await expect(rowOf(page, 'Sidomulyo').getByRole('cell').nth(3)).toHaveText('Belum aktif');

  // the rest of the kecamatan at once
  await page.getByRole('button', { name: 'Aktifkan semua 23 desa/kelurahan di kecamatan ini' }).click();
  await expect(page).toHaveURL(/\/wilayah\/33\.17\.09$/);
  await expect(page.getByRole('status')).toHaveText('21 desa/kelurahan diaktifkan, 2 sudah aktif sebelumnya.');
  await expect(statusCells(page)).toHaveText(Array(23).fill('Aktif'));
  await expect(page.getByRole('button', { name: /^Aktifkan/ })).toHaveCount(0);
  await expect(page.getByText('Semua desa/kelurahan di kecamatan ini sudah aktif.')).toBeVisible();

  // a desa profile
  await rowOf(page, 'Sidomulyo').getByRole('link', { name: 'Profil' }).click();
  await expect(page).toHaveURL(/\/desa\/33\.17\.09\.2003$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Desa Sidomulyo');
  await expect(page.getByRole('main')).toContainText('33.17.09.2003');
  await expect(page.getByRole('navigation', { name: 'Jalur wilayah' }).getByRole('link')).toHaveText(
    'Kecamatan Kaliori',
  );
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the kabupaten admin activates every desa and kelurahan of a kecamatan', async ({ page, login }) => {
    await login('admin');
    await openKecamatan(page, 'Rembang', '33.17.10');
    await expect(statusCells(page)).toHaveText(Array(34).fill('Belum aktif'));

    await page.getByRole('button', { name: 'Aktifkan semua 34 desa/kelurahan di kecamatan ini' }).click();
    await expect(page).toHaveURL(/\/wilayah\/33\.17\.10$/);
    await expect(page.getByRole('status')).toHaveText('34 desa/kelurahan diaktifkan.');
    await expect(statusCells(page)).toHaveText(Array(34).fill('Aktif'));
    await expect(page.getByText('Semua desa/kelurahan di kecamatan ini sudah aktif.')).toBeVisible();

    await rowOf(page, 'Magersari').getByRole('link', { name: 'Profil' }).click();
    await expect(page).toHaveURL(/\/desa\/33\.17\.10\.1019$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kelurahan Magersari');
  });
});
