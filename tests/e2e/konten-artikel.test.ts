import type { Page } from '@playwright/test';
import { ensureAccount } from './support/akun.js';
import { expectNoSeriousViolations } from './support/axe.js';
import { expect, test } from './support/fixtures.js';

/**
 * A web editor of Meteseh writes and publishes an article: with the rich-text editor (Trix) and, once more, with
 * JavaScript off (the plain textarea). The editor account is made here with the CLI, like global setup does.
 */
const DESA = '33.17.09.2001';
const EDITOR = { username: 'editor.meteseh', password: 'Kabar desa terbit tiap pekan 58' };

test.beforeAll(() => ensureAccount({ ...EDITOR, role: 'editor-web', scope: DESA }));

async function masuk(page: Page) {
  await page.goto('/masuk');
  await page.getByLabel('Nama pengguna', { exact: true }).fill(EDITOR.username);
  await page.getByLabel('Kata sandi', { exact: true }).fill(EDITOR.password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Beranda' })).toBeVisible();
}

test('writes an article in the rich-text editor and publishes it on the desa site', async ({ page }) => {
  await masuk(page);
  await page.goto(`/desa/${DESA}/web/artikel/baru`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tulis artikel baru');
  await page.getByLabel('Judul', { exact: true }).fill('Kerja bakti saluran irigasi');
  // Trix replaced the textarea
  const editor = page.locator('trix-editor');
  await expect(editor).toBeVisible();
  await expect(page.locator('textarea#f-isi')).toBeHidden();
  await expect(page.locator('trix-toolbar')).toBeVisible();
  await expectNoSeriousViolations(page);
  await editor.click();
  await page.keyboard.type('Warga dusun Krajan membersihkan saluran pada hari Minggu.');
  await page.getByRole('button', { name: 'Terbitkan sekarang' }).click();
  await expect(page.getByRole('status')).toHaveText('Artikel diterbitkan.');

  await page.goto(`/situs/${DESA}/artikel`);
  await expectNoSeriousViolations(page);
  await page.getByRole('link', { name: 'Kerja bakti saluran irigasi' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kerja bakti saluran irigasi');
  await expect(page.getByRole('main')).toContainText('Warga dusun Krajan membersihkan saluran pada hari Minggu.');
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
  await expectNoSeriousViolations(page);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('writes HTML in the plain textarea, saves a draft, then publishes it without scripts', async ({ page }) => {
    await masuk(page);
    await page.goto(`/desa/${DESA}/web/artikel/baru`);
    await expect(page.locator('trix-editor')).toHaveCount(0);
    await page.getByLabel('Judul', { exact: true }).fill('Jadwal posyandu Desember');
    await page
      .getByLabel('Isi', { exact: true })
      .fill('<p>Posyandu di balai desa pukul 08.00.</p><script>alert("x")</script>');
    await page.getByRole('button', { name: 'Simpan sebagai draf' }).click();
    await expect(page.getByRole('status')).toHaveText('Artikel disimpan sebagai draf.');
    await expect(page.getByLabel('Isi', { exact: true })).toHaveValue('<p>Posyandu di balai desa pukul 08.00.</p>');

    const slug = 'jadwal-posyandu-desember';
    expect((await page.request.get(`/situs/${DESA}/artikel/${slug}`)).status()).toBe(404);
    await page.getByRole('button', { name: 'Terbitkan sekarang' }).click();
    await expect(page.getByRole('status')).toHaveText('Artikel diterbitkan.');
    await page.goto(`/situs/${DESA}/artikel/${slug}`);
    await expect(page.getByRole('main')).toContainText('Posyandu di balai desa pukul 08.00.');
    expect(await page.content()).not.toContain('alert(');
  });
});
