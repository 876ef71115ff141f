/**
 * Terbilang: a whole number in Indonesian words, as written on letters and receipts
 * (1250000 → "satu juta dua ratus lima puluh ribu"). Lower case; the caller applies the case rule.
 * Accepts 0 … 999 999 999 999 999 (below a quadrillion). Negative numbers get "minus".
 */
const SATUAN = ['', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'];
const SKALA = ['', 'ribu', 'juta', 'miliar', 'triliun'];
const BATAS = 1_000_000_000_000_000;

/** 1 … 999 in words. */
function ratusan(n: number): string {
  const ratus = Math.floor(n / 100);
  const sisa = n % 100;
  const kata: string[] = [];
  if (ratus === 1) kata.push('seratus');
  else if (ratus > 1) kata.push(`${SATUAN[ratus]} ratus`);
  if (sisa === 10) kata.push('sepuluh');
  else if (sisa === 11) kata.push('sebelas');
  else if (sisa > 11 && sisa < 20) kata.push(`${SATUAN[sisa - 10]} belas`);
  else if (sisa >= 20) {
    const puluh = Math.floor(sisa / 10);
    kata.push(`${SATUAN[puluh]} puluh`);
    if (sisa % 10) kata.push(SATUAN[sisa % 10] as string);
  } else if (sisa > 0) kata.push(SATUAN[sisa] as string);
  return kata.join(' ');
}

/** The number in words; throws RangeError outside the supported range or for non-integers. */
export function terbilang(n: number): string {
  if (!Number.isSafeInteger(n) || Math.abs(n) >= BATAS) throw new RangeError('angka di luar jangkauan terbilang');
  if (n === 0) return 'nol';
  if (n < 0) return `minus ${terbilang(-n)}`;
  const kata: string[] = [];
  let sisa = n;
  for (let i = 0; sisa > 0; i++) {
    const kelompok = sisa % 1000;
    sisa = Math.floor(sisa / 1000);
    if (kelompok === 0) continue;
    // "seribu", not "satu ribu" — only for the thousands group.
    if (i === 1 && kelompok === 1) kata.unshift('seribu');
    else kata.unshift([ratusan(kelompok), SKALA[i]].filter(Boolean).join(' '));
  }
  return kata.join(' ');
}

/**
 * Parses the amount as written by an operator ("1.250.000", "Rp 1.250.000,00", "1250000") and returns its words,
 * or null when it is not a whole number. Dots and spaces are thousand separators; a ",00"/",0" tail is dropped.
 */
export function terbilangTeks(value: string): string | null {
  const bersih = value
    .trim()
    .replace(/^rp\.?\s*/i, '')
    .replace(/,0+$/, '')
    .replace(/[.\s]/g, '');
  if (!/^-?\d{1,15}$/.test(bersih)) return null;
  const n = Number(bersih);
  return Math.abs(n) < BATAS ? terbilang(n) : null;
}
