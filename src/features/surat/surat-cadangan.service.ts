import type { Actor } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { invalid } from '#src/lib/errors.js';
import { listUrut } from './nomor/nomor.repository.js';
import { lingkupNomor, listCadangan, reserveNomor } from './nomor/nomor.service.js';
import { readSetelanNomor } from './nomor/setelan.service.js';
import { findJenisBySlug, listJenisForDesa } from './surat-jenis.repository.js';
import { ensureJenisBawaan } from './surat-jenis.service.js';
import type { CadanganForm } from './surat-setelan.schema.js';
import { kodeDesaNomor } from './surat-setelan.service.js';

/**
 * Numbers reserved for letters made outside Balai (typed by hand, a letter the system has no type for): taken
 * from the same counter the letters use, so Balai never hands them out again.
 */

/** The types a desa may number (not switched off), for the form's list. */
export async function jenisUntukCadangan(db: Db, desaKode: string) {
  await ensureJenisBawaan(db);
  const rows = await listJenisForDesa(db, desaKode);
  return rows
    .filter((r) => r.aktif === 1 && r.nonaktif_desa !== 1)
    .map((r) => ({ slug: r.slug, kode: r.kode, nama: r.nama }));
}

/** Reserve the numbers asked for in the form; the letter code decides the counter when numbering per type. */
export async function cadangkanNomor(db: Db, actor: Actor, desaKode: string, input: CadanganForm) {
  const setelan = await readSetelanNomor(db, desaKode);
  let kodeSurat = input.kode_lain;
  let format = setelan.format;
  if (!kodeSurat) {
    const pilihan = await jenisUntukCadangan(db, desaKode);
    const jenis = pilihan.find((j) => j.slug === input.jenis)
      ? await findJenisBySlug(db, input.jenis ?? '')
      : undefined;
    if (!jenis) throw invalid({ jenis: 'Pilih jenis surat, atau tulis kode surat lain.' });
    kodeSurat = jenis.kode;
    format = jenis.format_nomor ?? format;
  }
  return reserveNomor(db, actor, {
    desaKode,
    lingkup: lingkupNomor(setelan.penomoran, kodeSurat),
    tahun: Number(input.tanggal.slice(0, 4)),
    jumlah: input.jumlah,
    keterangan: input.keterangan,
    format,
    kodeSurat,
    kodeDesa: kodeDesaNomor(desaKode),
    tanggal: input.tanggal,
    ...(input.mulai === undefined ? {} : { mulai: input.mulai }),
  });
}

/** The reservations of a year and the counters' last numbers. */
export async function daftarCadangan(db: Db, desaKode: string, tahun: number) {
  const [cadangan, urut] = await Promise.all([listCadangan(db, desaKode, tahun), listUrut(db, desaKode, tahun)]);
  return { cadangan, urut };
}
