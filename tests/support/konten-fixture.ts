import { isoToLocal } from '#src/features/konten/konten-waktu.js';

/** Test helper (used by this feature's tests and the route matrix): a form body for the article editor. */
export function artikelForm(over: Record<string, string> = {}): Record<string, string> {
  return {
    jenis: 'berita',
    judul: 'Jalan desa selesai dibangun',
    isi: '<p>Warga gotong royong.</p>',
    intent: 'simpan',
    ...over,
  };
}

/** The id of the article a 303 from the editor points at. */
export function idDari(location: unknown): number {
  const m = /\/artikel\/(\d+)$/.exec(String(location));
  if (!m) throw new Error(`bukan alamat artikel: ${String(location)}`);
  return Number(m[1]);
}

/** A `datetime-local` value `minutes` from now (desa time). */
export function waktuLokal(minutes: number): string {
  return isoToLocal(new Date(Date.now() + minutes * 60_000).toISOString());
}
