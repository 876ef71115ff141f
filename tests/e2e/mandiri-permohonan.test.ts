import type { Browser, Page } from '@playwright/test';
import sharp from 'sharp';
import { expectNoSeriousViolations } from './support/axe.js';
import { expect, test } from './support/fixtures.js';
import { ensureLingkungan, METESEH, RT_KRAJAN } from './support/lingkungan.js';
import { isoDate, randomWord } from './support/registry.js';
import type { AccountName } from './support/state.js';

/**
 * A resident asks for a letter from their phone and picks it up: the operator records the resident and gives
 * them a PIN; the resident changes it, uploads a KTP copy, asks for a Keterangan Domisili; the operator accepts
 * it into the letter flow; the sekretaris and the kepala desa sign; the resident sees "Siap Diambil" and
 * downloads the signed PDF; the operator records the pick-up; the resident rates the service. Once with
 * JavaScript, once with JavaScript off on the resident's phone. Every run makes a new resident.
 */

const JENIS = 'Keterangan Domisili';

function nikFor(tanggallahir: string): string {
  const [y, m, d] = tanggallahir.split('-');
  const serial = 1000 + Math.floor(Math.random() * 9000);
  return `331709${String(Number(d) + 40).padStart(2, '0')}${m}${y?.slice(2)}${serial}`;
}

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

/** The operator activates the resident's account on the office page; the PIN is shown once. */
async function activate(page: Page, nama: string): Promise<string> {
  await page.goto(`/desa/${METESEH}/mandiri?q=${encodeURIComponent(nama)}`);
  const row = page.getByRole('row').filter({ hasText: nama });
  await row.getByRole('button', { name: 'Aktifkan akun', exact: true }).click();
  const notice = page.locator('[data-pin]');
  await expect(notice).toBeVisible();
  return (await notice.getAttribute('data-pin')) as string;
}

/** A link of the resident's menu (the home page repeats some of them). */
const menu = (p: Page, name: string) =>
  p.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name, exact: true });

async function switchTo(page: Page, login: (who: AccountName) => Promise<void>, who: AccountName) {
  await page.context().clearCookies();
  await login(who);
}

/** Sign the resident in on their own phone (a separate browser context) and choose their own PIN. */
async function phone(browser: Browser, baseURL: string, js: boolean, nik: string, pin: string) {
  const ctx = await browser.newContext({ baseURL, javaScriptEnabled: js, viewport: { width: 360, height: 740 } });
  const p = await ctx.newPage();
  await p.goto('/layanan-mandiri/masuk');
  await p.getByLabel('NIK', { exact: true }).fill(nik);
  await p.getByLabel('PIN', { exact: true }).fill(pin);
  await p.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(p.getByRole('heading', { level: 1 })).toHaveText('Ganti PIN');
  await p.getByLabel('PIN sekarang', { exact: true }).fill(pin);
  await p.getByLabel('PIN baru (6 angka)', { exact: true }).fill('739418');
  await p.getByLabel('Ulangi PIN baru', { exact: true }).fill('739418');
  await p.getByRole('button', { name: 'Simpan PIN', exact: true }).click();
  await expect(p.getByRole('status')).toHaveText('PIN sudah diganti.');
  return p;
}

for (const js of [true, false]) {
  test(`a resident requests a domisili letter and picks it up (JavaScript ${js ? 'on' : 'off'})`, async ({
    page,
    login,
    browser,
    baseURL,
  }) => {
    test.setTimeout(90_000);
    const person = { nama: `Warga ${randomWord()}`, nik: nikFor('1991-07-15'), tanggallahir: '1991-07-15' };
    await login('operator');
    await recordResident(page, person);
    const pin = await activate(page, person.nama);

    const hp = await phone(browser, baseURL as string, js, person.nik, pin);
    // a copy of the KTP (a PNG, re-encoded by the server)
    const png = await sharp({ create: { width: 64, height: 40, channels: 3, background: '#336699' } })
      .png()
      .toBuffer();
    await menu(hp, 'Dokumen').click();
    await hp.getByLabel('Jenis dokumen', { exact: true }).selectOption({ label: 'Fotokopi KTP' });
    await hp
      .getByLabel('Berkas', { exact: true })
      .setInputFiles({ name: 'ktp.png', mimeType: 'image/png', buffer: png });
    await hp.getByRole('button', { name: 'Unggah', exact: true }).click();
    await expect(hp.getByRole('status')).toHaveText('Dokumen tersimpan.');
    if (js) await expectNoSeriousViolations(hp);

    await menu(hp, 'Surat').click();
    await hp.getByRole('link', { name: 'Ajukan surat baru', exact: true }).click();
    await hp.getByRole('link', { name: new RegExp(`^(Surat )?${JENIS}$`) }).click();
    await hp.getByLabel(/^Keperluan/).fill('Syarat melamar kerja');
    await hp.getByLabel(/^Fotokopi KTP/).check();
    await hp.getByLabel(/^Nomor telepon yang aktif/).fill('0812 3456 7890');
    if (js) await expectNoSeriousViolations(hp);
    await hp.getByRole('button', { name: 'Kirim permohonan', exact: true }).click();
    await expect(hp.getByRole('status')).toContainText('Permohonan terkirim. Nomor antrian Anda');
    await expect(hp.getByRole('main')).toContainText('Sedang Diperiksa');
    const requestUrl = hp.url();
    const id = requestUrl.split('/').pop();

    // the office accepts it into the letter flow, with the KTP copy at hand
    await page.goto(`/desa/${METESEH}/permohonan`);
    await page.getByRole('link', { name: id as string, exact: true }).click();
    await expect(page.getByRole('main')).toContainText(person.nama);
    const ktpHref = (await page.getByRole('link', { name: /Fotokopi KTP/ }).getAttribute('href')) as string;
    const ktp = await page.request.get(ktpHref);
    expect(ktp.headers()['content-type']).toBe('image/jpeg');
    await page.getByRole('button', { name: 'Terima dan buat surat', exact: true }).click();
    await expect(page.getByRole('status')).toHaveText(
      'Permohonan diterima; surat dibuat dan diajukan untuk ditandatangani.',
    );
    const suratHref = (await page
      .getByRole('link', { name: 'Buka surat', exact: true })
      .getAttribute('href')) as string;

    await hp.reload();
    await expect(hp.getByRole('main')).toContainText('Menunggu Tandatangan');
    await expect(hp.getByRole('button', { name: 'Batalkan permohonan' })).toHaveCount(0);

    // the sekretaris and the kepala desa sign it in the letter flow
    await switchTo(page, login, 'sekdes');
    await page.goto(suratHref);
    await page.getByRole('button', { name: 'Setujui', exact: true }).click();
    await expect(page.getByRole('status')).toHaveText('Surat disetujui dan diteruskan ke langkah berikutnya.');
    await switchTo(page, login, 'kades');
    await page.goto(suratHref);
    await page.getByRole('button', { name: 'Setujui dan terbitkan', exact: true }).click();
    await expect(page.getByRole('status')).toContainText('Surat terbit dengan nomor');

    // ready: the resident downloads the signed PDF
    await hp.reload();
    await expect(hp.getByRole('main')).toContainText('Siap Diambil');
    const pdfHref = (await hp
      .getByRole('link', { name: 'Unduh surat (PDF)', exact: true })
      .getAttribute('href')) as string;
    const pdf = await hp.request.get(pdfHref);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    if (js) await expectNoSeriousViolations(hp);

    // the operator hands it over
    await switchTo(page, login, 'operator');
    await page.goto(`/desa/${METESEH}/permohonan/${id}`);
    await page.getByRole('button', { name: 'Catat surat sudah diambil', exact: true }).click();
    await expect(page.getByRole('status')).toHaveText('Penyerahan surat dicatat.');

    // picked up; the resident rates the service
    await hp.reload();
    await expect(hp.getByRole('main')).toContainText('Sudah Diambil');
    await hp.getByRole('combobox', { name: /^Nilai \(1/ }).selectOption('5');
    await hp.getByLabel(/^Komentar/).fill('Cepat dan ramah');
    await hp.getByRole('button', { name: 'Kirim penilaian', exact: true }).click();
    await expect(hp.getByRole('status')).toHaveText('Terima kasih atas penilaian Anda.');
    await expect(hp.getByRole('main')).toContainText('Penilaian Anda: 5 dari 5.');

    // the access page lists the office's look at the KTP copy, and no number is shown whole
    await menu(hp, 'Siapa membuka data saya').click();
    await expect(hp.getByRole('main')).toContainText('Dokumen Anda');
    await menu(hp, 'Data saya').click();
    await expect(hp.getByRole('main')).toContainText(person.nik.slice(-4));
    await expect(hp.getByRole('main')).not.toContainText(person.nik);
    await hp.context().close();
  });
}
