import type { Db } from '#src/lib/db/connect.js';
import { nowIso } from '#src/lib/db/time.js';

export async function insertPair(
  db: Db,
  a: number,
  b: number,
  alasan: 'nama_tanggal_lahir' | 'nama_ibu',
): Promise<void> {
  const [low, high] = a < b ? [a, b] : [b, a];
  await db
    .insertInto('duplikat')
    .values({
      penduduk_a: low,
      penduduk_b: high,
      alasan,
      status: 'terbuka',
      dibuat_pada: nowIso(),
      ditinjau_oleh: null,
      ditinjau_pada: null,
    })
    .onConflict((oc) => oc.columns(['penduduk_a', 'penduduk_b']).doNothing())
    .execute();
}
