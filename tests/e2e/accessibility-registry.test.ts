import type { Page } from '@playwright/test';
import { expectNoSeriousViolations } from './support/axe.js';
import { expect, test } from './support/fixtures.js';
import { ensureLingkungan, METESEH } from './support/lingkungan.js';
import { escapeRegExp, familyOption, isoDate, recordArrivalWithNewFamily, recordBirth } from './support/registry.js';

/**
 * axe-core (WCAG 2.0/2.1 A and AA, support/axe.ts) on the resident registry as the operator of Meteseh:
 * lists, forms (also refused), a resident, a family, the queues and the print pages. Every folded part
 * (<details>) is opened first, so the forms inside are checked too.
 */

/** Residents the pages show: a family (head + baby) and a second record of the head, a likely duplicate. */
const SAMPLE = {
  kepala: 'Sutrisno Aksara',
  kepalaLahir: '1975-06-09',
  bayi: 'Ratih Aksara Lestari',
} as const;

interface Sample {
  babyId: number;
  keluargaId: number;
}

/** Found once per worker; on a server that already has the sample (an earlier run), it is reused. */
let sample: Sample | undefined;

async function registrySample(page: Page): Promise<Sample> {
  if (sample) return sample;
  await page.goto(`/desa/${METESEH}/penduduk?q=${encodeURIComponent(SAMPLE.bayi)}`);
  const found = page.getByRole('table', { name: 'Daftar penduduk' }).getByRole('link', { name: SAMPLE.bayi });
  if ((await found.count()) > 0) {
    await found.first().click();
  } else {
    await ensureLingkungan(page);
    const kepala = { nama: SAMPLE.kepala, sex: 'LAKI-LAKI', tanggallahir: SAMPLE.kepalaLahir } as const;
    const family = await recordArrivalWithNewFamily(page, { ...kepala, tglDatang: isoDate(-300) });
    // the same name and date of birth again, with a KK of its own: a pair in the duplicate queue
    await recordArrivalWithNewFamily(page, { ...kepala, tglDatang: isoDate(-20) });
    // the baby last: when it exists, everything before it does
    await recordBirth(page, familyOption(SAMPLE.kepala, family.noKk), {
      nama: SAMPLE.bayi,
      sex: 'PEREMPUAN',
      tanggallahir: isoDate(-60),
      tempatlahir: 'Rembang',
    });
  }
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SAMPLE.bayi);
  const babyId = Number(/\/penduduk\/(\d+)$/.exec(page.url())?.[1]);
  const href = await page.getByRole('link', { name: 'Buka halaman keluarga' }).getAttribute('href');
  const keluargaId = Number(/^\/keluarga\/(\d+)$/.exec(href ?? '')?.[1]);
  expect(babyId).toBeGreaterThan(0);
  expect(keluargaId).toBeGreaterThan(0);
  sample = { babyId, keluargaId };
  return sample;
}

/** Unfold every <details> (folded field groups, rename/reverse/manage forms) so that axe sees their content. */
async function openAllDetails(page: Page) {
  await page.locator('details').evaluateAll((all) => {
    for (const d of all) (d as HTMLDetailsElement).open = true;
  });
}

interface PageCase {
  name: string;
  path: (s: Sample) => string;
  /** put the page in a richer state before checking it */
  prepare?: (page: Page) => Promise<void>;
}

const desa = `/desa/${METESEH}`;

const PAGES: PageCase[] = [
  {
    name: 'resident list with a filter',
    path: () => `${desa}/penduduk`,
    prepare: async (page) => {
      await page.getByLabel('Cari nama', { exact: true }).fill('sutrisno aks');
      await page.getByLabel('Jenis kelamin', { exact: true }).selectOption({ label: 'LAKI-LAKI' });
      await page.getByRole('button', { name: 'Tampilkan', exact: true }).click();
      await expect(page).toHaveURL(/[?&]sex=1/);
      await expect(page.getByRole('table', { name: 'Daftar penduduk' }).getByRole('link')).toHaveText([
        SAMPLE.kepala,
        SAMPLE.kepala,
      ]);
    },
  },
  {
    name: 'resident list after a NIK look-up that finds nothing',
    path: () => `${desa}/penduduk`,
    prepare: async (page) => {
      await page.getByLabel('NIK', { exact: true }).fill('3317090101999999');
      await page.getByRole('button', { name: 'Cari NIK', exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`${escapeRegExp(desa)}/penduduk/cari-nik$`));
      await expect(page.getByText('NIK tidak ditemukan di desa ini.')).toBeVisible();
    },
  },
  { name: 'birth form', path: (s) => `${desa}/penduduk/baru?jenis=lahir&keluarga=${s.keluargaId}` },
  {
    name: 'birth form with errors',
    path: () => `${desa}/penduduk/baru?jenis=lahir`,
    // what the browser lets through (required filled) but the server refuses: no family, no sex, a digit in the name
    prepare: async (page) => {
      await page.getByLabel('Nama lengkap', { exact: true }).fill('Bayi 2');
      await page.getByLabel('Tanggal lahir', { exact: true }).fill(isoDate(-3));
      await page.getByRole('button', { name: 'Simpan kelahiran', exact: true }).click();
      await expect(page.getByRole('alert')).toContainText('Ada isian yang perlu diperbaiki:');
      await expect(page.getByLabel('Nama lengkap', { exact: true })).toHaveAttribute('aria-invalid', 'true');
      await expect(page.getByLabel('Keluarga (KK)', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    },
  },
  { name: 'arrival form', path: () => `${desa}/penduduk/baru?jenis=masuk` },
  {
    name: 'arrival form with errors',
    path: () => `${desa}/penduduk/baru?jenis=masuk`,
    prepare: async (page) => {
      await page.getByRole('radio', { name: /^Bergabung ke KK/ }).check();
      await page.getByLabel('Nama lengkap', { exact: true }).fill('Tamu 3');
      await page.getByLabel('Tanggal lahir', { exact: true }).fill('1990-01-31');
      await page.getByRole('button', { name: 'Simpan pindah masuk', exact: true }).click();
      await expect(page.getByRole('alert')).toContainText('Ada isian yang perlu diperbaiki:');
      await expect(page.getByLabel('Nama lengkap', { exact: true })).toHaveAttribute('aria-invalid', 'true');
      await expect(page.getByLabel('Tanggal datang', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    },
  },
  { name: 'resident detail', path: (s) => `/penduduk/${s.babyId}` },
  { name: 'resident print page', path: (s) => `/penduduk/${s.babyId}/cetak` },
  { name: 'family page', path: (s) => `/keluarga/${s.keluargaId}` },
  { name: 'family print page', path: (s) => `/keluarga/${s.keluargaId}/cetak` },
  { name: 'family list', path: () => `${desa}/keluarga` },
  {
    name: 'family list after a KK number look-up with an error',
    path: () => `${desa}/keluarga`,
    prepare: async (page) => {
      await page.getByLabel('Nomor KK', { exact: true }).fill('12345');
      await page.getByRole('button', { name: 'Cari nomor KK', exact: true }).click();
      await expect(page.getByLabel('Nomor KK', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    },
  },
  { name: 'household list', path: () => `${desa}/rumah-tangga` },
  { name: 'data quality', path: () => `${desa}/kualitas-data` },
  {
    name: 'duplicate queue',
    path: () => `${desa}/duplikat`,
    prepare: async (page) => {
      await expect(page.getByRole('button', { name: /^Gabungkan, pertahankan data ini: Sutrisno Aksara/ })).toHaveCount(
        2,
      );
    },
  },
  { name: 'transfers between desa', path: () => `${desa}/pindah` },
];

test.describe('desa operator, resident registry', () => {
  for (const c of PAGES) {
    test(c.name, async ({ page, login }) => {
      await login('operator');
      const s = await registrySample(page);
      const response = await page.goto(c.path(s));
      expect(response?.status()).toBe(200);
      await c.prepare?.(page);
      await openAllDetails(page);
      await expectNoSeriousViolations(page);
    });
  }
});
