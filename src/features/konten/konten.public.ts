import type { Db } from '#src/lib/db/connect.js';
import { nowIso } from '#src/lib/db/time.js';
import type { JenisArtikel } from './konten.table.js';
import { mediaPath, pickWidth, widthsOf } from './konten-media-url.js';

/** One item of a list on a site's home page, RSS feed or portal. Paths are site-relative: build links with situsHref. */
export interface ItemKonten {
  desaKode: string;
  judul: string;
  /** e.g. '/artikel/jalan-desa-selesai' */
  href: string;
  /** ISO: publish time; for agenda items the start of the event */
  tanggal: string;
  ringkasan: string | null;
  /** site-relative URL of a ~640 px JPEG of the main picture, e.g. '/media/…-640.jpg' */
  gambar: string | null;
}

const kodes = (desaKode: string | string[]) => (Array.isArray(desaKode) ? desaKode : [desaKode]);

/**
 * Published items of the given kind(s): status 'terbit', or 'terjadwal' whose publish time has come (visibility is
 * decided at query time, so a scheduled item appears on the minute without a background job).
 */
export function publishedQuery(db: Db, desaKode: string | string[], jenis: JenisArtikel, now = nowIso()) {
  return db
    .selectFrom('artikel as a')
    .leftJoin('media as g', 'g.id', 'a.gambar_id')
    .where('a.desa_kode', 'in', kodes(desaKode))
    .where('a.jenis', '=', jenis)
    .where('a.status', 'in', ['terbit', 'terjadwal'])
    .where('a.terbit_pada', '<=', now);
}

interface Row {
  desa_kode: string;
  judul: string;
  slug: string;
  terbit_pada: string | null;
  agenda_mulai: string | null;
  ringkasan: string | null;
  g_berkas: string | null;
  g_varian: unknown;
}

const columns = [
  'a.desa_kode',
  'a.judul',
  'a.slug',
  'a.terbit_pada',
  'a.agenda_mulai',
  'a.ringkasan',
  'g.berkas as g_berkas',
  'g.varian as g_varian',
] as const;

function toItem(r: Row, tanggal: string | null): ItemKonten {
  const width = r.g_berkas ? pickWidth(widthsOf(r.g_varian), 640) : null;
  return {
    desaKode: r.desa_kode,
    judul: r.judul,
    href: `/artikel/${r.slug}`,
    tanggal: tanggal ?? r.terbit_pada ?? '',
    ringkasan: r.ringkasan,
    gambar: r.g_berkas && width ? mediaPath(r.g_berkas, width, 'jpg') : null,
  };
}

/** The newest published news of one desa (or several, for a portal), newest first. */
export async function beritaTerbaru(db: Db, desaKode: string | string[], limit: number): Promise<ItemKonten[]> {
  if (kodes(desaKode).length === 0) return [];
  const rows = await publishedQuery(db, desaKode, 'berita')
    .select(columns)
    .orderBy('a.terbit_pada', 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => toItem(r, null));
}

/** Published announcements, newest first. */
export async function pengumumanAktif(db: Db, desaKode: string | string[], limit: number): Promise<ItemKonten[]> {
  if (kodes(desaKode).length === 0) return [];
  const rows = await publishedQuery(db, desaKode, 'pengumuman')
    .select(columns)
    .orderBy('a.terbit_pada', 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => toItem(r, null));
}

/** Published agenda items that have not ended yet, soonest first; `tanggal` is the event's start. */
export async function agendaMendatang(db: Db, desaKode: string | string[], limit: number): Promise<ItemKonten[]> {
  if (kodes(desaKode).length === 0) return [];
  const now = nowIso();
  const rows = await publishedQuery(db, desaKode, 'agenda', now)
    .where((eb) =>
      eb.or([
        eb('a.agenda_selesai', '>=', now),
        eb.and([eb('a.agenda_selesai', 'is', null), eb('a.agenda_mulai', '>=', now)]),
      ]),
    )
    .select(columns)
    .orderBy('a.agenda_mulai', 'asc')
    .orderBy('a.id', 'asc')
    .limit(limit)
    .execute();
  return rows.map((r) => toItem(r, r.agenda_mulai));
}
