import type { ItemKonten } from '#src/features/konten/konten.public.js';
import { beritaTerbaru, pengumumanAktif } from '#src/features/konten/konten.public.js';
import { namaDesa } from '#src/features/mandiri/mandiri-desa.js';
import { type StatistikContext, statistikWilayah } from '#src/features/statistik/statistik.service.js';
import { type AngkaPokok, angkaPokok } from '#src/features/statistik/statistik-rincian.js';

/** What the kiosk's home page shows about its desa: office details, population figures, announcements, news. */
export interface InfoDesa {
  nama: string;
  alamat: string | null;
  telepon: string | null;
  kepalaDesa: string | null;
  jamLayanan: string | null;
  angka: AngkaPokok;
  pengumuman: ItemKonten[];
  berita: ItemKonten[];
}

export async function infoDesa(ctx: StatistikContext, desaKode: string): Promise<InfoDesa> {
  const { db } = ctx;
  const [nama, desa, situs, stat, pengumuman, berita] = await Promise.all([
    namaDesa(db, desaKode),
    db.selectFrom('desa').select(['alamat', 'telepon', 'kepala_desa']).where('kode', '=', desaKode).executeTakeFirst(),
    db.selectFrom('situs_pengaturan').select('jam_layanan').where('desa_kode', '=', desaKode).executeTakeFirst(),
    statistikWilayah(ctx, desaKode),
    pengumumanAktif(db, desaKode, 3),
    beritaTerbaru(db, desaKode, 3),
  ]);
  return {
    nama,
    alamat: desa?.alamat ?? null,
    telepon: desa?.telepon ?? null,
    kepalaDesa: desa?.kepala_desa ?? null,
    jamLayanan: situs?.jam_layanan ?? null,
    angka: angkaPokok(stat.hitungan),
    pengumuman,
    berita,
  };
}
