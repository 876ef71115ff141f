/**
 * Test helpers to look inside rendered PDFs: text (poppler's pdftotext), page sizes (pdf-lib, from the MediaBox)
 * and the QR code on a page (pdftoppm → PNG → jsQR).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQRModule from 'jsqr';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';

// jsqr is CommonJS with an ES-style default export.
const jsQR = jsQRModule.default;

function denganBerkas<T>(pdf: Uint8Array, fn: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'balai-pdf-'));
  try {
    const file = join(dir, 'surat.pdf');
    writeFileSync(file, pdf);
    return fn(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of the PDF, or of one page (1-based). `raw` keeps content-stream order (rotated text stays whole). */
export function pdfTeks(pdf: Uint8Array, opts: { halaman?: number; raw?: boolean } = {}): string {
  return denganBerkas(pdf, (file) => {
    const args = [
      ...(opts.raw ? ['-raw'] : []),
      ...(opts.halaman ? ['-f', `${opts.halaman}`, '-l', `${opts.halaman}`] : []),
    ];
    return execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' });
  });
}

/** Words with their boxes (points, origin top-left), from `pdftotext -bbox`. */
export function pdfKata(pdf: Uint8Array, halaman = 1): Array<{ kata: string; xMin: number; yMin: number }> {
  const html = denganBerkas(pdf, (file) =>
    execFileSync('pdftotext', ['-bbox', '-f', `${halaman}`, '-l', `${halaman}`, file, '-'], { encoding: 'utf8' }),
  );
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({
    kata: m[3] as string,
    xMin: Number(m[1]),
    yMin: Number(m[2]),
  }));
}

/** Width × height in points of every page. */
export async function pdfUkuranHalaman(pdf: Uint8Array): Promise<Array<{ width: number; height: number }>> {
  const doc = await PDFDocument.load(pdf);
  return doc.getPages().map((p) => p.getSize());
}

/**
 * Decodes the QR code on a page, or null when there is none. Rendered at 150 dpi first, then at 300 dpi: a
 * 2.6 cm code of a ~230-character URL leaves under 3 pixels per module at 150 dpi, which a scanner-grade
 * decoder occasionally misreads.
 */
export function bacaQr(pdf: Uint8Array, halaman = 1): string | null {
  return denganBerkas(pdf, (file, dir) => {
    for (const dpi of ['150', '300']) {
      const prefix = join(dir, `hal-${dpi}`);
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        dpi,
        '-f',
        `${halaman}`,
        '-l',
        `${halaman}`,
        '-singlefile',
        file,
        prefix,
      ]);
      const png = PNG.sync.read(readFileSync(`${prefix}.png`));
      const hasil = jsQR(
        new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength),
        png.width,
        png.height,
        { inversionAttempts: 'dontInvert' },
      );
      if (hasil?.data) return hasil.data;
    }
    return null;
  });
}

/** How many raster images the PDF draws (poppler's pdfimages; alpha masks not counted). */
export function pdfJumlahGambar(pdf: Uint8Array): number {
  const list = denganBerkas(pdf, (file) => execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }));
  return list
    .split('\n')
    .slice(2)
    .filter((line) => line.trim().split(/\s+/)[2] === 'image').length;
}

/** The base names of the fonts embedded in the PDF (poppler's pdffonts), subset prefix removed. */
export function pdfFonts(pdf: Uint8Array): string[] {
  const list = denganBerkas(pdf, (file) => execFileSync('pdffonts', [file], { encoding: 'utf8' }));
  return list
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => (line.split(/\s+/)[0] as string).replace(/^[A-Z]{6}\+/, ''));
}
