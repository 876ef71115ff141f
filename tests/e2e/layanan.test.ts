import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expectNoSeriousViolations } from './support/axe.js';
import { expect, test } from './support/fixtures.js';

/**
 * Layanan informasi in the browser: a complaint filed without JavaScript (number shown, tracking page), and the
 * camera pages — the map drawn by kamera.js only with JavaScript, the list with coordinates without it, and
 * hls.js fetched only after the visitor presses play. axe on every page.
 */
const DESA = '33.17.09.2001';
const SITUS = `/situs/${DESA}`;

let stream: Server;
/** the complaint filed without JavaScript (axe needs JavaScript, so its pages are checked further down) */
let filed = '';
let streamBase = '';
test.beforeAll(async () => {
  stream = createServer((req, res) => {
    if (req.url === '/live.m3u8') return res.writeHead(200).end('#EXTM3U\n#EXT-X-ENDLIST\n');
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => stream.listen(0, '127.0.0.1', resolve));
  streamBase = `http://127.0.0.1:${(stream.address() as AddressInfo).port}`;
});
test.afterAll(() => stream.close());

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a resident files a complaint and follows it by number; the contact is never shown', async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto(`${SITUS}/pengaduan`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pengaduan warga');
    await page.locator('#f-nama').fill('Pak Darto');
    await page.getByLabel('Nomor HP atau email').fill('0813 1111 2222');
    await page.getByLabel('Kategori').selectOption('penerangan');
    await page.getByLabel('Isi pengaduan').fill('Lampu jalan di perempatan balai desa mati sejak Senin malam.');
    await page.waitForTimeout(3_200); // the form refuses answers faster than a person types
    await page.getByRole('button', { name: 'Kirim pengaduan' }).click();
    await expect(page.getByRole('status')).toContainText('Catat nomor pengaduan');
    const nomor = (await page.locator('strong.nomor').textContent()) ?? '';
    expect(nomor).toMatch(/^ADU-[2-9A-Z]{6}$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Nomor ${nomor}`);
    await expect(page.locator('body')).not.toContainText('0813 1111 2222');
    filed = nomor;

    // the look-up form on the complaints page leads back to it
    await page.goto(`${SITUS}/pengaduan`);
    await page.getByRole('textbox', { name: 'Lacak pengaduan' }).fill(nomor.toLowerCase());
    await page.getByRole('button', { name: 'Cari' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Nomor ${nomor}`);
  });
});

test('cameras: added by the kabupaten admin, drawn on a map with JavaScript, the stream loaded only on play', async ({
  page,
  login,
  browser,
}) => {
  test.setTimeout(60_000);
  await login('admin');
  await page.goto(`/wilayah/${DESA}/kamera`);
  await page.getByLabel('Nama kamera').fill('Perempatan Meteseh');
  await page.getByLabel('Lintang (latitude)').fill('-6,7001');
  await page.getByLabel('Bujur (longitude)').fill('111,4002');
  await page.getByLabel('Alamat siaran', { exact: true }).fill(`${streamBase}/live.m3u8`);
  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByRole('link', { name: 'Perempatan Meteseh' })).toBeVisible();

  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  const scripts: string[] = [];
  visitor.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  const origin = new URL(page.url()).origin;
  await visitor.goto(`${origin}${SITUS}/kamera`);
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Kamera CCTV');
  await expect(visitor.locator('#kamera-peta .leaflet-interactive')).toHaveCount(1);
  await expect(visitor.getByText('-6.70010, 111.40020')).toBeVisible();
  expect(scripts.some((s) => s.includes('hls'))).toBe(false);
  await expectNoSeriousViolations(visitor);

  await visitor.getByRole('link', { name: 'Perempatan Meteseh' }).click();
  await expect(visitor.locator('video')).toHaveCount(0);
  expect(scripts.some((s) => s.includes('hls'))).toBe(false);
  await expectNoSeriousViolations(visitor);
  await visitor.getByRole('link', { name: 'Putar siaran langsung' }).click();
  await expect(visitor.locator('#kamera-pemutar video')).toHaveCount(1);
  // hls.js only where the browser cannot play HLS itself
  const nativeHls = await visitor.evaluate(
    () => document.createElement('video').canPlayType('application/vnd.apple.mpegurl') !== '',
  );
  if (nativeHls)
    await expect(visitor.locator('#kamera-pemutar video')).toHaveAttribute('src', `${streamBase}/live.m3u8`);
  else await expect.poll(() => scripts.some((s) => s.includes('hls.light.min.js'))).toBe(true);

  // the complaint pages pass axe too
  await visitor.goto(`${origin}${SITUS}/pengaduan`);
  await expectNoSeriousViolations(visitor);
  if (filed) {
    await visitor.goto(`${origin}${SITUS}/pengaduan/${filed}`);
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(`Nomor ${filed}`);
    await expectNoSeriousViolations(visitor);
  }
  await visitorContext.close();
});
