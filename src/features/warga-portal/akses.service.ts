import type { Db } from '#src/lib/db/connect.js';

/** Reads of a person's data as the audit trail records them (penduduk detail 'baca', its print 'cetak'). */
const AKSI_BACA = ['baca', 'cetak'] as const;

export interface AksesBaris {
  waktu: string;
  petugas: string;
  peran: string | null;
  entitas: 'penduduk' | 'keluarga' | 'warga_dokumen';
  aksi: string;
}

/**
 * Who among the staff opened this resident's full record, their family's record, or one of their documents,
 * straight from the audit trail: only rows whose entity id is the resident's own (or their family's, or their
 * documents'), only staff users (the resident's own actions have no pengguna_id), newest first. The staff
 * member's name and role; never another resident's data.
 */
export async function aksesData(db: Db, pendudukId: number, keluargaId: number | null, limit = 300) {
  const dokumen = (
    await db.selectFrom('warga_dokumen').select('id').where('penduduk_id', '=', pendudukId).execute()
  ).map((d) => String(d.id));
  const rows = await db
    .selectFrom('audit_log as a')
    .leftJoin('pengguna as u', 'u.id', 'a.pengguna_id')
    .select(['a.id', 'a.waktu', 'a.username', 'u.nama', 'a.peran', 'a.entitas', 'a.aksi'])
    .where('a.aksi', 'in', [...AKSI_BACA])
    .where('a.pengguna_id', 'is not', null)
    .where((eb) =>
      eb.or([
        eb.and([eb('a.entitas', '=', 'penduduk'), eb('a.entitas_id', '=', String(pendudukId))]),
        ...(keluargaId === null
          ? []
          : [eb.and([eb('a.entitas', '=', 'keluarga'), eb('a.entitas_id', '=', String(keluargaId))])]),
        ...(dokumen.length === 0
          ? []
          : [eb.and([eb('a.entitas', '=', 'warga_dokumen'), eb('a.entitas_id', 'in', dokumen)])]),
      ]),
    )
    .orderBy('a.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(
    (r): AksesBaris => ({
      waktu: String(r.waktu),
      petugas: r.nama ?? r.username ?? '',
      peran: r.peran,
      entitas: r.entitas as AksesBaris['entitas'],
      aksi: r.aksi,
    }),
  );
}
