import type { Db } from '#src/lib/db/connect.js';
import { nowIso } from '#src/lib/db/time.js';
import { publishedQuery } from './konten.public.js';
import type { JenisArtikel } from './konten.table.js';

export const PER_HALAMAN_PUBLIK = 10;

/** One page of published items of a kind (optionally of one category), newest first (agenda: by event date). */
export async function listPublik(
  db: Db,
  desaKode: string,
  jenis: JenisArtikel,
  opsi: { kategoriId?: number; halaman: number },
) {
  let q = publishedQuery(db, desaKode, jenis, nowIso());
  if (opsi.kategoriId !== undefined) q = q.where('a.kategori_id', '=', opsi.kategoriId);
  const sorted =
    jenis === 'agenda'
      ? q.orderBy('a.agenda_mulai', 'desc')
      : jenis === 'produk-hukum'
        ? q.orderBy('a.hukum_tahun', 'desc').orderBy('a.hukum_nomor', 'desc')
        : q.orderBy('a.terbit_pada', 'desc');
  const [rows, total] = await Promise.all([
    sorted
      .orderBy('a.id', 'desc')
      .select([
        'a.id',
        'a.judul',
        'a.slug',
        'a.ringkasan',
        'a.terbit_pada',
        'a.agenda_mulai',
        'a.agenda_selesai',
        'a.agenda_tempat',
        'a.hukum_jenis',
        'a.hukum_nomor',
        'a.hukum_tahun',
        'a.ppid_kategori',
        'g.berkas as g_berkas',
        'g.varian as g_varian',
        'g.lebar as g_lebar',
        'g.tinggi as g_tinggi',
      ])
      .limit(PER_HALAMAN_PUBLIK)
      .offset((opsi.halaman - 1) * PER_HALAMAN_PUBLIK)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}
export type ItemPublik = Awaited<ReturnType<typeof listPublik>>['rows'][number];

/** A published article by its slug, with its main picture, attachment and category; undefined if not public. */
export function findPublik(db: Db, desaKode: string, slug: string) {
  const now = nowIso();
  return db
    .selectFrom('artikel as a')
    .leftJoin('media as g', 'g.id', 'a.gambar_id')
    .leftJoin('media as l', 'l.id', 'a.lampiran_id')
    .leftJoin('kategori_artikel as k', 'k.id', 'a.kategori_id')
    .where('a.desa_kode', '=', desaKode)
    .where('a.slug', '=', slug)
    .where('a.status', 'in', ['terbit', 'terjadwal'])
    .where('a.terbit_pada', '<=', now)
    .select([
      'a.id',
      'a.jenis',
      'a.judul',
      'a.slug',
      'a.ringkasan',
      'a.isi_html',
      'a.terbit_pada',
      'a.diperbarui_pada',
      'a.agenda_mulai',
      'a.agenda_selesai',
      'a.agenda_tempat',
      'a.hukum_jenis',
      'a.hukum_nomor',
      'a.hukum_tahun',
      'a.ppid_kategori',
      'g.berkas as g_berkas',
      'g.varian as g_varian',
      'g.lebar as g_lebar',
      'g.tinggi as g_tinggi',
      'l.berkas as l_berkas',
      'l.ukuran as l_ukuran',
      'k.nama as k_nama',
      'k.slug as k_slug',
    ])
    .executeTakeFirst();
}
export type ArtikelPublik = NonNullable<Awaited<ReturnType<typeof findPublik>>>;
