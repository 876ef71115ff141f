import type { Messages } from '#src/lib/i18n/messages.js';

/**
 * "Kecamatan Kaliori", "Desa Meteseh", but "Kabupaten Rembang" as is: kabupaten/kota names in the official
 * codes already carry their prefix.
 */
export function regionTitle(m: Messages, tingkat: string, nama: string): string {
  if (tingkat === 'kabupaten' || tingkat === 'kota') return nama;
  const word = m.tingkat[tingkat];
  return word ? `${word} ${nama}` : nama;
}

export function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
