/**
 * Renders a letter to PDF with Typst: letterhead, title and number, the body (template text with placeholders
 * substituted, then markup → Typst), the signature block (with the verification QR on signed letters), the
 * electronic-signature footer, a DRAF watermark on drafts, and the attachment forms as extra pages. The signature
 * block never breaks across pages and takes a short closing paragraph with it to the next page when needed.
 * The judul, letterhead lines and address may hold placeholders too; unknown tokens of all of them are returned.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { substitute } from '#src/domain/surat-placeholder.js';
import { PROJECT_ROOT } from '#src/lib/paths.js';
import { lampiranTyp } from './lampiran.js';
import { type BlokSurat, blokTyp, parseMarkup } from './surat-markup.js';
import type { Kop, RenderInput, SuratLayout } from './surat-render.types.js';
import { compileTypst, mapFile, unmapFile, warmTypst } from './typst-compiler.js';
import { typCm, typStr, typStrArray } from './typst-teks.js';

export { LAMPIRAN_TERSEDIA, LampiranTidakTersediaError } from './lampiran.js';
export type * from './surat-render.types.js';
export { SuratRenderError } from './typst-compiler.js';

/** Margins (cm) that leave room for a letterhead; letters.md §9's incumbent defaults are too tight at the top. */
export const MARGIN_BAKU: SuratLayout['margin'] = { kiri: 2, atas: 1.5, kanan: 2, bawah: 1.5 };

const GARUDA_PNG = join(PROJECT_ROOT, 'assets', 'img', 'garuda.png');
let garuda: Uint8Array | null | undefined;

/** The emblem to print: Garuda when asked for and available (assets/img/garuda.png), else the regional logo. */
function pilihLogo(kop: Kop): Uint8Array | null {
  if (kop.garuda) {
    if (garuda === undefined) garuda = existsSync(GARUDA_PNG) ? readFileSync(GARUDA_PNG) : null;
    if (garuda) return garuda;
  }
  return kop.logo;
}

function jenisGambar(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'jpg';
  if (bytes[0] === 0x3c || (bytes[0] === 0xef && bytes[3] === 0x3c)) return 'svg';
  return 'png';
}

/** A closing paragraph this short stays on the page of the signature (no signature alone on a last page). */
const PENUTUP_MAKS = 600;

function pisahPenutup(blocks: BlokSurat[]): { utama: BlokSurat[]; penutup: BlokSurat[] } {
  const last = blocks.at(-1);
  if (last?.jenis !== 'paragraf') return { utama: blocks, penutup: [] };
  const panjang = last.baris.flat().reduce((n, p) => n + p.teks.length, 0);
  return panjang <= PENUTUP_MAKS ? { utama: blocks.slice(0, -1), penutup: [last] } : { utama: blocks, penutup: [] };
}

function halamanTyp(layout: SuratLayout, tte: boolean, draf: boolean): string {
  const m = layout.margin;
  const margin = `(left: ${typCm(m.kiri)}, top: ${typCm(m.atas)}, right: ${typCm(m.kanan)}, bottom: ${typCm(m.bawah)})`;
  const huruf = layout.huruf === 'serif' ? 'Liberation Serif' : 'Liberation Sans';
  const kertas = layout.kertas === 'A4' ? 'A4' : 'F4';
  return `#show: halaman-surat.with(kertas: "${kertas}", landscape: ${layout.orientasi === 'landscape'}, margin: ${margin}, tte: ${tte}, draf: ${draf}, huruf: "${huruf}")`;
}

export async function renderSuratPdf(
  input: RenderInput,
): Promise<{ pdf: Uint8Array; halaman: number; unknown: string[] }> {
  const kosong = input.kosong ?? '-';
  const unknown: string[] = [];
  const isi = (teks: string) => {
    const r = substitute(teks, input.values, { kosong });
    for (const u of r.unknown) if (!unknown.includes(u)) unknown.push(u);
    return r.text;
  };
  const body = isi(input.body);
  const judul = isi(input.judul);
  const kopBaris = input.kop.baris.map(isi);
  const alamat = isi(input.kop.alamat);

  // Everything that can fail before compiling (unknown attachment, QR) fails before any file is mapped.
  const ttd = input.penandatangan;
  const ctx = { kertas: input.layout.kertas, kosong, tempatTanggal: input.tempatTanggal, penandatangan: ttd };
  const lampiran = input.lampiran.map((l) => lampiranTyp(l, ctx));
  const qrSvg = input.qr
    ? await QRCode.toString(input.qr.url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' })
    : null;

  const logo = pilihLogo(input.kop);
  const logoPath = logo ? mapFile(logo, jenisGambar(logo)) : null;
  const qrPath = qrSvg ? mapFile(Buffer.from(qrSvg), 'svg') : null;
  const opt = (v: string | null | undefined) => (v && v.trim() !== '' ? typStr(v) : 'none');
  const { utama, penutup } = pisahPenutup(parseMarkup(body));

  const source = [
    '#import "/surat.typ": *',
    halamanTyp(input.layout, input.tte, input.draf),
    `#set document(title: ${typStr(judul)})`,
    `#kop(logo: ${logoPath ? typStr(logoPath) : 'none'}, baris: ${typStrArray(kopBaris)}, alamat: ${typStr(alamat)})`,
    `#judul-surat(${typStr(judul)}, ${typStr(input.nomor ?? '…/…')})`,
    blokTyp(utama),
    '#block(breakable: false, width: 100%)[',
    blokTyp(penutup),
    `#tanda-tangan(tempat-tanggal: ${typStr(input.tempatTanggal)}, atas-nama: ${opt(ttd.atasNama)}, ub: ${opt(ttd.ub)}, jabatan: ${typStr(ttd.jabatan)}, nama: ${typStr(ttd.nama)}, nip: ${opt(ttd.nip)}, qr: ${qrPath ? typStr(qrPath) : 'none'})`,
    ']',
    '#metadata("akhir-surat") <akhir-surat>',
    ...lampiran,
  ].join('\n');

  try {
    const { pdf, halaman } = compileTypst(source);
    return { pdf, halaman, unknown };
  } finally {
    if (qrPath) unmapFile(qrPath);
  }
}

/** Creates the Typst compiler and renders once; call at server start so the first letter is fast. */
export function warmSuratRenderer(): void {
  warmTypst();
}
