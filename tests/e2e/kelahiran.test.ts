import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.js';
import { ensureLingkungan, METESEH, RT_KRAJAN } from './support/lingkungan.js';
import {
  escapeRegExp,
  familyOption,
  fillBirthForm,
  isoDate,
  randomWord,
  recordArrivalWithNewFamily,
  recordBirth,
  shownDate,
  submitBirth,
} from './support/registry.js';

/**
 * Registering a birth into an existing family, as the operator of Meteseh: the family is made first by a
 * "pindah masuk" with its own new KK, then the baby is recorded through the birth form. Every name carries a
 * random word, so the tests run in any order and again against the same server.
 */

const FUTURE_DATE = 'Tanggal tidak boleh setelah hari ini.';

/** "Sekar Qx" → "sEKAR qX": the same prefix in another case. */
const swapCase = (text: string) =>
  [...text].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');

/** The label of some family of Meteseh in the birth form's select: an existing one, or a new one. */
async function anyFamily(page: Page): Promise<string> {
  await page.goto(`/desa/${METESEH}/penduduk/baru?jenis=lahir`);
  const options = page.getByLabel('Keluarga (KK)', { exact: true }).locator('option:not([value=""])');
  if ((await options.count()) > 0) return ((await options.first().textContent()) ?? '').trim();
  await ensureLingkungan(page);
  const kepala = `Darmo ${randomWord()}`;
  const family = await recordArrivalWithNewFamily(page, {
    nama: kepala,
    sex: 'LAKI-LAKI',
    tanggallahir: '1979-08-02',
    tglDatang: isoDate(-200),
  });
  return familyOption(kepala, family.noKk);
}

/** Defined once, run with JavaScript on and off. */
function birthFlow() {
  test('a birth into an existing family shows on the detail page, the family page and the resident list', async ({
    page,
    login,
  }) => {
    const word = randomWord();
    const kepala = `Slamet ${word} Riyadi`;
    const baby = {
      nama: `Sekar ${word} Ayu`,
      sex: 'PEREMPUAN',
      tanggallahir: isoDate(-40),
      tempatlahir: 'Rembang',
    } as const;

    await login('operator');
    await ensureLingkungan(page);
    const family = await recordArrivalWithNewFamily(page, {
      nama: kepala,
      sex: 'LAKI-LAKI',
      tanggallahir: '1988-04-17',
      tglDatang: isoDate(-400),
    });

    // the family is offered in the birth form by its head's name and KK number
    const babyId = await recordBirth(page, familyOption(kepala, family.noKk), baby);

    // the baby's detail page: summary, family card, and the "Lahir" event in the timeline
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(baby.nama);
    const ringkasan = page.getByRole('region', { name: 'Ringkasan' });
    await expect(ringkasan).toContainText('HIDUP');
    await expect(ringkasan).toContainText(shownDate(baby.tanggallahir));
    await expect(ringkasan).toContainText(RT_KRAJAN);
    await expect(page.getByRole('main')).toContainText(baby.tempatlahir);

    const timeline = page.getByRole('region', { name: 'Riwayat peristiwa' });
    await expect(timeline.getByRole('listitem')).toHaveCount(1);
    const lahir = timeline.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Lahir' }) });
    await expect(lahir.getByRole('heading', { level: 3 })).toHaveText('Lahir');
    await expect(lahir).toContainText(`Tanggal peristiwa${shownDate(baby.tanggallahir)}`);
    await expect(lahir).toContainText(`Kepala keluarga saat itu${kepala}`);
    await expect(lahir).toContainText(`Nomor KK saat itu${family.noKk}`);

    const card = page.getByRole('region', { name: 'Kartu keluarga' });
    await expect(card).toContainText(family.noKk);
    await expect(card).toContainText(`Kepala keluarga${kepala}`);
    await expect(card).toContainText('Hubungan dalam keluarga (SHDK)ANAK');
    const familyLink = card.getByRole('link', { name: 'Buka halaman keluarga' });
    await expect(familyLink).toHaveAttribute('href', `/keluarga/${family.keluargaId}`);

    // the family page lists the baby as ANAK next to the head
    await familyLink.click();
    await expect(page).toHaveURL(new RegExp(`/keluarga/${family.keluargaId}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Keluarga ${kepala}`);
    const members = page.getByRole('table', { name: 'Anggota keluarga' });
    await expect(members.getByRole('row')).toHaveCount(3); // header, head, baby
    const babyRow = members.getByRole('row').filter({ has: page.getByRole('link', { name: baby.nama, exact: true }) });
    await expect(babyRow.getByRole('cell').nth(2)).toHaveText(/^anak$/i);
    await expect(babyRow.getByRole('link', { name: baby.nama, exact: true })).toHaveAttribute(
      'href',
      `/penduduk/${babyId}`,
    );
    const headRow = members.getByRole('row').filter({ has: page.getByRole('link', { name: kepala, exact: true }) });
    await expect(headRow.getByRole('cell').nth(2)).toHaveText(/^kepala keluarga$/i);

    // the resident list finds the baby by the start of the name, typed in another case
    await page.goto(`/desa/${METESEH}/penduduk`);
    const typed = swapCase(baby.nama.slice(0, 'Sekar '.length + 4));
    await page.getByLabel('Cari nama', { exact: true }).fill(typed);
    await page.getByRole('button', { name: 'Tampilkan', exact: true }).click();
    await expect(page).toHaveURL((url) => url.searchParams.get('q') === typed);
    await expect(page.getByRole('status')).toHaveText('1–1 dari 1 penduduk');
    const list = page.getByRole('table', { name: 'Daftar penduduk' });
    await expect(list.getByRole('link')).toHaveText([baby.nama]);
    await expect(list.getByRole('link', { name: baby.nama, exact: true })).toHaveAttribute(
      'href',
      `/penduduk/${babyId}`,
    );
    await expect(list.getByRole('row').nth(1)).toContainText(shownDate(baby.tanggallahir));

    // the baby's (temporary) NIK, looked up by POST in the "Cari NIK" box: the record opens, no number in the URL
    const shown = await list.getByRole('row').nth(1).getByRole('cell').first().textContent();
    const number = /\d{16}/.exec(shown ?? '')?.[0] ?? '';
    expect(number).toHaveLength(16);
    await page.getByLabel('NIK', { exact: true }).fill(number);
    await page.getByRole('button', { name: 'Cari NIK', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/penduduk/${babyId}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(baby.nama);
  });

  test('a date of birth in the future is refused by the field, and the typed name is kept', async ({ page, login }) => {
    const nama = `Bintang ${randomWord()}`;
    const future = isoDate(400);

    await login('operator');
    const family = await anyFamily(page);
    await fillBirthForm(page, family, { nama, sex: 'LAKI-LAKI', tanggallahir: future, tempatlahir: 'Rembang' });
    await submitBirth(page);

    // the form comes back (no redirect) with the message in the summary and by the date of birth
    await expect(page).toHaveURL(new RegExp(`/desa/${escapeRegExp(METESEH)}/penduduk/lahir$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Catat kelahiran');
    const summary = page.getByRole('alert');
    await expect(summary).toContainText('Ada isian yang perlu diperbaiki:');
    await expect(summary.getByRole('link', { name: `Tanggal lahir: ${FUTURE_DATE}`, exact: true })).toHaveAttribute(
      'href',
      '#f-tanggallahir',
    );
    const tanggal = page.getByLabel('Tanggal lahir', { exact: true });
    await expect(tanggal).toHaveAttribute('aria-invalid', 'true');
    await expect(tanggal).toHaveAccessibleDescription(FUTURE_DATE);
    await expect(tanggal).toHaveValue(future);
    await expect(page.locator('.field', { has: tanggal }).getByText(FUTURE_DATE, { exact: true })).toBeVisible();

    // what was typed and chosen is kept
    await expect(page.getByLabel('Nama lengkap', { exact: true })).toHaveValue(nama);
    await expect(page.getByLabel('Keluarga (KK)', { exact: true }).locator('option:checked')).toHaveText(family);
    await expect(page.getByLabel('Tempat lahir (boleh kosong)', { exact: true })).toHaveValue('Rembang');

    // and nobody was recorded
    await page.goto(`/desa/${METESEH}/penduduk?q=${encodeURIComponent(nama)}`);
    await expect(page.getByText('Tidak ada penduduk yang cocok dengan filter ini.')).toBeVisible();
  });
}

birthFlow();

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  birthFlow();
});
