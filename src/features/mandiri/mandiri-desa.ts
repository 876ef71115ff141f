import type { Db } from '#src/lib/db/connect.js';
import { nowIso } from '#src/lib/db/time.js';

/** "Desa Meteseh": the desa's local title (desa, kelurahan, …) and its name from the region list. */
export async function namaDesa(db: Db, kode: string): Promise<string> {
  const row = await db
    .selectFrom('desa')
    .innerJoin('wilayah', 'wilayah.kode', 'desa.kode')
    .select(['desa.sebutan', 'wilayah.nama'])
    .where('desa.kode', '=', kode)
    .executeTakeFirst();
  if (!row) return kode;
  const title = row.sebutan.charAt(0).toUpperCase() + row.sebutan.slice(1);
  return `${title} ${row.nama}`;
}

/** Whether the desa offers layanan mandiri (no settings row yet: on). */
export async function layananAktif(db: Db, kode: string): Promise<boolean> {
  const row = await db.selectFrom('mandiri_desa').select('aktif').where('desa_kode', '=', kode).executeTakeFirst();
  return row ? row.aktif === 1 : true;
}

export async function aturLayanan(db: Db, kode: string, aktif: boolean, oleh: string): Promise<void> {
  const now = nowIso();
  await db
    .insertInto('mandiri_desa')
    .values({
      desa_kode: kode,
      aktif: aktif ? 1 : 0,
      pendaftaran_mandiri: 0,
      diperbarui_oleh: oleh,
      diperbarui_pada: now,
    })
    .onConflict((oc) =>
      oc.column('desa_kode').doUpdateSet({ aktif: aktif ? 1 : 0, diperbarui_oleh: oleh, diperbarui_pada: now }),
    )
    .execute();
}
