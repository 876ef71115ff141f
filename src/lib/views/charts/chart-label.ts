/** Text layout for chart labels: there is no font metrics on the server, so widths are estimated per character. */

/** Font size (user units) of every chart text; public/app.css sets the same size. */
export const HURUF = 12;
/** Average advance of one character at HURUF: generous, category names are often in capitals. */
export const LEBAR_HURUF = HURUF * 0.62;

/** Estimated width of a text in user units. */
export function lebarTeks(teks: string): number {
  return teks.length * LEBAR_HURUF;
}

export interface LabelBungkus {
  baris: string[];
  /** the label did not fit: show the full text in a <title> */
  terpotong: boolean;
}

/**
 * Wraps a label into at most `maksBaris` lines of `maksHuruf` characters, breaking at spaces and after "/"
 * ("BELUM/TIDAK BEKERJA"); an over-long word is cut, and the last line ends in "…" when text is left over.
 */
export function bungkusLabel(label: string, maksHuruf: number, maksBaris = 2): LabelBungkus {
  const lebar = Math.max(2, Math.floor(maksHuruf));
  const kata = label
    .trim()
    .split(/\s+|(?<=\/)/)
    .filter(Boolean);
  const baris: string[] = [];
  let kini = '';
  for (const k of kata) {
    const sambung = kini === '' ? k : kini.endsWith('/') ? kini + k : `${kini} ${k}`;
    if (sambung.length <= lebar) {
      kini = sambung;
      continue;
    }
    if (kini !== '') baris.push(kini);
    kini = k;
    while (kini.length > lebar) {
      baris.push(kini.slice(0, lebar));
      kini = kini.slice(lebar);
    }
  }
  if (kini !== '') baris.push(kini);
  if (baris.length <= maksBaris) return { baris, terpotong: false };
  const tampil = baris.slice(0, maksBaris);
  const akhir = tampil[maksBaris - 1] ?? '';
  tampil[maksBaris - 1] = `${akhir.slice(0, lebar - 1).trimEnd()}…`;
  return { baris: tampil, terpotong: true };
}

/** A stable element id for one chart: from the caller when a page shows two charts with the same title. */
export function idGrafik(judul: string, id?: string): string {
  if (id) return id;
  const slug = judul
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  let h = 0;
  for (const c of judul) h = (Math.imul(h, 31) + (c.codePointAt(0) ?? 0)) >>> 0;
  return `grafik-${slug || 'x'}-${h.toString(36)}`;
}
