import { execFileSync, spawnSync } from 'node:child_process';
import { generateKeyPairSync, type KeyObject, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { PNG } from 'pngjs';
import { issueCertificate } from '#src/lib/signing/x509.js';

/** A throwaway kabupaten CA and desa certificate (no database), for signing tests. */
export interface TestPki {
  ca: { key: KeyObject; cert: string };
  desa: { key: KeyObject; cert: string };
}

const DAY = 86_400_000;

export async function makeTestPki(
  opts: { desaFrom?: Date; desaDays?: number; caName?: string } = {},
): Promise<TestPki> {
  const caPair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const desaPair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const now = Date.now();
  const ca = await issueCertificate({
    subject: { commonName: opts.caName ?? 'Balai CA Kabupaten Uji', organization: 'Balai', serialNumber: '3399' },
    publicKeyPem: caPair.publicKey.export({ type: 'spki', format: 'pem' }) as string,
    issuerKey: caPair.privateKey,
    validFrom: new Date(now - 400 * DAY),
    validTo: new Date(now + 3650 * DAY),
    ca: true,
  });
  const desaFrom = opts.desaFrom ?? new Date(now - 60_000);
  const desa = await issueCertificate({
    subject: { commonName: 'Desa Sukamaju', organization: 'Kabupaten Uji', serialNumber: '3399010001' },
    publicKeyPem: desaPair.publicKey.export({ type: 'spki', format: 'pem' }) as string,
    issuerKey: caPair.privateKey,
    issuerCertPem: ca,
    validFrom: desaFrom,
    validTo: new Date(desaFrom.getTime() + (opts.desaDays ?? 730) * DAY),
    ca: false,
  });
  return { ca: { key: caPair.privateKey, cert: ca }, desa: { key: desaPair.privateKey, cert: desa } };
}

/** A one-page letter-like PDF of about 40 KB: text plus a noise image (which does not compress). */
export async function makeLetterPdf(text = 'SURAT KETERANGAN DOMISILI'): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([609.4, 935.4]); // F4
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawText(text, { x: 72, y: 860, size: 14, font });
  for (let i = 0; i < 40; i++)
    page.drawText(`Baris ${i + 1}: yang bertanda tangan di bawah ini menerangkan bahwa penduduk tersebut.`, {
      x: 72,
      y: 830 - i * 16,
      size: 10,
      font,
    });
  const png = new PNG({ width: 110, height: 110 });
  const noise = randomBytes(png.data.length);
  for (let i = 0; i < png.data.length; i++) png.data[i] = i % 4 === 3 ? 255 : (noise[i] ?? 0);
  const image = await doc.embedPng(PNG.sync.write(png));
  page.drawImage(image, { x: 440, y: 60, width: 100, height: 100 });
  return doc.save();
}

/** `pdfsig` (poppler-utils) output for a PDF; with `nssDir` it trusts the CAs in that NSS database. */
export function pdfsig(pdf: Uint8Array, nssDir?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'balai-pdfsig-'));
  const file = join(dir, 'surat.pdf');
  writeFileSync(file, pdf);
  // no -no-ocsp: poppler 22.12 then reports "Unknown issue with Certificate" even for a trusted chain; our
  // certificates name no OCSP responder, so nothing is fetched
  const args = [...(nssDir ? ['-nssdir', `sql:${nssDir}`] : []), file];
  const run = spawnSync('pdfsig', args, { encoding: 'utf8' });
  if (run.error) throw run.error;
  return `${run.stdout}${run.stderr}`;
}

/** An NSS database (certutil, libnss3-tools) that trusts `caPem` for signing. */
export function nssDbTrusting(caPem: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'balai-nss-'));
  writeFileSync(join(dir, 'ca.pem'), caPem);
  execFileSync('certutil', ['-N', '-d', `sql:${dir}`, '--empty-password']);
  execFileSync('certutil', ['-A', '-d', `sql:${dir}`, '-n', 'balai-ca', '-t', 'CT,C,C', '-i', join(dir, 'ca.pem')]);
  return dir;
}
