import { todayIn } from '#src/domain/age.js';
import { checkFormat, DEFAULT_FORMAT_NOMOR, formatNomor } from '#src/domain/nomor-surat.js';
import { levelOf } from '#src/domain/region-code.js';
import { LANGKAH, type Langkah, parseRantai } from '#src/domain/surat-alur.js';
import { type Actor, audit } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { PENOMORAN_BAWAAN, type Penomoran } from './nomor/nomor.service.js';
import { readSetelan, readSetelanDi, writeSetelan } from './nomor/setelan.repository.js';
import { type SetelanNomorInput, saveSetelanNomor } from './nomor/setelan.service.js';

/**
 * The letter settings screens of a desa and of a kabupaten: number format, sequence scope and approval chain,
 * each either set at this scope or inherited (desa → kabupaten → installation → built-in default).
 */

export type KunciSetelan = 'format_nomor' | 'penomoran' | 'rantai';
export const KUNCI_SETELAN: readonly KunciSetelan[] = ['format_nomor', 'penomoran', 'rantai'];

/** One setting as a form shows it: the value in force, whether it is set here, and what it would be otherwise. */
export interface NilaiSetelan<T> {
  nilai: T;
  sendiri: boolean;
  induk: T;
}

export interface SetelanSurat {
  format_nomor: NilaiSetelan<string>;
  penomoran: NilaiSetelan<Penomoran>;
  rantai: NilaiSetelan<Langkah[]>;
}

/** The next wider scope: a desa's kabupaten, a kabupaten's installation; null above that. */
export function lingkupInduk(lingkup: string): string | null {
  if (lingkup === '') return null;
  return levelOf(lingkup) === 3 ? lingkup.slice(0, 5) : '';
}

const asPenomoran = (v: string | null): Penomoran => (v === 'tunggal' || v === 'per_jenis' ? v : PENOMORAN_BAWAAN);
export const rantaiTeks = (l: readonly Langkah[]) => LANGKAH.filter((x) => l.includes(x)).join(',');

async function nilaiInduk(db: Db, lingkup: string, kunci: KunciSetelan): Promise<string | null> {
  const induk = lingkupInduk(lingkup);
  return induk === null ? null : readSetelan(db, induk, kunci);
}

export async function readSetelanSurat(db: Db, lingkup: string): Promise<SetelanSurat> {
  const [sendiri, induk] = await Promise.all([
    Promise.all(KUNCI_SETELAN.map((k) => readSetelanDi(db, lingkup, k))),
    Promise.all(KUNCI_SETELAN.map((k) => nilaiInduk(db, lingkup, k))),
  ]);
  const [fSendiri, pSendiri, rSendiri] = sendiri;
  const [fInduk, pInduk, rInduk] = induk;
  const format = fInduk ?? DEFAULT_FORMAT_NOMOR;
  return {
    format_nomor: { nilai: fSendiri ?? format, sendiri: fSendiri !== null, induk: format },
    penomoran: {
      nilai: asPenomoran(pSendiri ?? pInduk ?? null),
      sendiri: pSendiri !== null,
      induk: asPenomoran(pInduk ?? null),
    },
    rantai: {
      nilai: parseRantai(rSendiri ?? rInduk),
      sendiri: rSendiri !== null,
      induk: parseRantai(rInduk),
    },
  };
}

export interface SetelanSuratInput {
  format_nomor: string;
  penomoran: Penomoran;
  rantai: Langkah[];
}

/**
 * Save the settings form of one scope. A value equal to the inherited one is not stored unless this scope
 * already had its own, so a desa that only looked at the form keeps following its kabupaten. The number
 * settings are checked together (checkFormat) before the chain is written; everything is audited.
 */
export async function saveSetelanSurat(db: Db, actor: Actor, lingkup: string, input: SetelanSuratInput) {
  const now = await readSetelanSurat(db, lingkup);
  const berubah = <T>(s: NilaiSetelan<T>, baru: T, sama: (a: T, b: T) => boolean) => s.sendiri || !sama(s.induk, baru);
  const nomor: SetelanNomorInput = {};
  const format = input.format_nomor.trim();
  if (berubah(now.format_nomor, format, (a, b) => a === b)) nomor.format_nomor = format;
  if (berubah(now.penomoran, input.penomoran, (a, b) => a === b)) nomor.penomoran = input.penomoran;
  await saveSetelanNomor(db, actor, lingkup, nomor);
  if (berubah(now.rantai, input.rantai, (a, b) => rantaiTeks(a) === rantaiTeks(b)))
    await saveRantai(db, actor, lingkup, rantaiTeks(input.rantai));
}

/** "Kembalikan ke bawaan": remove this scope's own value of one setting. */
export async function resetSetelan(db: Db, actor: Actor, lingkup: string, kunci: KunciSetelan): Promise<void> {
  if (kunci === 'rantai') await saveRantai(db, actor, lingkup, null);
  else await saveSetelanNomor(db, actor, lingkup, { [kunci]: null });
}

async function saveRantai(db: Db, actor: Actor, lingkup: string, nilai: string | null): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await readSetelanDi(trx, lingkup, 'rantai');
    if (before === nilai) return;
    await writeSetelan(trx, lingkup, 'rantai', nilai, actor.username);
    await audit.record(trx, actor, {
      aksi: 'ubah_setelan_rantai',
      entitas: 'surat',
      entitasId: lingkup === '' ? 'instalasi' : lingkup,
      desaKode: lingkup !== '' && levelOf(lingkup) === 3 ? lingkup : null,
      perubahan: { rantai: [before, nilai] },
    });
  });
}

/** The code a number prints for `[kode_desa]`: the desa code without dots (a kabupaten shows a sample desa). */
export const kodeDesaNomor = (lingkup: string) =>
  (levelOf(lingkup) === 3 ? lingkup : `${lingkup}.01.2001`).replaceAll('.', '');

/** A number as the format would print it (letter S-41, 7th of the year, today), or the format's problems. */
export function contohNomor(
  format: string,
  penomoran: Penomoran,
  lingkup: string,
  tanggal = todayIn(),
): { contoh: string } | { masalah: string[] } {
  const masalah = checkFormat(format, { perJenis: penomoran === 'per_jenis' });
  if (masalah.length > 0) return { masalah };
  return { contoh: formatNomor(format, { kodeSurat: 'S-41', urut: 7, kodeDesa: kodeDesaNomor(lingkup), tanggal }) };
}
