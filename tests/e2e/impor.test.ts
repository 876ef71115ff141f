import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { family, writeOpenSid } from '../support/opensid-file.js';
import { expectNoSeriousViolations } from './support/axe.js';
import { expect, test } from './support/fixtures.js';
import { METESEH } from './support/lingkungan.js';
import { randomWord } from './support/registry.js';

/**
 * Moving a family from OpenSID as the operator of Meteseh: upload the workbook, read the preview (counts and
 * the problem of one bad row), apply it, and find the family in the register. Every run uses new numbers and
 * a new dusun, so it can run again against the same server; once with JavaScript off.
 */
/** `javaScript`: axe-core needs it, so the accessibility checks run in the JavaScript pass only. */
function importFlow(javaScript: boolean) {
  test('an OpenSID workbook is previewed, applied in one go, and its people appear in the register', async ({
    page,
    login,
  }) => {
    const word = randomWord();
    const serial = 1000 + Math.floor(Math.random() * 8000);
    const kk = `33170912011${String(Math.floor(Math.random() * 1e5)).padStart(5, '0')}`;
    const dusun = `Impor ${word}`;
    const rows = family(kk, serial).map((r) => ({ ...r, dusun, nama: `${r.nama} ${word}` }));
    const dir = mkdtempSync(join(tmpdir(), 'balai-e2e-impor-'));
    const file = join(dir, 'penduduk.xlsx');
    await writeOpenSid(file, [...rows, { ...rows[2], nik: '12', nama: `Salah ${word}` }]);

    await login('operator');
    await page.goto(`/desa/${METESEH}/penduduk`);
    await page.getByRole('link', { name: 'Impor dari OpenSID' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Impor data penduduk (format OpenSID)');
    if (javaScript) await expectNoSeriousViolations(page);
    await page.getByLabel('Berkas Excel').setInputFiles(file);
    await page.getByRole('button', { name: 'Periksa berkas' }).click();

    // the page reloads itself while the file is read, then shows the preview
    await expect(page.getByText('Pratinjau siap — belum disimpan')).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('dl.counts')).toContainText('Penduduk baru3');
    await expect(page.locator('dl.counts')).toContainText('Ditolak1');
    await expect(page.getByRole('cell', { name: 'NIK harus 16 angka.' })).toBeVisible();
    if (javaScript) await expectNoSeriousViolations(page);

    await page.getByRole('button', { name: 'Terapkan: simpan semua baris yang diterima' }).click();
    await expect(page.getByText('Impor selesai: 3 penduduk baru, 0 diperbarui.')).toBeVisible({ timeout: 30_000 });

    await page.goto(`/desa/${METESEH}/penduduk?q=${encodeURIComponent('Sutrisno')}`);
    await expect(page.getByRole('link', { name: `Sutrisno ${word}` })).toBeVisible();
    rmSync(dir, { recursive: true, force: true });
  });
}

importFlow(true);

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  importFlow(false);
});
