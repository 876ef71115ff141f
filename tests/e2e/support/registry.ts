import type { Page } from '@playwright/test';
import { expect } from './fixtures.js';
import { METESEH, RT_KRAJAN } from './lingkungan.js';

/**
 * Steps of the resident registry through its real forms, as the operator of Meteseh. Names carry a random
 * word so that tests stay independent of order and can run again against the same server.
 */

/** A random capitalised word of letters ("Qxvbtr"): person names accept only letters, spaces and . , ' - */
export function randomWord(length = 6): string {
  const letters = Array.from({ length }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26)));
  return letters.join('').replace(/^./, (c) => c.toUpperCase());
}

/** YYYY-MM-DD, `days` after today in UTC (negative: before); keep a margin of days, the server counts in its own zone. */
export function isoDate(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

const shown = new Intl.DateTimeFormat('id-ID', { dateStyle: 'medium', timeZone: 'UTC' });

/** A date as the registry screens show it ("5 Jan 2026"). */
export function shownDate(iso: string): string {
  return shown.format(new Date(`${iso}T00:00:00Z`));
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface NewFamily {
  /** the head of the new family */
  pendudukId: number;
  keluargaId: number;
  /** the family card's number (temporary: 16 digits starting with 0) */
  noKk: string;
}

/**
 * "Pindah masuk" bringing its own family card: the person becomes head of a new family. NIK and KK number
 * are left empty, so both get temporary numbers. Ends on the new resident's detail page.
 */
export async function recordArrivalWithNewFamily(
  page: Page,
  person: { nama: string; sex: 'LAKI-LAKI' | 'PEREMPUAN'; tanggallahir: string; tglDatang: string },
): Promise<NewFamily> {
  await page.goto(`/desa/${METESEH}/penduduk/baru?jenis=masuk`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Catat pindah masuk');
  await page.getByRole('radio', { name: /^Membawa KK sendiri/ }).check();
  await expect(page.getByLabel('NIK (boleh kosong)', { exact: true })).toHaveValue('');
  await expect(page.getByLabel('Nomor KK', { exact: true })).toHaveValue('');
  await page.getByLabel('Nama lengkap', { exact: true }).fill(person.nama);
  await page.getByLabel('Jenis kelamin', { exact: true }).selectOption({ label: person.sex });
  await page.getByLabel('Tanggal lahir', { exact: true }).fill(person.tanggallahir);
  await page.getByLabel('Dusun/RW/RT', { exact: true }).selectOption({ label: RT_KRAJAN });
  await page.getByLabel('Tanggal datang', { exact: true }).fill(person.tglDatang);
  await page.getByRole('button', { name: 'Simpan pindah masuk', exact: true }).click();

  await expect(page).toHaveURL(/\/penduduk\/\d+$/);
  await expect(page.getByRole('status')).toHaveText(`Kedatangan ${person.nama} dicatat.`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(person.nama);
  const pendudukId = Number(/\/penduduk\/(\d+)$/.exec(page.url())?.[1]);

  const card = page.getByRole('region', { name: 'Kartu keluarga' });
  const noKk = (await card.getByRole('definition').first().locator('code').textContent()) ?? '';
  expect(noKk, 'a temporary KK number').toMatch(/^0\d{15}$/);
  const href = (await card.getByRole('link', { name: 'Buka halaman keluarga' }).getAttribute('href')) ?? '';
  const keluargaId = Number(/^\/keluarga\/(\d+)$/.exec(href)?.[1]);
  expect(keluargaId, `family link ${href}`).toBeGreaterThan(0);
  return { pendudukId, keluargaId, noKk };
}

export interface NewBirth {
  nama: string;
  sex: 'LAKI-LAKI' | 'PEREMPUAN';
  tanggallahir: string;
  tempatlahir: string;
}

/** How the family select of the birth and arrival forms names a family. */
export const familyOption = (kepala: string, noKk: string) => `${kepala} — KK ${noKk}`;

/** Open the birth form and fill it for a child (SHDK ANAK) of the family chosen by its option label. */
export async function fillBirthForm(page: Page, family: string, baby: NewBirth) {
  await page.goto(`/desa/${METESEH}/penduduk/baru?jenis=lahir`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Catat kelahiran');
  await page.getByLabel('Keluarga (KK)', { exact: true }).selectOption({ label: family });
  await page.getByLabel('Hubungan dengan kepala keluarga (SHDK)', { exact: true }).selectOption({ label: 'ANAK' });
  await page.getByLabel('Nama lengkap', { exact: true }).fill(baby.nama);
  await page.getByLabel('Jenis kelamin', { exact: true }).selectOption({ label: baby.sex });
  await page.getByLabel('Tempat lahir (boleh kosong)', { exact: true }).fill(baby.tempatlahir);
  await page.getByLabel('Tanggal lahir', { exact: true }).fill(baby.tanggallahir);
}

/** Submit the filled birth form; on success it lands on the baby's detail page. */
export async function submitBirth(page: Page) {
  await page.getByRole('button', { name: 'Simpan kelahiran', exact: true }).click();
}

/** Record a birth and return the baby's id (the detail page is open afterwards). */
export async function recordBirth(page: Page, family: string, baby: NewBirth): Promise<number> {
  await fillBirthForm(page, family, baby);
  await submitBirth(page);
  await expect(page).toHaveURL(/\/penduduk\/\d+$/);
  await expect(page.getByRole('status')).toHaveText(`Kelahiran ${baby.nama} dicatat.`);
  return Number(/\/penduduk\/(\d+)$/.exec(page.url())?.[1]);
}
