import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { bacaQr, pdfTeks } from '../support/pdf-periksa.js';
import { expectNoSeriousViolations } from './support/axe.js';
import { expect, test } from './support/fixtures.js';
import { ensureLingkungan, METESEH, RT_KRAJAN } from './support/lingkungan.js';
import { escapeRegExp, isoDate, randomWord } from './support/registry.js';
import type { AccountName } from './support/state.js';

/**
 * Issuing a Keterangan Domisili in Meteseh through the whole chain: the operator drafts it (resident by NIK or
 * by the name search), previews the PDF and submits; the sekretaris desa approves from the waiting list; the
 * kepala desa approves last, which numbers and signs it; the signed PDF's QR opens the public page saying the
 * letter is valid. Every run makes a new resident, so it can run again against the same server; once with
 * JavaScript off (axe-core needs JavaScript, so the accessibility checks run in the first pass only).
 */

const DESA_KODE = METESEH.replaceAll('.', '');
const JENIS = 'Keterangan Domisili';
const BARU = `/desa/${METESEH}/surat/baru/surat-keterangan-domisili`;
const BLOK = 'Yang Berdomisili';
const WAJIB = `Pilih penduduk untuk bagian "${BLOK}".`;
const ROMAWI = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

/** The number the server gives today (Asia/Jakarta): S-41/<serial>/<desa code>/<Roman month>/<year>. */
function nomorPattern(): RegExp {
  const [tahun, bulan] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date()).split('-');
  return new RegExp(`^S-41/\\d{3}/${DESA_KODE}/${ROMAWI[Number(bulan) - 1]}/${tahun}$`);
}

/** A NIK that agrees with the birth date and sex (Kecamatan Kaliori), with a random serial. */
function nikFor(tanggallahir: string, sex: 1 | 2): string {
  const [y, m, d] = tanggallahir.split('-');
  const day = Number(d) + (sex === 2 ? 40 : 0);
  const serial = 1000 + Math.floor(Math.random() * 9000);
  return `331709${String(day).padStart(2, '0')}${m}${y?.slice(2)}${serial}`;
}

/** A resident of Meteseh with a real NIK, through "pindah masuk" with a KK of their own. */
async function recordResident(page: Page, person: { nama: string; nik: string; tanggallahir: string }) {
  await ensureLingkungan(page);
  await page.goto(`/desa/${METESEH}/penduduk/baru?jenis=masuk`);
  await page.getByRole('radio', { name: /^Membawa KK sendiri/ }).check();
  await page.getByLabel('NIK (boleh kosong)', { exact: true }).fill(person.nik);
  await page.getByLabel('Nama lengkap', { exact: true }).fill(person.nama);
  await page.getByLabel('Jenis kelamin', { exact: true }).selectOption({ label: 'PEREMPUAN' });
  await page.getByLabel('Tanggal lahir', { exact: true }).fill(person.tanggallahir);
  await page.getByLabel('Dusun/RW/RT', { exact: true }).selectOption({ label: RT_KRAJAN });
  await page.getByLabel('Tanggal datang', { exact: true }).fill(isoDate(-500));
  await page.getByRole('button', { name: 'Simpan pindah masuk', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText(`Kedatangan ${person.nama} dicatat.`);
}

/** Sign out from the footer, then in as someone else. */
async function switchTo(page: Page, login: (who: AccountName) => Promise<void>, who: AccountName) {
  await page.getByRole('button', { name: 'Keluar', exact: true }).click();
  await expect(page).toHaveURL(/\/masuk$/);
  await login(who);
}

/** Open the main menu's "Surat". */
async function openArsip(page: Page) {
  await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Surat', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Surat');
}

/** axe on the page with every <details> unfolded (the outsider's fields, the cancel form). */
async function checkA11y(page: Page, javaScript: boolean) {
  if (!javaScript) return;
  await page.locator('details').evaluateAll((all) => {
    for (const d of all) (d as HTMLDetailsElement).open = true;
  });
  await expectNoSeriousViolations(page);
}

/**
 * Click something that opens a PDF in a new tab: the answer must be a PDF with this file name. Chromium's
 * viewer takes the bytes over, so only the status and headers are read here, not the body.
 */
async function expectPdfTab(page: Page, click: () => Promise<void>, url: (u: string) => boolean, filename: string) {
  const responded = page.context().waitForEvent('response', (r) => url(r.url()));
  const opened = page.context().waitForEvent('page');
  await click();
  const [response, tab] = await Promise.all([responded, opened]);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  expect(response.headers()['content-disposition']).toBe(`inline; filename="${filename}"`);
  await tab.close();
}

/** What poppler's pdfsig says about the PDF's signature (the chain is not trusted here, the bytes are checked). */
function pdfsig(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'balai-e2e-surat-'));
  try {
    writeFileSync(join(dir, 'surat.pdf'), pdf);
    const run = spawnSync('pdfsig', [join(dir, 'surat.pdf')], { encoding: 'utf8' });
    return `${run.stdout}${run.stderr}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Choose the resident in the form: typing the NIK, or the name search and "Pilih". */
async function chooseResident(page: Page, cara: 'nik' | 'nama', person: { nama: string; nik: string }) {
  const blok = page.getByRole('group', { name: BLOK });
  if (cara === 'nik') {
    await blok.getByLabel('NIK penduduk', { exact: true }).fill(person.nik);
    return;
  }
  await blok.getByLabel('Cari penduduk berdasarkan nama', { exact: true }).fill(person.nama.slice(0, -2));
  await blok.getByRole('button', { name: 'Cari', exact: true }).click();
  const hasil = blok.getByRole('listitem').filter({ hasText: person.nama });
  await expect(hasil).toHaveCount(1);
  await expect(hasil).toContainText(`NIK ${'*'.repeat(12)}${person.nik.slice(-4)}`);
  await hasil.getByRole('button', { name: 'Pilih', exact: true }).click();
  await expect(blok).toContainText(`Dipilih: ${person.nama}`);
}

function suratFlow(javaScript: boolean, cara: 'nik' | 'nama') {
  test(`a domisili letter (resident by ${cara}) is approved twice, numbered, signed, and its QR verifies`, async ({
    page,
    login,
    baseURL,
  }) => {
    test.setTimeout(90_000);
    // a random date of birth (1960–1999, months 1–9, days 10–18) makes NIK collisions between runs unlikely
    const acak = (n: number) => Math.floor(Math.random() * n);
    const tanggallahir = `19${60 + acak(40)}-0${1 + acak(9)}-1${acak(9)}`;
    const person = { nama: `Wagiyem ${randomWord()} Lestari`, nik: nikFor(tanggallahir, 2), tanggallahir };
    const keperluan = `Melamar pekerjaan di pabrik ${randomWord()}`;

    // the operator: menu → Buat surat → the type → the form
    await login('operator');
    await recordResident(page, person);
    await openArsip(page);
    await checkA11y(page, javaScript);
    await page.getByRole('link', { name: 'Buat surat', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Buat surat: pilih jenis');
    await checkA11y(page, javaScript);
    await page
      .getByRole('region', { name: 'Paling sering dibuat' })
      .getByRole('link', { name: JENIS, exact: true })
      .click();
    await expect(page).toHaveURL(new RegExp(`${escapeRegExp(BARU)}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Buat surat: ${JENIS}`);
    await checkA11y(page, javaScript);

    await chooseResident(page, cara, person);
    if (cara === 'nama') await checkA11y(page, javaScript);
    await page.getByLabel(/^Keperluan/).fill(keperluan);

    // the preview answers with a PDF in a new tab and saves nothing
    await expectPdfTab(
      page,
      () => page.getByRole('button', { name: 'Pratinjau PDF', exact: true }).click(),
      (u) => u.endsWith(BARU),
      'pratinjau-surat-keterangan-domisili.pdf',
    );
    await expect(page).toHaveURL(new RegExp(`${escapeRegExp(BARU)}$`));

    await page.getByRole('button', { name: 'Ajukan', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/desa/${escapeRegExp(METESEH)}/surat/\\d+$`));
    const id = Number(/\/surat\/(\d+)$/.exec(page.url())?.[1]);
    const halaman = new URL(page.url()).pathname;
    await expect(page.getByRole('status')).toHaveText('Surat diajukan dan menunggu persetujuan.');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${JENIS} #${id}`);
    await expect(page.locator('dl.facts').first()).toContainText('Diajukan — Menunggu sekretaris desa');
    await expect(page.getByRole('main')).toContainText(person.nama);
    await expect(page.getByRole('main')).toContainText(keperluan);
    await expect(page.getByRole('button', { name: /^Setujui/ })).toHaveCount(0);
    await checkA11y(page, javaScript);

    // the sekretaris desa finds it in "Menunggu persetujuan Anda" and approves: it moves on to the kepala desa
    await switchTo(page, login, 'sekdes');
    await openArsip(page);
    const menunggu = page.getByRole('region', { name: 'Menunggu persetujuan Anda' });
    await checkA11y(page, javaScript);
    await menunggu.getByRole('link', { name: `#${id} (belum bernomor)`, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${escapeRegExp(halaman)}$`));
    await expect(page.getByText('Anda menyetujui sebagai sekretaris desa.')).toBeVisible();
    await checkA11y(page, javaScript);
    await page.getByRole('button', { name: 'Setujui', exact: true }).click();
    await expect(page.getByRole('status')).toHaveText('Surat disetujui dan diteruskan ke langkah berikutnya.');
    await expect(page.locator('dl.facts').first()).toContainText('Diajukan — Menunggu kepala desa');
    await expect(page.getByRole('button', { name: /^Setujui/ })).toHaveCount(0);

    // the kepala desa approves last: numbered, signed, with its verification address
    await switchTo(page, login, 'kades');
    await openArsip(page);
    await page
      .getByRole('region', { name: 'Menunggu persetujuan Anda' })
      .getByRole('link', { name: `#${id} (belum bernomor)`, exact: true })
      .click();
    await page.getByRole('button', { name: 'Setujui dan terbitkan', exact: true }).click();
    const flash = page.getByRole('status');
    await expect(flash).toHaveText(/^Surat terbit dengan nomor /);
    const nomor = ((await flash.textContent()) ?? '').replace(/^Surat terbit dengan nomor /, '').replace(/\.$/, '');
    expect(nomor).toMatch(nomorPattern());
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${JENIS} ${nomor}`);
    await expect(page.locator('dl.facts').first()).toContainText('Terbit');
    const verifyLink = page.locator('dd a[href*="/v/"]');
    const verifyUrl = (await verifyLink.getAttribute('href')) ?? '';
    expect(verifyUrl.startsWith(`${baseURL}/v/`), verifyUrl).toBe(true);
    await checkA11y(page, javaScript);

    // the signed PDF: PAdES signature intact, the number, the name and the desa in its text, the QR → the page
    const unduh = page.getByRole('link', { name: 'Unduh PDF bertanda tangan', exact: true });
    const berkas = `${nomor.replace(/[^A-Za-z0-9._-]+/g, '-')}.pdf`;
    await expectPdfTab(
      page,
      () => unduh.click(),
      (u) => u.endsWith(`${halaman}/pdf`),
      berkas,
    );
    // the same address fetched with the user's session, for the bytes
    const download = await page.request.get((await unduh.getAttribute('href')) ?? '');
    expect(download.headers()['content-type']).toBe('application/pdf');
    const pdf = await download.body();
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.includes('/ETSI.CAdES.detached')).toBe(true);
    expect(pdfsig(pdf)).toContain('Signature Validation: Signature is Valid.');
    const teks = pdfTeks(pdf);
    expect(teks).toContain(nomor);
    expect(teks.toUpperCase()).toContain(person.nama.toUpperCase());
    expect(teks.toUpperCase()).toContain('METESEH');
    expect(teks).toContain(keperluan);
    const qr = bacaQr(pdf);
    expect(qr).toBe(verifyUrl);

    // anyone (signed out) opens the QR's address: valid, with the number and the NIK masked
    await page.getByRole('button', { name: 'Keluar', exact: true }).click();
    await page.goto(new URL(qr ?? '').pathname);
    await expect(page.getByRole('heading', { level: 2, name: 'Surat ini SAH' })).toBeVisible();
    const fakta = page.locator('dl.facts');
    await expect(fakta).toContainText(nomor);
    await expect(fakta).toContainText(JENIS);
    await expect(fakta).toContainText(person.nama);
    await expect(fakta).not.toContainText(person.nik);
    await expect(fakta).toContainText(`NIK ${'*'.repeat(12)}${person.nik.slice(-4)}`);
    await checkA11y(page, javaScript);
  });

  test('submitting without a resident shows the message by the person block and keeps the keperluan', async ({
    page,
    login,
  }) => {
    const keperluan = `Mengurus beasiswa ${randomWord()}`;
    await login('operator');
    await page.goto(BARU);
    await page.getByLabel(/^Keperluan/).fill(keperluan);
    await page.getByRole('button', { name: 'Ajukan', exact: true }).click();

    await expect(page).toHaveURL(new RegExp(`${escapeRegExp(BARU)}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Buat surat: ${JENIS}`);
    const summary = page.getByRole('alert');
    await expect(summary).toContainText('Ada isian yang perlu diperbaiki:');
    await expect(summary.getByRole('link', { name: WAJIB, exact: true })).toHaveAttribute('href', '#f-subjek.individu');
    const blok = page.getByRole('group', { name: BLOK });
    await expect(blok.locator('.error')).toHaveText(WAJIB);
    await expect(page.getByLabel(/^Keperluan/)).toHaveValue(keperluan);
    await checkA11y(page, javaScript);
  });
}

suratFlow(true, 'nik');

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  suratFlow(false, 'nama');
});
