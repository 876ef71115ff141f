import { periksaKonten, type Temuan } from '#src/domain/konten-terlarang.js';
import { domainDikenal, type KontenEnv } from '#src/features/konten/konten-domain.js';
import { audit, systemActor } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { DEFAULT_TIME_ZONE, startOfLocalDay } from '#src/lib/time-zone.js';
import * as repo from './konten-jaga.repository.js';
import { tahanKonten } from './konten-jaga.service.js';

const HALAMAN = 200;
const PEMINDAI = systemActor('pindai-konten');

/** Findings of the raw submitted HTML and of the published (sanitised) HTML together, without repeats. */
function temuanArtikel(a: { isi_mentah: string; isi_html: string }, dikenal: string[]): Temuan[] {
  const semua = [
    ...periksaKonten(a.isi_mentah, { domainDikenal: dikenal }),
    ...periksaKonten(a.isi_html, { domainDikenal: dikenal }),
  ];
  const unik = new Map(semua.map((t) => [`${t.jenis}\u0000${t.detail}`, t]));
  return [...unik.values()];
}

/**
 * The nightly scan: every published article checked again (the guard's rules may have grown, and the published
 * HTML may have been changed behind the application's back, e.g. in the database). Articles with findings not
 * already released by an admin are held ('ditahan', audited as the system) for review.
 */
export async function pindaiKontenTerbit(db: Db, env: KontenEnv): Promise<{ diperiksa: number; ditahan: number }> {
  const dikenalPerDesa = new Map<string, string[]>();
  let diperiksa = 0;
  let ditahan = 0;
  let setelah = 0;
  for (;;) {
    const halaman = await repo.artikelTerbit(db, setelah, HALAMAN);
    if (halaman.length === 0) break;
    for (const a of halaman) {
      setelah = a.id;
      diperiksa++;
      let dikenal = dikenalPerDesa.get(a.desa_kode);
      if (!dikenal) {
        dikenal = await domainDikenal(db, env, a.desa_kode);
        dikenalPerDesa.set(a.desa_kode, dikenal);
      }
      const temuan = temuanArtikel(a, dikenal);
      if (temuan.length === 0) continue;
      const tahan = await db.transaction().execute(async (trx) => {
        const kini = await repo.findArtikelStatus(trx, a.desa_kode, a.id);
        if (kini?.status !== 'terbit') return false;
        const menunggu = await tahanKonten(trx, {
          desaKode: a.desa_kode,
          sumber: 'artikel',
          sumberId: a.id,
          temuan,
          kecualiDilepas: true,
        });
        if (menunggu === 0) return false;
        await repo.setArtikelStatus(trx, a.desa_kode, a.id, { status: 'ditahan' });
        await audit.record(trx, PEMINDAI, {
          aksi: 'tahan-konten',
          entitas: 'konten_temuan',
          entitasId: `artikel/${a.id}`,
          desaKode: a.desa_kode,
          perubahan: { status: ['terbit', 'ditahan'] },
          alasan: [...new Set(temuan.map((t) => t.jenis))].join(', '),
        });
        return true;
      });
      if (tahan) ditahan++;
    }
  }
  return { diperiksa, ditahan };
}

/** The next time the nightly scan runs: today's `jam`:00 in WIB if still ahead, else tomorrow's. */
export function waktuPindaiBerikut(sekarang: Date, jam: number, zona = DEFAULT_TIME_ZONE): Date {
  const hari = new Intl.DateTimeFormat('en-CA', { timeZone: zona, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(sekarang)
    .slice(0, 10);
  const hariIni = new Date(new Date(startOfLocalDay(hari, zona)).getTime() + jam * 3_600_000);
  return hariIni > sekarang ? hariIni : new Date(hariIni.getTime() + 86_400_000);
}

/**
 * Run the scan every night at `jam` (env BALAI_PINDAI_JAM, WIB) while the server runs; returns a stop function.
 * The timer does not keep the process alive.
 */
export function jadwalkanPindai(
  db: Db,
  env: KontenEnv & { BALAI_PINDAI_JAM: number },
  log: { info: (o: object, m: string) => void; error: (o: object, m: string) => void },
): () => void {
  let timer: NodeJS.Timeout | undefined;
  let berhenti = false;
  const berikut = () => {
    if (berhenti) return;
    const tunggu = waktuPindaiBerikut(new Date(), env.BALAI_PINDAI_JAM).getTime() - Date.now();
    timer = setTimeout(() => {
      pindaiKontenTerbit(db, env)
        .then(
          (hasil) => log.info(hasil, 'pindai konten selesai'),
          (err: unknown) => log.error({ err }, 'pindai konten gagal'),
        )
        .finally(berikut);
    }, tunggu);
    timer.unref();
  };
  berikut();
  return () => {
    berhenti = true;
    clearTimeout(timer);
  };
}
