import type { Actor } from '#src/lib/audit/audit.js';
import { audit } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { nowIso } from '#src/lib/db/time.js';
import { invalid } from '#src/lib/errors.js';
import * as repo from './notifikasi.repository.js';
import { JENIS_NOTIFIKASI, type JenisNotifikasi, PLACEHOLDER, TEMPLAT_BAWAAN } from './notifikasi-templat.js';

export interface BarisTemplat {
  jenis: JenisNotifikasi;
  subjek: string;
  teks: string;
  diubah: boolean;
}

/** Every event's wording for a desa: its own where set, else the installation default. */
export async function daftarTemplat(db: Db, desaKode: string): Promise<BarisTemplat[]> {
  const own = await db
    .selectFrom('notifikasi_templat')
    .where('desa_kode', '=', desaKode)
    .select(['jenis', 'subjek', 'teks'])
    .execute();
  return JENIS_NOTIFIKASI.map((jenis) => {
    const row = own.find((r) => r.jenis === jenis);
    return { jenis, ...(row ?? TEMPLAT_BAWAAN[jenis]), diubah: row !== undefined };
  });
}

/** Placeholders the event does not offer: a typo would reach residents as "{nmaa}". */
function isianAsing(jenis: JenisNotifikasi, teks: string): string | null {
  for (const [, key] of teks.matchAll(/\{([a-z_]+)\}/g))
    if (!PLACEHOLDER[jenis].includes(key as string)) return key as string;
  return null;
}

export async function simpanTemplat(
  db: Db,
  actor: Actor,
  desaKode: string,
  input: { jenis: JenisNotifikasi; subjek: string; teks: string },
): Promise<void> {
  const asingSubjek = isianAsing(input.jenis, input.subjek);
  const asingTeks = isianAsing(input.jenis, input.teks);
  if (asingSubjek || asingTeks)
    throw invalid({
      ...(asingSubjek ? { subjek: `notifikasiTempatIsian|${asingSubjek}` } : {}),
      ...(asingTeks ? { teks: `notifikasiTempatIsian|${asingTeks}` } : {}),
    });
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    const before = await repo.templatDesa(trx, desaKode, input.jenis);
    await trx
      .insertInto('notifikasi_templat')
      .values({
        desa_kode: desaKode,
        jenis: input.jenis,
        subjek: input.subjek,
        teks: input.teks,
        diperbarui_oleh: actor.username,
        diperbarui_pada: now,
      })
      .onConflict((oc) =>
        oc.columns(['desa_kode', 'jenis']).doUpdateSet({
          subjek: input.subjek,
          teks: input.teks,
          diperbarui_oleh: actor.username,
          diperbarui_pada: now,
        }),
      )
      .execute();
    await audit.record(trx, actor, {
      aksi: 'ubah-templat',
      entitas: 'notifikasi',
      entitasId: input.jenis,
      desaKode,
      perubahan: { teks: [before?.teks ?? null, input.teks], subjek: [before?.subjek ?? null, input.subjek] },
    });
  });
}

export async function kembalikanTemplat(db: Db, actor: Actor, desaKode: string, jenis: JenisNotifikasi) {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('notifikasi_templat').where('desa_kode', '=', desaKode).where('jenis', '=', jenis).execute();
    await audit.record(trx, actor, { aksi: 'templat-bawaan', entitas: 'notifikasi', entitasId: jenis, desaKode });
  });
}
