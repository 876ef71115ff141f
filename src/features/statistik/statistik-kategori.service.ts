import { levelOf, type Tingkat } from '#src/domain/region-code.js';
import type { TabelStatistik } from '#src/domain/statistik-hitung.js';
import type { KategoriDef } from '#src/domain/statistik-kategori.js';
import { type LingkunganRow, listLingkungan } from '#src/features/lingkungan/lingkungan.repository.js';
import { unitAndBelow } from '#src/features/penduduk/penduduk-units.js';
import { findRegion } from '#src/features/wilayah/wilayah.service.js';
import { notFound } from '#src/lib/errors.js';
import { kategoriDef, type StatistikContext, tabelLingkungan, tabelWilayah } from './statistik.service.js';

export interface PilihanUnit {
  /** the desa's units the user may choose from (their own unit and below, or all) */
  units: LingkunganRow[];
  /** the unit counted, or null for the whole desa */
  dipilih: number | null;
  /** whether "whole desa" may be chosen */
  bolehSeluruh: boolean;
}

export interface KategoriHalaman {
  wilayah: { kode: string; nama: string; tingkat: Tingkat };
  def: KategoriDef;
  tabel: TabelStatistik;
  tanggal: string;
  /** null for a kecamatan/kabupaten, and for a desa user who may not see its parts (web editor) */
  unit: PilihanUnit | null;
}

export interface KategoriPermintaan {
  kode: string;
  slug: string;
  tanggal: string;
  /** the asked unit (?lingkungan=) */
  lingkungan: number | undefined;
  /** the unit a dusun/RW/RT-scoped user is limited to (null: desa-wide) */
  unitSendiri: number | null;
  /** may the user see figures of this part of the desa (its dusun → … path)? */
  bolehBagian: (path: number[]) => boolean;
}

function pathOf(rows: readonly LingkunganRow[], id: number): number[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const path: number[] = [];
  for (let r = byId.get(id); r; r = r.induk_id === null ? undefined : byId.get(r.induk_id)) path.unshift(r.id);
  return path;
}

/**
 * One category of a region at a date, as the category page, its print version and its workbook show it. For a
 * desa, optionally limited to a dusun/RW/RT (and the units below it): a unit of another desa, or one the user
 * may not see, is "not found".
 */
export async function kategoriHalaman(ctx: StatistikContext, p: KategoriPermintaan): Promise<KategoriHalaman> {
  const def = kategoriDef(p.slug);
  const region = await findRegion(ctx.db, p.kode);
  if (!region) throw notFound('wilayahTidakDitemukan', { kode: p.kode });
  const wilayah = { kode: region.kode, nama: region.nama, tingkat: region.tingkat as Tingkat };
  if (levelOf(p.kode) < 3) {
    if (p.lingkungan !== undefined) throw notFound('lingkunganTidakDitemukan');
    return { wilayah, def, tabel: await tabelWilayah(ctx, p.kode, p.slug, p.tanggal), tanggal: p.tanggal, unit: null };
  }

  const rows = await listLingkungan(ctx.db, p.kode);
  const dipilih = p.lingkungan ?? p.unitSendiri;
  if (dipilih !== null) {
    if (!rows.some((r) => r.id === dipilih) || !p.bolehBagian(pathOf(rows, dipilih)))
      throw notFound('lingkunganTidakDitemukan');
    const ids = new Set(unitAndBelow(rows, dipilih));
    const tabel = await tabelLingkungan(ctx, p.kode, ids, p.slug, p.tanggal);
    const sendiri = p.unitSendiri === null ? null : new Set(unitAndBelow(rows, p.unitSendiri));
    const boleh = sendiri === null ? rows : rows.filter((r) => sendiri.has(r.id));
    return {
      wilayah,
      def,
      tabel,
      tanggal: p.tanggal,
      unit: { units: boleh, dipilih, bolehSeluruh: p.unitSendiri === null },
    };
  }
  const tabel = await tabelWilayah(ctx, p.kode, p.slug, p.tanggal);
  const unit = p.bolehBagian([]) ? { units: rows, dipilih: null, bolehSeluruh: true } : null;
  return { wilayah, def, tabel, tanggal: p.tanggal, unit };
}
