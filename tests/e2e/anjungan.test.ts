import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { ensureAccount } from './support/akun.js';
import { expectNoSeriousViolations } from './support/axe.js';
import { expect, test } from './support/fixtures.js';
import { ensureLingkungan, METESEH, RT_KRAJAN } from './support/lingkungan.js';
import { isoDate, randomWord } from './support/registry.js';

/**
 * The desa kiosk (anjungan): the desa admin adds a kiosk and pairs a browser with its one-time code; a resident
 * signs in there with NIK + PIN, registers their e-KTP (the USB reader types the UID and Enter into the
 * focused field), signs out, taps the card and types the PIN on the pad, asks for a letter, prints the queue
 * ticket (58 mm and 80 mm pages), and the kiosk goes home by itself when nobody touches it.
 */

// a fresh card per run (7 bytes, as the reader types them: lower case, colons)
const UID_TYPED = `04:${[...randomBytes(6)].map((b) => b.toString(16).padStart(2, '0')).join(':')}`;
const PIN = '739418';

function nikFor(tanggallahir: string): string {
  const [y, m, d] = tanggallahir.split('-');
  const serial = 1000 + Math.floor(Math.random() * 9000);
  return `331709${String(Number(d) + 40).padStart(2, '0')}${m}${y?.slice(2)}${serial}`;
}

/** A desa admin of Meteseh (manage:anjungan), made with the CLI like global setup's accounts. */
function adminDesa(): { username: string; password: string } {
  const username = `admin.anjungan.${randomWord()}`.toLowerCase();
  const password = 'Layar sentuh di balai desa 58';
  ensureAccount({ username, password, role: 'admin-desa', scope: METESEH });
  return { username, password };
}

async function recordResident(page: Page, person: { nama: string; nik: string; tanggallahir: string }) {
  await ensureLingkungan(page);
  await page.goto(`/desa/${METESEH}/penduduk/baru?jenis=masuk`);
  await page.getByRole('radio', { name: /^Membawa KK sendiri/ }).check();
  await page.getByLabel('NIK (boleh kosong)', { exact: true }).fill(person.nik);
  await page.getByLabel('Nama lengkap', { exact: true }).fill(person.nama);
  await page.getByLabel('Jenis kelamin', { exact: true }).selectOption({ label: 'LAKI-LAKI' });
  await page.getByLabel('Tanggal lahir', { exact: true }).fill(person.tanggallahir);
  await page.getByLabel('Dusun/RW/RT', { exact: true }).selectOption({ label: RT_KRAJAN });
  await page.getByLabel('Tanggal datang', { exact: true }).fill(isoDate(-400));
  await page.getByRole('button', { name: 'Simpan pindah masuk', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText(`Kedatangan ${person.nama} dicatat.`);
}

/** The width and height (in mm) of the first page of a PDF, read from its MediaBox. */
function pageSizeMm(pdf: Buffer): [number, number] {
  const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
  if (!box) throw new Error('no MediaBox in the PDF');
  const mm = (pt: string) => Math.round((Number(pt) / 72) * 25.4);
  return [mm(box[1] as string), mm(box[2] as string)];
}

test('a kiosk is paired, a resident signs in with their e-KTP and PIN, prints a ticket, and the kiosk goes home on idle', async ({
  page,
  login,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const person = { nama: `Warga ${randomWord()}`, nik: nikFor('1979-03-21'), tanggallahir: '1979-03-21' };

  // the operator records the resident and activates their account (PIN shown once)
  await login('operator');
  await recordResident(page, person);
  await page.goto(`/desa/${METESEH}/mandiri?q=${encodeURIComponent(person.nama)}`);
  await page.getByRole('row').filter({ hasText: person.nama }).getByRole('button', { name: 'Aktifkan akun' }).click();
  const pinAwal = (await page.locator('[data-pin]').getAttribute('data-pin')) as string;

  // the desa admin adds a kiosk: the code is shown once
  const admin = adminDesa();
  await page.context().clearCookies();
  await page.goto('/masuk');
  await page.getByLabel('Nama pengguna', { exact: true }).fill(admin.username);
  await page.getByLabel('Kata sandi', { exact: true }).fill(admin.password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.goto(`/desa/${METESEH}/anjungan`);
  await page.getByLabel('Nama anjungan', { exact: true }).fill(`Anjungan ${randomWord()}`);
  await page.getByRole('button', { name: 'Tambah dan buat kode', exact: true }).click();
  const kode = (await page.locator('[data-kode]').getAttribute('data-kode')) as string;
  expect(kode).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);

  // the kiosk's browser: a big touch screen with fake timers for the idle timeout
  const ctx = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 }, hasTouch: true });
  await ctx.clock.install();
  const k = await ctx.newPage();
  expect((await k.goto('/anjungan'))?.status()).toBe(403);
  await k.goto('/anjungan/pasang');
  await k.getByLabel('Kode pemasangan', { exact: true }).fill(kode);
  await k.getByRole('button', { name: 'Pasang di peramban ini', exact: true }).click();
  await expect(k.getByRole('heading', { level: 1 })).toHaveText('Selamat datang di Desa Meteseh');
  await expect(k.getByRole('status')).toHaveText('Peramban ini sekarang menjadi anjungan desa.');

  await expectNoSeriousViolations(k);
  // every button and button-like link is a big touch target
  const small = await k
    .locator('main a, main button, header a')
    .evaluateAll((els) => els.filter((e) => e.getBoundingClientRect().height < 48).map((e) => e.textContent));
  expect(small).toEqual([]);

  // first visit: NIK + the PIN from the office, then the forced PIN change
  await k.getByRole('link', { name: 'Masuk dengan NIK dan PIN', exact: true }).click();
  await k.getByLabel('NIK (16 angka)', { exact: true }).fill(person.nik);
  await k.getByLabel('PIN', { exact: true }).fill(pinAwal);
  await k.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(k.getByRole('heading', { level: 1 })).toHaveText('Ganti PIN');
  await k.getByLabel('PIN sekarang', { exact: true }).fill(pinAwal);
  await k.getByLabel('PIN baru (6 angka)', { exact: true }).fill(PIN);
  await k.getByLabel('Ulangi PIN baru', { exact: true }).fill(PIN);
  await k.getByRole('button', { name: 'Simpan PIN', exact: true }).click();
  await expect(k.getByRole('status')).toHaveText('PIN sudah diganti.');

  // register the card: the reader types the UID and Enter into the focused field
  await k.goto('/anjungan/kartu-saya');
  await expect(k.getByLabel('Nomor kartu e-KTP', { exact: true })).toBeFocused();
  await k.keyboard.type(UID_TYPED);
  await k.keyboard.press('Enter');
  await expect(k.getByRole('status')).toHaveText('e-KTP Anda sudah terdaftar.');
  await k.getByRole('button', { name: 'Selesai', exact: true }).click();
  await expect(k.getByRole('heading', { level: 1 })).toHaveText('Selamat datang di Desa Meteseh');

  // the tap: the field keeps the focus even after a touch elsewhere; the same card in another spelling
  await k.getByRole('heading', { level: 1 }).click();
  await expect(k.getByLabel('Nomor kartu e-KTP', { exact: true })).toBeFocused();
  await k.keyboard.type(UID_TYPED.toUpperCase().replaceAll(':', ' '));
  await k.keyboard.press('Enter');
  await expect(k.getByRole('heading', { level: 1 })).toHaveText('Masukkan PIN');
  await expectNoSeriousViolations(k);
  for (const digit of PIN) await k.getByRole('button', { name: digit, exact: true }).click();
  await k.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(k.getByRole('heading', { level: 1 })).toHaveText(`Halo, ${person.nama}`);

  // the resident's letter requests (helper R's pages)
  await k.getByRole('link', { name: 'Status surat saya', exact: true }).click();
  await expect(k).toHaveURL(/\/layanan-mandiri\/surat$/);

  // ask for a letter, then its queue ticket
  await k.goto('/layanan-mandiri/surat/baru');
  await k.getByRole('link', { name: /^(Surat )?Keterangan Domisili$/ }).click();
  await k.getByLabel(/^Keperluan/).fill('Syarat membuka rekening');
  await k.getByRole('button', { name: 'Kirim permohonan', exact: true }).click();
  await expect(k.getByRole('status')).toContainText('Nomor antrian');
  const id = k.url().split('/').pop() as string;
  await k.goto(`/anjungan/tiket/${id}`);
  await expect(k.locator('.karcis-nomor')).toHaveText(/^A-\d{3}$/);
  await expect(k.getByRole('button', { name: 'Cetak karcis', exact: true })).toBeVisible();
  await expectNoSeriousViolations(k);

  // print: a 58 mm page by default, 80 mm on request; the ticket fits a 58 mm roll without overflow
  const pdf58 = await k.pdf({ preferCSSPageSize: true, printBackground: false });
  expect(pageSizeMm(pdf58)[0]).toBe(58);
  await k.emulateMedia({ media: 'print' });
  await k.setViewportSize({ width: 219, height: 600 });
  await expect(k.locator('.anj-top')).toBeHidden();
  const overflow = await k.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  expect(await k.locator('.karcis').evaluate((e) => getComputedStyle(e).fontFamily)).toMatch(/mono/i);
  await k.emulateMedia({ media: null });
  await k.setViewportSize({ width: 1280, height: 800 });
  await k.goto(`/anjungan/tiket/${id}?kertas=80`);
  expect(pageSizeMm(await k.pdf({ preferCSSPageSize: true }))[0]).toBe(80);

  // nobody touches the kiosk: after the idle time it ends the session and goes home
  await k.goto('/anjungan/layanan');
  await expect(k.getByRole('heading', { level: 1 })).toHaveText(`Halo, ${person.nama}`);
  await ctx.clock.fastForward(61_000);
  await expect(k.getByRole('heading', { level: 1 })).toHaveText('Selamat datang di Desa Meteseh');
  await k.goto('/anjungan/layanan');
  await expect(k).toHaveURL(/\/anjungan$/);
  await ctx.close();
});

test('the kiosk works without JavaScript: pairing, the card tap and the PIN form, the refresh home', async ({
  page,
  browser,
  baseURL,
}) => {
  const admin = adminDesa();
  await page.goto('/masuk');
  await page.getByLabel('Nama pengguna', { exact: true }).fill(admin.username);
  await page.getByLabel('Kata sandi', { exact: true }).fill(admin.password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.goto(`/desa/${METESEH}/anjungan`);
  await page.getByLabel('Nama anjungan', { exact: true }).fill(`Anjungan ${randomWord()}`);
  await page.getByRole('button', { name: 'Tambah dan buat kode', exact: true }).click();
  const tautan = (await page.locator('[data-kode] + p + p a').getAttribute('href')) as string;

  const ctx = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const k = await ctx.newPage();
  expect((await k.goto('/anjungan'))?.status()).toBe(403);
  // the link from the office page fills the code in
  await k.goto(new URL(tautan).pathname + new URL(tautan).search);
  await k.getByRole('button', { name: 'Pasang di peramban ini', exact: true }).click();
  await expect(k.getByRole('heading', { level: 1 })).toHaveText('Selamat datang di Desa Meteseh');
  // the idle fallback: a plain refresh to the start page, inside <noscript>
  expect(await k.locator('head noscript').innerHTML()).toContain('content="60;url=/anjungan"');
  // an unknown card: the PIN form (no pad without the script), then the same refusal as a wrong PIN
  await k.getByLabel('Nomor kartu e-KTP', { exact: true }).fill('04 99 88 77 66 55 44');
  await k.getByLabel('Nomor kartu e-KTP', { exact: true }).press('Enter');
  await expect(k.getByRole('heading', { level: 1 })).toHaveText('Masukkan PIN');
  await expect(k.getByRole('button', { name: '1', exact: true })).toBeHidden();
  await k.getByLabel('PIN', { exact: true }).fill('135790');
  await k.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(k.getByRole('alert')).toContainText('Kartu atau PIN tidak cocok');
  await ctx.close();
});
