import { checkFormat, FORMAT_NOMOR_BAWAAN, formatNomor } from '#src/domain/nomor-surat.js';
import { type Actor, audit } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { nowIso } from '#src/lib/db/time.js';
import { invalid } from '#src/lib/errors.js';
import * as repo from './nomor.repository.js';
import { allocateNomor, type KunciUrut } from './nomor.repository.js';
import { readSetelan } from './setelan.repository.js';

/**
 * Letter numbers (letters.md §4): numbering a letter by the desa's settings, and numbers reserved for letters
 * made outside Balai. The counter itself (allocateNomor) is in nomor.repository.ts.
 */

/** the counter lives in the repository; exported here too for the letter services */
export { allocateNomor, type KunciUrut } from './nomor.repository.js';
export type Penomoran = 'tunggal' | 'per_jenis';
export const PENOMORAN_BAWAAN: Penomoran = 'per_jenis';
/** reservations per request: enough for a week of typed letters, small enough to stop a slip of the finger */
export const CADANGAN_MAKS = 50;

/** The counter a letter draws from: '*' when the desa numbers all letters in one sequence, else its code. */
export function lingkupNomor(penomoran: Penomoran, kodeSurat: string): string {
  return penomoran === 'tunggal' ? '*' : kodeSurat;
}

export interface NomorSurat {
  lingkup: string;
  tahun: number;
  urut: number;
  /** the printed number */
  nomor: string;
}

/**
 * Number a letter at final approval, by the desa's settings (`penomoran`, `format_nomor`); `format` overrides
 * the setting (a type's own format). Same transaction rules as allocateNomor.
 */
export async function assignNomor(
  trx: Db,
  v: { desaKode: string; kodeSurat: string; kodeDesa: string; tanggal: string; format?: string | null },
): Promise<NomorSurat> {
  const penomoran = ((await readSetelan(trx, v.desaKode, 'penomoran')) ?? PENOMORAN_BAWAAN) as Penomoran;
  const lingkup = lingkupNomor(penomoran, v.kodeSurat);
  const tahun = Number(v.tanggal.slice(0, 4));
  const format = v.format || ((await readSetelan(trx, v.desaKode, 'format_nomor')) ?? FORMAT_NOMOR_BAWAAN);
  const urut = await allocateNomor(trx, { desaKode: v.desaKode, lingkup, tahun });
  const nomor = formatNomor(format, { kodeSurat: v.kodeSurat, urut, kodeDesa: v.kodeDesa, tanggal: v.tanggal });
  return { lingkup, tahun, urut, nomor };
}

export interface CadanganInput extends KunciUrut {
  jumlah: number;
  keterangan: string;
  format: string;
  kodeSurat: string;
  kodeDesa: string;
  /** the date printed on the outside letters (its year must be `tahun`) */
  tanggal: string;
  /**
   * Numbers already used outside Balai, ahead of the counter: reserve `mulai`…`mulai + jumlah - 1` and
   * leave the counter where it is (allocations skip them). Without it, the next `jumlah` numbers are taken.
   */
  mulai?: number;
}

function checkCadangan(c: CadanganInput): void {
  const fields: Record<string, string> = {};
  if (!Number.isInteger(c.jumlah) || c.jumlah < 1 || c.jumlah > CADANGAN_MAKS)
    fields.jumlah = `Jumlah nomor harus 1 sampai ${CADANGAN_MAKS}.`;
  const keterangan = c.keterangan.trim();
  if (keterangan.length === 0) fields.keterangan = 'Tulis untuk apa nomor ini dicadangkan.';
  if (keterangan.length > 500) fields.keterangan = 'Keterangan paling banyak 500 karakter.';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(c.tanggal) || Number(c.tanggal.slice(0, 4)) !== c.tahun)
    fields.tanggal = `Tanggal harus di tahun ${c.tahun}.`;
  const masalah = checkFormat(c.format);
  if (masalah.length > 0) fields.format = masalah.join(' ');
  if (c.mulai !== undefined && (!Number.isInteger(c.mulai) || c.mulai < 1))
    fields.mulai = 'Nomor awal harus bilangan bulat mulai 1.';
  if (Object.keys(fields).length > 0) throw invalid(fields);
}

const inTransaction = <T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> =>
  db.isTransaction ? work(db) : db.transaction().execute(work);

/** Reserve numbers for letters made outside Balai; each is recorded with its printed number. Audited. */
export async function reserveNomor(db: Db, actor: Actor, c: CadanganInput): Promise<{ urut: number; nomor: string }[]> {
  checkCadangan(c);
  repo.checkKunci(c);
  const k: KunciUrut = { desaKode: c.desaKode, lingkup: c.lingkup, tahun: c.tahun };
  return inTransaction(db, async (trx) => {
    const nomorUrut: number[] = [];
    if (c.mulai === undefined) {
      for (let i = 0; i < c.jumlah; i += 1) nomorUrut.push(await allocateNomor(trx, k));
    } else {
      const terakhir = await repo.kunciUrut(trx, k);
      if (c.mulai <= terakhir)
        throw invalid({
          mulai: `Nomor sampai ${terakhir} sudah dipakai atau dicadangkan; mulai dari ${terakhir + 1}.`,
        });
      for (let i = 0; i < c.jumlah; i += 1) {
        const urut = c.mulai + i;
        if (await repo.isDicadangkan(trx, k, urut)) throw invalid({ mulai: `Nomor ${urut} sudah dicadangkan.` });
        nomorUrut.push(urut);
      }
    }
    const now = nowIso();
    const keterangan = c.keterangan.trim();
    const rows = nomorUrut.map((urut) => ({
      urut,
      nomor: formatNomor(c.format, { kodeSurat: c.kodeSurat, urut, kodeDesa: c.kodeDesa, tanggal: c.tanggal }),
    }));
    await repo.insertCadangan(
      trx,
      k,
      rows.map((r) => ({ ...r, keterangan, dibuatOleh: actor.username, dibuatPada: now })),
    );
    await audit.record(trx, actor, {
      aksi: 'cadangkan_nomor',
      entitas: 'surat',
      desaKode: c.desaKode,
      perubahan: { nomor: [null, rows.map((r) => r.nomor).join(', ')] },
      alasan: keterangan,
    });
    return rows;
  });
}

export function listCadangan(db: Db, desaKode: string, tahun: number) {
  return repo.listCadanganRows(db, desaKode, tahun);
}
