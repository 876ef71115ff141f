/**
 * Online-gambling vocabulary of Indonesian spam injections ("slot gacor hari ini", "toto macau", "rtp live",
 * "maxwin"), told apart from innocent Indonesian text: "slot waktu posyandu", "Pak Toto", "bandar udara",
 * "burung kicau gacor", and a desa's own warnings against "judi online" must pass.
 *
 * - Strong phrases flag wherever they appear (text, link, alt/title).
 * - Ambiguous single words (slot, toto, judi, gacor, rtp, bandar, zeus, scatter, casino…) flag only inside a link
 *   to an unknown site (its text or its address): that is the shape of an injected spam link.
 * Text is NFKC-normalised first (𝐬𝐥𝐨𝐭 → slot, fullwidth letters) and zero-width characters removed.
 */
const B = '(?<![\\p{L}\\p{N}])'; // word start
const E = '(?![\\p{L}])'; // word end (digits may follow: slot88)

const KUAT: readonly string[] = [
  'slot\\s*(?:gacor|online|88|777|\\d{2,}|demo|thailand|server|maxwin|resmi|terpercaya|dana|pulsa|zeus)',
  'situs\\s*(?:slot|togel|toto|gacor)',
  '(?:link|akun)\\s*(?:slot|togel|toto|gacor|alternatif\\s*(?:slot|togel|toto))',
  'maxwin',
  'togel',
  'sbobet',
  'judi\\s*(?:slot|bola|togel|online\\s*terpercaya|terpercaya)',
  '(?:bandar|agen)\\s*(?:togel|judi|slot|bola|casino|toto)',
  '(?:toto|togel)\\s*(?:macau|sgp|singapore|hk|hongkong|sdy|sydney|4d|online|\\d+)',
  'rtp\\s*(?:live|slot|gacor)',
  'scatter\\s*(?:hitam|mahjong)',
  'mahjong\\s*ways',
  'pragmatic\\s*play',
  'gates\\s*of\\s*olympus',
  'starlight\\s*princess',
  'zeus\\s*(?:slot|gacor|olympus)',
  '(?:casino|kasino)\\s*online',
  '(?:depo|deposit)\\s*\\d+\\s*(?:k|rb|ribu)',
  '(?:slot|gacor)\\s*(?:hari\\s*ini)',
];
// biome-ignore format: a word list
const LEMAH: readonly string[] = [
  'slot', 'judi', 'judol', 'toto', 'zeus', 'rtp', 'bandar', 'scatter', 'casino', 'kasino', 'pragmatic',
  'jackpot', 'taruhan', 'poker', 'gacor', 'bet', 'spin', 'deposit',
];

const POLA_KUAT = new RegExp(`${B}(?:${KUAT.join('|')})${E}`, 'giu');
const POLA_LEMAH = new RegExp(`${B}(?:${LEMAH.join('|')})${E}`, 'giu');

export function normalisasi(teks: string): string {
  return teks
    .normalize('NFKC')
    .replace(/[\u00ad\u200b-\u200f\u2060\ufeff]/g, '')
    .toLowerCase();
}

function cari(pola: RegExp, teks: string, hasil: Set<string>): void {
  for (const m of normalisasi(teks).matchAll(pola)) hasil.add(m[0].replace(/\s+/g, ' ').trim());
}

/**
 * The gambling terms met (distinct, lower-case, at most 10): strong phrases in `teks` and `atribut`, ambiguous
 * words too in `tautanAsing` (text + address of each link to an unknown site).
 */
export function kataJudi(teks: string, tautanAsing: readonly string[], atribut: readonly string[] = []): string[] {
  const hasil = new Set<string>();
  for (const t of [teks, ...atribut, ...tautanAsing]) cari(POLA_KUAT, t, hasil);
  // an address's words are separated by dots, dashes and slashes: slot-gacor.xyz/daftar
  for (const t of tautanAsing) cari(POLA_LEMAH, t.replace(/[./_-]+/g, ' '), hasil);
  return [...hasil].slice(0, 10);
}
