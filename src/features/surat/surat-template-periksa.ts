import { substitute } from '#src/domain/surat-placeholder.js';
import type { JenisSurat } from './surat-jenis.schema.js';
import { nilaiDikenal } from './surat-nilai-kunci.js';

/** The checks a letter body text must pass before it is saved (desa override or a kabupaten type). */

export const TEMPLAT_MAKS = 50_000;

/** Text as stored: Unix line ends, no trailing blanks at the ends. */
export const rapikanTemplat = (text: string) => text.replace(/\r\n?/g, '\n').trim();

/** Placeholders in `text` the type does not know (lower case, each once); `[terbilang][form_x]` is understood. */
export function placeholderAsing(def: Pick<JenisSurat, 'blok' | 'isian'>, text: string): string[] {
  const values = Object.fromEntries(nilaiDikenal(def).map((k) => [k, '1']));
  return substitute(text, values).unknown;
}

/** Why a body text may not be saved, in plain Indonesian; null when it may. */
export function masalahTemplat(def: Pick<JenisSurat, 'blok' | 'isian'>, text: string): string | null {
  if (text === '') return 'Isi surat tidak boleh kosong.';
  if (text.length > TEMPLAT_MAKS) return `Isi surat paling banyak ${TEMPLAT_MAKS.toLocaleString('id-ID')} karakter.`;
  const asing = placeholderAsing(def, text);
  if (asing.length > 0)
    return `Kode isian ini tidak dikenal untuk jenis surat ini: ${asing.map((a) => `[${a}]`).join(', ')}. Periksa ejaannya, atau pilih dari daftar kode isian.`;
  return null;
}
