import { todayIn } from '#src/domain/age.js';
import { beritahu } from '#src/features/notifikasi/notifikasi.service.js';
import type { ArahPesan } from '#src/features/permohonan/permohonan.table.js';
import type { Actor } from '#src/lib/audit/audit.js';
import { audit } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { nowIso } from '#src/lib/db/time.js';
import { notFound, tooManyRequests } from '#src/lib/errors.js';

/** Most messages a resident sends in a day (a phone left open must not flood the office). */
export const PESAN_HARIAN = 20;

/** The conversation of one resident with their desa, oldest first. */
export function percakapan(db: Db, desaKode: string, pendudukId: number) {
  return db
    .selectFrom('warga_pesan')
    .select(['id', 'arah', 'isi', 'permohonan_id', 'dibaca', 'oleh', 'dibuat_pada'])
    .where('desa_kode', '=', desaKode)
    .where('penduduk_id', '=', pendudukId)
    .orderBy('id', 'asc')
    .limit(500)
    .execute();
}

/** Mark the other side's messages read when one side opens the conversation. */
export async function tandaiDibaca(db: Db, desaKode: string, pendudukId: number, dari: ArahPesan) {
  await db
    .updateTable('warga_pesan')
    .set({ dibaca: 1 })
    .where('desa_kode', '=', desaKode)
    .where('penduduk_id', '=', pendudukId)
    .where('arah', '=', dari)
    .where('dibaca', '=', 0)
    .execute();
}

/**
 * Store a message and tell the other side through the notification outbox. `arah` 'warga': the resident wrote
 * (limited per day); 'desa': a staff member (`oleh`) replied.
 */
export async function kirimPesan(
  db: Db,
  actor: Actor,
  m: { desaKode: string; pendudukId: number; arah: ArahPesan; isi: string; permohonanId?: number | null },
) {
  // a message belongs to a resident of that desa (the office can only write to its own residents)
  const orang = await db.selectFrom('penduduk').select('desa_kode').where('id', '=', m.pendudukId).executeTakeFirst();
  if (orang?.desa_kode !== m.desaKode) throw notFound();
  if (m.arah === 'warga') {
    const hari = todayIn();
    const n = await db
      .selectFrom('warga_pesan')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('penduduk_id', '=', m.pendudukId)
      .where('arah', '=', 'warga')
      .where('dibuat_pada', '>=', `${hari}T00:00:00`)
      .executeTakeFirst();
    if (Number(n?.n ?? 0) >= PESAN_HARIAN) throw tooManyRequests(3600, 'pesanTerlaluSering');
  }
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('warga_pesan')
      .values({
        desa_kode: m.desaKode,
        penduduk_id: m.pendudukId,
        arah: m.arah,
        isi: m.isi,
        permohonan_id: m.permohonanId ?? null,
        dibaca: 0,
        oleh: m.arah === 'desa' ? actor.username : null,
        dibuat_pada: nowIso(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit.record(trx, actor, {
      aksi: m.arah === 'warga' ? 'pesan-warga' : 'pesan-desa',
      entitas: 'warga_pesan',
      entitasId: row.id,
      desaKode: m.desaKode,
    });
  });
  // 'pesan-desa': a resident wrote to the desa; 'pesan-warga': the desa replied to the resident
  await beritahu(db, {
    jenis: m.arah === 'warga' ? 'pesan-desa' : 'pesan-warga',
    desaKode: m.desaKode,
    pendudukId: m.pendudukId,
  });
}

/** The office's inbox: residents who wrote, newest conversation first, with their unread count. */
export async function kotakPesanDesa(db: Db, desaKode: string) {
  return db
    .selectFrom('warga_pesan as w')
    .innerJoin('penduduk as p', 'p.id', 'w.penduduk_id')
    .select((eb) => [
      'w.penduduk_id',
      'p.nama',
      eb.fn.max('w.id').as('terakhir'),
      eb.fn.max('w.dibuat_pada').as('pada'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.and([eb('w.arah', '=', 'warga'), eb('w.dibaca', '=', 0)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('belum'),
    ])
    .where('w.desa_kode', '=', desaKode)
    .groupBy(['w.penduduk_id', 'p.nama'])
    .orderBy('terakhir', 'desc')
    .limit(200)
    .execute();
}
