import type { Page } from '@playwright/test';
import { ensureAccount } from './support/akun.js';
import { expectNoSeriousViolations } from './support/axe.js';
import { expect, test } from './support/fixtures.js';

/**
 * The public site of Meteseh (home, profile, statistics) as a visitor sees it: with and without JavaScript, axe
 * checks on each page, and the home page's weight (HTML + CSS + JS as transferred, gzip) within 60 KB. A web editor
 * (made here with the CLI) fills in the perangkat desa, which then shows on the profile.
 */
const DESA = '33.17.09.2001';
const SITUS = `/situs/${DESA}`;
const EDITOR = { username: 'situs.meteseh', password: 'Balai desa buka jam delapan 31' };

test.beforeAll(() => ensureAccount({ ...EDITOR, role: 'editor-web', scope: DESA }));

/** Bytes on the wire (headers + encoded body) of every non-image response while `go` runs. */
async function transferred(page: Page, go: () => Promise<unknown>) {
  const sizes: Promise<{ url: string; type: string; bytes: number }>[] = [];
  page.on('requestfinished', (req) => {
    sizes.push(
      req.sizes().then(async (s) => ({
        url: req.url(),
        type: (await req.response())?.headers()['content-type'] ?? '',
        bytes: s.responseBodySize + s.responseHeadersSize,
      })),
    );
  });
  await go();
  await page.waitForLoadState('load');
  const all = await Promise.all(sizes);
  return all.filter((x) => !x.type.startsWith('image/') || x.type.startsWith('image/svg'));
}

test('the home page is small, has no scripts, and passes axe', async ({ page }) => {
  test.setTimeout(60_000);
  const parts = await transferred(page, () => page.goto(SITUS));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Selamat datang di situs resmi Desa Meteseh');
  await expect(page.getByRole('heading', { name: 'Data penduduk' })).toBeVisible();
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', 'Beranda');
  const total = parts.reduce((n, x) => n + x.bytes, 0);
  expect(parts.filter((x) => x.type.includes('javascript'))).toEqual([]);
  expect(total, JSON.stringify(parts)).toBeLessThanOrEqual(60 * 1024);
  await expectNoSeriousViolations(page);

  // a revisit is answered 304 from the ETag; the stylesheet's hashed URL is cached for a year
  const first = await page.request.get(SITUS);
  const etag = first.headers().etag ?? '';
  expect(etag).toMatch(/^W\//);
  expect((await page.request.get(SITUS, { headers: { 'if-none-match': etag } })).status()).toBe(304);
  const css = parts.find((x) => x.url.includes('/aset/situs.'))?.url ?? '';
  expect((await page.request.get(css)).headers()['cache-control']).toContain('immutable');
});

test('a web editor fills in the perangkat desa; the profile shows it and passes axe', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/masuk');
  await page.getByLabel('Nama pengguna', { exact: true }).fill(EDITOR.username);
  await page.getByLabel('Kata sandi', { exact: true }).fill(EDITOR.password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Beranda' })).toBeVisible();
  await page.goto(`/desa/${DESA}/situs`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Situs web Desa Meteseh');
  await expectNoSeriousViolations(page);
  await page.getByLabel('Jam layanan kantor', { exact: true }).fill('Senin–Jumat 08.00–15.00');
  await page
    .getByLabel('Perangkat desa', { exact: true })
    .fill('Kepala Desa | Suparman\nSekretaris Desa | Siti Aminah');
  await page.getByLabel('Lembaga desa', { exact: true }).fill('BPD | Haryanto | Badan Permusyawaratan Desa');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByRole('status')).toBeVisible();

  await page.goto(`${SITUS}/profil`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Profil Desa Meteseh');
  await expect(page.getByRole('heading', { name: 'Perangkat desa' })).toBeVisible();
  await expect(page.locator('.bagan')).toContainText('Siti Aminah');
  await expectNoSeriousViolations(page);
});

// several axe runs per test: generous time on a busy machine
for (const path of ['/statistik', '/statistik/jenis-kelamin', '/statistik/pekerjaan', '/kontak']) {
  test(`${path} passes axe`, async ({ page }) => {
    await page.goto(`${SITUS}${path}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoSeriousViolations(page);
  });
}

for (const portal of ['/situs/33.17.09', '/situs/33.17']) {
  test(`the portal ${portal} lists Meteseh and passes axe`, async ({ page }) => {
    await page.goto(portal);
    await expect(page.getByRole('link', { name: 'Desa Meteseh' })).toBeVisible();
    await expectNoSeriousViolations(page);
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a visitor walks from the home page to the profile and a statistics category', async ({ page }) => {
    await page.goto(SITUS);
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Profil' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Profil Desa Meteseh');
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Statistik' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Statistik penduduk Desa Meteseh');
    await page.getByRole('link', { name: 'Agama' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Statistik: Agama');
    await expect(page.getByRole('table', { name: 'Statistik: Agama' }).last()).toBeVisible();
    await page.getByRole('link', { name: 'Beranda' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Selamat datang di situs resmi Desa Meteseh');
  });
});
