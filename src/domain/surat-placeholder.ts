/**
 * Placeholder substitution in letter templates (letters.md §3). A token is `[name]` (letters, digits, `_`),
 * looked up case-insensitively among canonical lower-case keys. The token's spelling sets the output case:
 *   [nama_desa] lower · [NAma_desa] UPPER · [Nama_desa] Title Case · [NamA_desa] as stored
 * ("as stored": first letter upper and the last letter of the first word — or of the whole name — upper).
 * `[terbilang][form_x]` writes the number in `form_x` as Indonesian words, cased by the `terbilang` token.
 * Known tokens with an empty value print `kosong` (default "-"); unknown tokens stay as written and are reported.
 */
import { terbilangTeks } from './terbilang.js';

export type Huruf = 'kecil' | 'besar' | 'judul' | 'asli';

export interface HasilSubstitusi {
  text: string;
  /** unknown token names, lower case, each once, in order of first appearance */
  unknown: string[];
}

const TOKEN = /\[([A-Za-z][A-Za-z0-9_]*)\](?:\[([A-Za-z][A-Za-z0-9_]*)\])?/g;

/** Abbreviations kept in capitals by Title Case ("RT 003/RW 001", "SD", "Dusun II"). */
const SINGKATAN = new Set(
  'rt rw kk nik ktp kia nip npwp bpjs kis sktm skck ri nkri tni polri pns asn kua sd smp sma smk mts slta sltp pt cv ud tk paud ii iii iv vi vii viii ix xi xii xiii dki diy'.split(
    ' ',
  ),
);

/** The case a token's spelling asks for. */
export function hurufToken(name: string): Huruf {
  const huruf = name.replace(/[^A-Za-z]/g, '');
  const besar = (c: string | undefined) => c !== undefined && c >= 'A' && c <= 'Z';
  if (!besar(huruf[0])) return 'kecil';
  if (besar(huruf[1])) return 'besar';
  const kataPertama = (name.split('_')[0] ?? '').replace(/[^A-Za-z]/g, '');
  if (huruf.length > 2 && (besar(kataPertama.at(-1)) || besar(huruf.at(-1)))) return 'asli';
  return 'judul';
}

/**
 * Title Case for Indonesian names and addresses: every word starts upper, the rest lower. Words are runs of
 * letters, digits and apostrophes, so "/", "-", "(" and "." start a new word ("Rembang/Kaliori", "H.M. Sholeh",
 * "S.Pd.") and an apostrophe does not ("Ma'ruf").
 * Known abbreviations and Roman numerals stay upper; words holding digits are left alone.
 */
export function hurufJudul(value: string): string {
  return value.replace(/[\p{L}\p{M}\p{N}']+/gu, (kata) => {
    if (/\d/.test(kata)) return kata;
    const lower = kata.toLowerCase();
    if (SINGKATAN.has(lower)) return kata.toUpperCase();
    return lower.replace(/\p{L}/u, (c) => c.toUpperCase());
  });
}

export function terapkanHuruf(value: string, huruf: Huruf): string {
  switch (huruf) {
    case 'kecil':
      return value.toLowerCase();
    case 'besar':
      return value.toUpperCase();
    case 'judul':
      return hurufJudul(value);
    case 'asli':
      return value;
  }
}

/** The values with lower-case keys; line breaks inside a value become spaces (a value is one run of text). */
function kanonik(values: Record<string, string>): Map<string, string> {
  const map = new Map<string, string>();
  for (const [k, v] of Object.entries(values)) map.set(k.toLowerCase(), String(v ?? '').replace(/\s*\r?\n\s*/g, ' '));
  return map;
}

export function substitute(
  template: string,
  values: Record<string, string>,
  opts: { kosong?: string } = {},
): HasilSubstitusi {
  const map = kanonik(values);
  const kosong = opts.kosong ?? '-';
  const unknown: string[] = [];
  const catat = (name: string) => {
    if (!unknown.includes(name)) unknown.push(name);
  };

  const text = template.replace(TOKEN, (whole, first: string, second: string | undefined) => {
    const key = first.toLowerCase();
    if (key === 'terbilang' && second !== undefined && !map.has('terbilang')) {
      const inner = second.toLowerCase();
      if (!map.has(inner)) {
        catat(inner);
        return whole;
      }
      const raw = (map.get(inner) ?? '').trim();
      if (raw === '') return kosong;
      const kata = terbilangTeks(raw);
      return kata === null ? raw : terapkanHuruf(kata, hurufToken(first));
    }
    // A second bracket that is not part of [terbilang][…] is substituted on its own.
    const rest = second === undefined ? '' : substituteOne(second, map, kosong, catat);
    return substituteOne(first, map, kosong, catat) + rest;
  });
  return { text, unknown };
}

function substituteOne(name: string, map: Map<string, string>, kosong: string, catat: (n: string) => void): string {
  const key = name.toLowerCase();
  const value = map.get(key);
  if (value === undefined) {
    catat(key);
    return `[${name}]`;
  }
  if (value.trim() === '') return kosong;
  return terapkanHuruf(value, hurufToken(name));
}

/** The distinct token names (lower case) a template uses, in order; `[terbilang][x]` uses x. */
export function tokensIn(template: string): string[] {
  const names: string[] = [];
  for (const m of template.matchAll(TOKEN)) {
    const pair = m[1]?.toLowerCase() === 'terbilang' && m[2] ? [m[2]] : [m[1], m[2]];
    for (const n of pair) if (n && !names.includes(n.toLowerCase())) names.push(n.toLowerCase());
  }
  return names;
}

/** The token names a values map offers, sorted — for the template editor's list. */
export function knownTokens(values: Record<string, string>): string[] {
  return [...kanonik(values).keys()].sort();
}
