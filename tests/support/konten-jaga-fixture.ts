import { periksaKonten } from '#src/domain/konten-terlarang.js';
import { tahanKonten } from '#src/features/konten-jaga/konten-jaga.service.js';
import type { Db } from '#src/lib/db/connect.js';
import { nowIso } from '#src/lib/db/time.js';

/** The shape of the 2024 injections: a normal article with a hidden block of gambling links appended. */
export const SUNTIKAN =
  '<p>Kerja bakti</p><div style="display:none"><a href="https://slot-gacor.example/">slot gacor</a><a href="https://toto.example/">toto macau</a></div>';

let seq = 0;
/** An article row as the content feature stores it (raw and sanitised HTML). */
export async function insertArtikel(
  db: Db,
  desaKode: string,
  v: {
    judul?: string;
    status: 'draf' | 'terjadwal' | 'terbit' | 'ditahan';
    mentah: string;
    html?: string;
    terbitPada?: string | null;
  },
): Promise<number> {
  const now = nowIso();
  seq++;
  const row = await db
    .insertInto('artikel')
    .values({
      desa_kode: desaKode,
      jenis: 'berita',
      kategori_id: null,
      judul: v.judul ?? `Artikel ${seq}`,
      slug: `artikel-${seq}-${Math.random().toString(36).slice(2, 8)}`,
      ringkasan: null,
      isi_html: v.html ?? '<p>Kerja bakti</p>',
      isi_mentah: v.mentah,
      status: v.status,
      terbit_pada: v.terbitPada === undefined ? now : v.terbitPada,
      agenda_mulai: null,
      agenda_selesai: null,
      agenda_tempat: null,
      hukum_jenis: null,
      hukum_nomor: null,
      hukum_tahun: null,
      ppid_kategori: null,
      gambar_id: null,
      lampiran_id: null,
      dibuat_oleh: 'editor',
      dibuat_pada: now,
      diperbarui_oleh: 'editor',
      diperbarui_pada: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Hold an article the way the content service does when its guard finds something. */
export async function tahanArtikel(db: Db, desaKode: string, judul: string, terbitPada?: string | null) {
  const id = await insertArtikel(db, desaKode, { judul, status: 'ditahan', mentah: SUNTIKAN, terbitPada });
  const temuan = periksaKonten(SUNTIKAN, { domainDikenal: [] });
  await db.transaction().execute((trx) => tahanKonten(trx, { desaKode, sumber: 'artikel', sumberId: id, temuan }));
  return id;
}
