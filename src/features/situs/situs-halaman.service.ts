import {
  agendaMendatang,
  beritaTerbaru,
  type ItemKonten,
  pengumumanAktif,
} from '#src/features/konten/konten.public.js';
import { getTree, type LingkunganNode } from '#src/features/lingkungan/lingkungan.service.js';
import {
  hariIni,
  type StatistikContext,
  statDesa,
  statistikWilayah,
  tabelWilayah,
} from '#src/features/statistik/statistik.service.js';
import { type AngkaPokok, angkaPokok, jumlahkan } from '#src/features/statistik/statistik-rincian.js';
import type { Db } from '#src/lib/db/connect.js';
import { capitalise } from '#src/lib/views/region-title.js';
import * as repo from './situs.repository.js';
import type { Situs } from './situs-context.js';

/** What each public page shows, gathered from the registry's statistics, the content feature and the site's own tables. */

export interface Beranda {
  tanggal: string;
  angka: AngkaPokok;
  berita: ItemKonten[];
  pengumuman: ItemKonten[];
  agenda: ItemKonten[];
}

export async function berandaDesa(ctx: StatistikContext, kode: string): Promise<Beranda> {
  const [stat, berita, pengumuman, agenda] = await Promise.all([
    statistikWilayah(ctx, kode),
    beritaTerbaru(ctx.db, kode, 5),
    pengumumanAktif(ctx.db, kode, 3),
    agendaMendatang(ctx.db, kode, 3),
  ]);
  return { tanggal: stat.tanggal, angka: angkaPokok(stat.hitungan), berita, pengumuman, agenda };
}

export interface DesaDiPortal {
  kode: string;
  nama: string;
  kecamatan: string;
  /** absolute URL on its own host, or the /situs path */
  href: string;
  angka: AngkaPokok;
}

export interface Portal {
  tanggal: string;
  angka: AngkaPokok;
  desa: DesaDiPortal[];
  berita: ItemKonten[];
}

/** A kecamatan or kabupaten portal: its active desa with their figures (summed live) and their newest news. */
export async function portalWilayah(ctx: StatistikContext, situs: Situs, proto: string): Promise<Portal> {
  const rows = await repo.listDesaAktif(ctx.db, situs.kode);
  const kodes = rows.map((r) => r.kode);
  const tanggal = hariIni();
  const [stat, berita] = await Promise.all([statDesa(ctx, kodes, tanggal), beritaTerbaru(ctx.db, kodes, 8)]);
  const desa = rows.map((r, i) => ({
    kode: r.kode,
    nama: `${capitalise(r.sebutan)} ${r.nama}`,
    kecamatan: r.kecamatan,
    href: r.host ? `${proto}://${r.host}/` : `/situs/${r.kode}`,
    angka: angkaPokok((stat[i] as (typeof stat)[number]).hitungan),
  }));
  return { tanggal, angka: jumlahkan(desa.map((x) => x.angka)), desa, berita };
}

/** The link of a desa's news item on a portal: on the desa's site. */
export function hrefBeritaPortal(item: ItemKonten, desa: readonly DesaDiPortal[]): string {
  const d = desa.find((x) => x.kode === item.desaKode);
  if (!d) return `/situs/${item.desaKode}${item.href}`;
  return d.href.startsWith('/') ? `${d.href}${item.href}` : `${d.href.replace(/\/$/, '')}${item.href}`;
}

export interface Profil {
  desa: repo.DesaSitusRow;
  pengaturan: Awaited<ReturnType<typeof repo.findPengaturan>>;
  perangkat: Awaited<ReturnType<typeof repo.listPerangkat>>;
  lembaga: Awaited<ReturnType<typeof repo.listLembaga>>;
  dusun: { nama: string; rw: number; rt: number }[];
  jumlah: { dusun: number; rw: number; rt: number };
}

function hitungUnit(node: LingkunganNode, tingkat: 'rw' | 'rt'): number {
  return node.anak.reduce((n, c) => n + (c.tingkat === tingkat ? 1 : 0) + hitungUnit(c, tingkat), 0);
}

export async function profilDesa(db: Db, kode: string): Promise<Profil> {
  const [desa, pengaturan, perangkat, lembaga, tree] = await Promise.all([
    repo.findDesaSitus(db, kode),
    repo.findPengaturan(db, kode),
    repo.listPerangkat(db, kode),
    repo.listLembaga(db, kode),
    getTree(db, kode),
  ]);
  if (!desa) throw new Error(`desa ${kode} hilang`);
  const dusun = tree.map((d) => ({ nama: d.nama, rw: hitungUnit(d, 'rw'), rt: hitungUnit(d, 'rt') }));
  const jumlah = {
    dusun: dusun.length,
    rw: dusun.reduce((n, d) => n + d.rw, 0),
    rt: dusun.reduce((n, d) => n + d.rt, 0),
  };
  return { desa, pengaturan, perangkat, lembaga, dusun, jumlah };
}

export { tabelWilayah };
