/** Helpers shared by the attachment forms: value lookup, labelled rows, region header, page set-up, signatures. */
import type { LampiranKonteks } from './surat-render.types.js';
import { atauKosong, typStr } from './typst-teks.js';

/** Reads values by key with the empty-value text. */
export function pembaca(values: Record<string, string>, kosong: string): (key: string) => string {
  const lower = new Map(Object.entries(values).map(([k, v]) => [k.toLowerCase(), v]));
  return (key) => atauKosong(lower.get(key), kosong);
}

/** A titled block of "label : value" rows (`isian` in surat-typst-lib.ts). */
export function isianTyp(judul: string | null, rows: Array<[string, string]>, lebar = '6cm'): string {
  const cells = rows.map(([l, v]) => `(${typStr(l)}, ${typStr(v)})`).join(', ');
  return `#isian(${judul === null ? 'none' : typStr(judul)}, (${cells},), lebar: ${lebar})`;
}

/** The region rows at the top of a Dukcapil form. */
export function wilayahTyp(v: (key: string) => string): string {
  return isianTyp(
    null,
    [
      ['Provinsi', v('nama_provinsi')],
      ['Kabupaten/Kota', v('nama_kabupaten')],
      ['Kecamatan', v('nama_kecamatan')],
      ['Desa/Kelurahan', v('nama_desa')],
      ['Kode Wilayah', v('kode_desa')],
    ],
    '4cm',
  );
}

/** The page set-up of a form: the letter's paper, fixed 1.5 cm margins. */
export function halamanFormulir(ctx: LampiranKonteks, landscape: boolean, isi: string): string {
  const kertas = ctx.kertas === 'A4' ? '210mm' : '215mm';
  const tinggi = ctx.kertas === 'A4' ? '297mm' : '330mm';
  return `#page(width: ${kertas}, height: ${tinggi}, flipped: ${landscape}, margin: 1.5cm)[
#set text(size: 10pt)
${isi}
]`;
}

/** Two signature columns: each [heading, name, optional NIP line]. */
export function ttdTyp(kolom: Array<[string, string, string | null]>): string {
  const args = kolom.map(([h, n, nip]) => `(${typStr(h)}, ${typStr(n)}, ${nip === null ? 'none' : typStr(nip)})`);
  return `#ttd-kolom(${args.join(', ')})`;
}

/** "NIP. …", or null when there is no NIP. */
export function nipBaris(nip: string | null): string | null {
  return nip && nip.trim() !== '' ? `NIP. ${nip.trim()}` : null;
}
