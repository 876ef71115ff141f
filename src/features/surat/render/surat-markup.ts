/**
 * The letter body as operators write it — plain text with a little markup — turned into Typst source.
 *   blank line          ends a paragraph; a single line break inside a paragraph is kept
 *   | Label | value     a data row; consecutive rows form one table (label, ":", value), indented
 *   ::center:: text     a centred line
 *   **bold**            bold, inside any text
 * Placeholders are substituted BEFORE this conversion. All text reaches Typst as string literals (typst-teks.ts),
 * so nothing an operator or a value contains can act as Typst code.
 */
import { typStr } from './typst-teks.js';

export type Potongan = { teks: string; tebal: boolean };
export type Baris = Potongan[];
export type BlokSurat =
  | { jenis: 'paragraf'; baris: Baris[] }
  | { jenis: 'data'; baris: Array<{ label: Baris; nilai: Baris }> }
  | { jenis: 'tengah'; isi: Baris };

const TENGAH = /^\s*::center::\s?/i;

/** Splits `**bold**` runs; an unmatched `**` stays as written. */
export function parseInline(text: string): Baris {
  const out: Baris = [];
  const tambah = (teks: string, tebal: boolean) => {
    if (teks !== '') out.push({ teks, tebal });
  };
  let rest = text;
  for (;;) {
    const start = rest.indexOf('**');
    const end = start < 0 ? -1 : rest.indexOf('**', start + 2);
    if (end < 0 || end === start + 2) {
      tambah(rest, false);
      return out;
    }
    tambah(rest.slice(0, start), false);
    tambah(rest.slice(start + 2, end), true);
    rest = rest.slice(end + 2);
  }
}

function parseDataRow(line: string): { label: Baris; nilai: Baris } {
  let isi = line.trim().slice(1);
  if (isi.endsWith('|')) isi = isi.slice(0, -1);
  const pisah = isi.indexOf('|');
  const label = pisah < 0 ? isi : isi.slice(0, pisah);
  const nilai = pisah < 0 ? '' : isi.slice(pisah + 1);
  return { label: parseInline(label.trim()), nilai: parseInline(nilai.trim()) };
}

export function parseMarkup(body: string): BlokSurat[] {
  const blocks: BlokSurat[] = [];
  let data: Extract<BlokSurat, { jenis: 'data' }> | null = null;
  let paragraf: Extract<BlokSurat, { jenis: 'paragraf' }> | null = null;
  for (const raw of body.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.replace(/\s+$/, '');
    if (line.trim() === '') {
      data = null;
      paragraf = null;
    } else if (line.trimStart().startsWith('|')) {
      paragraf = null;
      if (!data) {
        data = { jenis: 'data', baris: [] };
        blocks.push(data);
      }
      data.baris.push(parseDataRow(line));
    } else if (TENGAH.test(line)) {
      data = null;
      paragraf = null;
      blocks.push({ jenis: 'tengah', isi: parseInline(line.replace(TENGAH, '').trim()) });
    } else {
      data = null;
      if (!paragraf) {
        paragraf = { jenis: 'paragraf', baris: [] };
        blocks.push(paragraf);
      }
      paragraf.baris.push(parseInline(line.trim()));
    }
  }
  return blocks;
}

/** Typst content for one line of runs: `[#"a"#strong("b")]`. */
export function barisTyp(baris: Baris): string {
  return `[${baris.map((p) => (p.tebal ? `#strong(${typStr(p.teks)})` : `#${typStr(p.teks)}`)).join('')}]`;
}

/**
 * The blocks as calls to the layout library (surat-typst-lib.ts): `paragraf`, `data-baris`, `tengah`. Every data
 * table gets all the letter's labels, so the label column has one width throughout the letter.
 */
export function blokTyp(blocks: readonly BlokSurat[]): string {
  const labels = blocks.flatMap((b) => (b.jenis === 'data' ? b.baris.map((r) => barisTyp(r.label)) : []));
  const kepala = labels.length > 0 ? [`#let semua-label = (${labels.join(', ')},)`] : [];
  return [...kepala, ...blocks.map(satuBlokTyp)].join('\n');
}

function satuBlokTyp(b: BlokSurat): string {
  switch (b.jenis) {
    case 'paragraf':
      return `#paragraf(${b.baris.map(barisTyp).join(', ')})`;
    case 'data': {
      const rows = b.baris.map((r) => `(${barisTyp(r.label)}, ${barisTyp(r.nilai)})`);
      return `#data-baris(semua-label, ${rows.join(', ')})`;
    }
    case 'tengah':
      return `#tengah(${barisTyp(b.isi)})`;
  }
}

/** Body text (already substituted) → Typst source. */
export function markupKeTypst(body: string): string {
  return blokTyp(parseMarkup(body));
}
