import type { Page } from '@playwright/test';
import { expect } from './fixtures.js';

/** The one desa active from global setup (Meteseh, Kaliori), where the operator account works. */
export const METESEH = '33.17.09.2001';

/** The RT that ensureLingkungan gives Meteseh, as the Dusun/RW/RT selects of the registry name it. */
export const RT_KRAJAN = 'Dusun Krajan / RW 001 / RT 003';

/**
 * Give Meteseh a dusun "Krajan" with RW 001 and RT 003 through the editor, as the kabupaten admin or the
 * desa's operator. Idempotent level by level (a run stopped halfway is completed), so tests may call it in
 * any order against the same server. Opens the editor unless the page is already on it.
 */
export async function ensureLingkungan(page: Page) {
  const path = `/desa/${METESEH}/lingkungan`;
  if (new URL(page.url()).pathname !== path) await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dusun, RW dan RT');

  if ((await page.getByText('Dusun Krajan', { exact: true }).count()) === 0) {
    await page.getByLabel('Nama dusun', { exact: true }).fill('Krajan');
    await page.getByRole('button', { name: 'Tambah', exact: true }).click();
    await expect(page.getByRole('status')).toHaveText('Perubahan tersimpan.');
  }
  const krajan = page.getByRole('listitem').filter({ has: page.getByText('Dusun Krajan', { exact: true }) });
  if ((await krajan.getByText('RW 001', { exact: true }).count()) === 0) {
    await krajan.getByLabel('Tambah RW — Dusun Krajan', { exact: true }).fill('1');
    await krajan.getByLabel('Tambah RW — Dusun Krajan', { exact: true }).press('Enter');
    await expect(krajan.getByText('RW 001', { exact: true })).toBeVisible();
  }
  if ((await krajan.getByText('RT 003', { exact: true }).count()) === 0) {
    await krajan.getByLabel('Tambah RT — RW 001', { exact: true }).fill('3');
    await krajan.getByLabel('Tambah RT — RW 001', { exact: true }).press('Enter');
    await expect(krajan.getByText('RT 003', { exact: true })).toBeVisible();
  }
}
