import { todayIn } from '#src/domain/age.js';
import { formatNomor } from '#src/domain/nomor-surat.js';
import type { Db } from '#src/lib/db/connect.js';
import type { FileStore } from '#src/lib/storage.js';
import { readSetelanNomor } from './nomor/setelan.service.js';
import { isianContoh, subjekContoh } from './surat-contoh.js';
import type { JenisSurat } from './surat-jenis.schema.js';
import { type DesaInfo, loadDesaInfo } from './surat-konteks.js';
import { penandatanganUntuk, renderSurat } from './surat-pdf.service.js';
import { kodeDesaNomor } from './surat-setelan.service.js';
import { berlakuSampai } from './surat-waktu.js';

/**
 * Template previews: the typed body rendered as a full letter (letterhead, number, signature block) with
 * made-up people and answers, marked DRAF, never stored. A desa previews with its own letterhead; the kabupaten
 * with a sample desa of its own.
 */

/** A desa for kabupaten previews: the kabupaten's real names, the desa part plainly a sample. */
export async function desaContoh(db: Db, kabupatenKode: string): Promise<DesaInfo> {
  const wilayah = await db
    .selectFrom('wilayah as kab')
    .leftJoin('wilayah as prov', 'prov.kode', 'kab.induk')
    .select(['kab.nama as kabupaten', 'prov.nama as provinsi'])
    .where('kab.kode', '=', kabupatenKode)
    .executeTakeFirst();
  return {
    kode: `${kabupatenKode}.01.2001`,
    nama: 'Contoh',
    sebutan: 'desa',
    sebutanDusun: 'dusun',
    kecamatan: 'Contoh',
    kabupaten: wilayah?.kabupaten ?? 'Kabupaten Contoh',
    provinsi: wilayah?.provinsi ?? 'Provinsi Contoh',
    alamat: 'Jl. Balai Desa No. 1',
    kodePos: '',
    telepon: '',
    email: '',
    situs: '',
    kepalaDesa: 'Nama Kepala Desa',
    nipKepalaDesa: null,
    logo: null,
  };
}

export interface Pratinjau {
  pdf: Uint8Array;
  halaman: number;
  /** tokens the text uses that this type does not know (printed as typed) */
  unknown: string[];
}

/** Render `template` as the body of a letter of type `def` for `desa`, with sample data. */
export async function renderPratinjau(db: Db, desa: DesaInfo, def: JenisSurat, template: string): Promise<Pratinjau> {
  const tanggal = todayIn();
  const setelan = await readSetelanNomor(db, desa.kode);
  const nomor = formatNomor(def.format_nomor ?? setelan.format, {
    kodeSurat: def.kode,
    urut: 7,
    kodeDesa: kodeDesaNomor(desa.kode),
    tanggal,
  });
  const { pdf, halaman, unknown } = await renderSurat(
    db,
    {
      jenis: { id: 0, def, template, templateDesa: true },
      desa,
      subjek: subjekContoh(def),
      isian: isianContoh(def, tanggal),
      nomor,
      tanggal,
      berlakuSampai: berlakuSampai(tanggal, def.masa_berlaku, def.satuan_masa_berlaku),
      penandatangan: penandatanganUntuk(desa, 'kades', 'Nama Kepala Desa'),
    },
    { qr: null, draf: true },
  );
  return { pdf, halaman, unknown };
}

export async function renderPratinjauDesa(
  db: Db,
  files: FileStore,
  desaKode: string,
  def: JenisSurat,
  template: string,
) {
  return renderPratinjau(db, await loadDesaInfo(db, files, desaKode), def, template);
}
