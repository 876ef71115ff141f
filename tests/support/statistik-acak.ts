import { addHouseholdMember, createHousehold } from '#src/features/keluarga/rumah-tangga.service.js';
import { systemActor } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { insertFamily } from './builders.js';

/**
 * A random register for the statistics property test (seeded: every run builds the same world): families with
 * random attributes in several desa, then random population events through the real services, with event
 * dates that only move forward (statistik-peristiwa-acak.ts). Beside the database the generator keeps its own MODEL of where each person
 * lived from which date — the truth the statistics are checked against, written without the engine's code.
 */
const actor = systemActor('uji-acak');
export const AWAL_RIWAYAT = '0000-01-01';

/** mulberry32 */
export function acak(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)] as T;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
export type Acak = ReturnType<typeof acak>;

export function geserHari(tanggal: string, hari: number): string {
  const t = new Date(`${tanggal}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + hari);
  return t.toISOString().slice(0, 10);
}

/** One step of a person's life in the model: from `tgl` they live in `desa` (null: dead or gone). */
export interface Langkah {
  tgl: string;
  desa: string | null;
  mati?: { desa: string; akta: string | null };
}

export interface Dunia {
  r: Acak;
  desa: readonly string[];
  hariIni: string;
  /** person id → their steps in order; [] = a record that should never have existed (reversed) */
  riwayat: Map<number, Langkah[]>;
  /** the next event date (only moves forward, never past today) */
  tgl: string;
  jumlah: Record<string, number>;
}

/** Random values of the category fields; codes sometimes missing, sometimes outside their list. */
export function atributAcak(r: Acak, umur: number) {
  const kode = (n: number, kosong = 0.04) => (r.chance(kosong) ? null : r.chance(0.01) ? 999 : r.int(1, n));
  const teks = (isi: string) => (r.chance(0.5) ? `${isi}-${r.int(1, 9999)}` : r.pick([null, '-', '', ' ']));
  return {
    agama_id: r.chance(0.8) ? 1 : kode(7),
    pendidikan_kk_id: kode(10),
    pendidikan_sedang_id: kode(18),
    pekerjaan_id: kode(89),
    status_kawin: umur < 17 && r.chance(0.95) ? 1 : kode(4),
    warganegara_id: r.chance(0.9) ? 1 : r.int(2, 3),
    status: r.chance(0.85) ? 1 : 2,
    golongan_darah_id: kode(13, 0.2),
    cacat_id: r.chance(0.8) ? 7 : kode(7),
    sakit_menahun_id: r.chance(0.8) ? 14 : kode(14),
    cara_kb_id: r.chance(0.5) ? null : r.chance(0.1) ? 99 : kode(7),
    akta_lahir: teks('AL'),
    status_rekam: kode(8),
    id_asuransi: r.chance(0.1) ? 99 : kode(3),
    suku: r.pick([null, '  ', 'Jawa', 'jawa ', ' JAWA', 'Sunda', 'Madura  Timur', 'madura timur', 'Bugis']),
    bpjs_ketenagakerjaan: teks('TK'),
    hamil: r.chance(0.6) ? null : r.int(1, 2),
    akta_perkawinan: teks('AN'),
    ktp_el: kode(3),
  };
}

/** A birth date: mostly random, sometimes exactly on a bucket bound today or tomorrow, or on 29 February. */
function tanggalLahir(r: Acak, hariIni: string): string {
  const tahunIni = Number(hariIni.slice(0, 4));
  if (r.chance(0.08)) {
    const umur = r.pick([1, 2, 5, 6, 17, 18, 30, 31, 74, 75]);
    const ulangTahun = `${tahunIni - umur}${hariIni.slice(4)}`;
    return geserHari(ulangTahun, r.pick([0, 1, -1]));
  }
  if (r.chance(0.02)) return `${r.pick([1948, 1960, 1984, 2000, 2012, 2020])}-02-29`;
  const hari = r.int(400, 100 * 365);
  return geserHari(hariIni, -hari);
}

const umurKasar = (lahir: string, hariIni: string) => Number(hariIni.slice(0, 4)) - Number(lahir.slice(0, 4));

export async function isiAtribut(db: Db, r: Acak, id: number, lahir: string, hariIni: string, ubahLahir = true) {
  const sex = r.chance(0.02) ? null : undefined;
  await db
    .updateTable('penduduk')
    .set({
      ...atributAcak(r, umurKasar(lahir, hariIni)),
      ...(sex === null ? { sex } : {}),
      ...(ubahLahir && r.chance(0.02) ? { tanggallahir: null } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** Families of random size and make-up in each desa, until each has `perDesa` residents. */
export async function bangunDunia(db: Db, seed: number, desa: readonly string[], perDesa: number, hariIni: string) {
  const r = acak(seed);
  const dunia: Dunia = { r, desa, hariIni, riwayat: new Map(), tgl: geserHari(hariIni, -360), jumlah: {} };
  for (const kode of desa) {
    let n = 0;
    while (n < perDesa) {
      const ukuran = r.int(1, 6);
      const orang = Array.from({ length: ukuran }, () => ({
        lahir: tanggalLahir(r, hariIni),
        sex: r.int(1, 2) as 1 | 2,
      }));
      const [kepala, ...anggota] = orang as [(typeof orang)[0], ...typeof orang];
      const f = await insertFamily(
        db,
        kode,
        { nama: `Kepala ${kode} ${n}`, tanggallahir: kepala.lahir, sex: kepala.sex },
        anggota.map((a, i) => ({
          nama: `Warga ${kode} ${n + i + 1}`,
          tanggallahir: a.lahir,
          sex: a.sex,
          kkLevel: r.pick([3, 4, 4, 4, 5, 6, 7, 9, 11]),
        })),
      );
      const ids = [f.kepalaId, ...f.memberIds];
      for (const [i, id] of ids.entries()) {
        dunia.riwayat.set(id, [{ tgl: AWAL_RIWAYAT, desa: kode }]);
        await isiAtribut(db, r, id, (orang[i] as { lahir: string }).lahir, hariIni);
      }
      const kelas = r.chance(0.1) ? null : r.chance(0.05) ? 9 : r.int(1, 5);
      await db.updateTable('keluarga').set({ kelas_sosial: kelas }).where('id', '=', f.keluargaId).execute();
      if (r.chance(0.3)) {
        const rtm = await createHousehold(db, actor, kode, {
          kepala_id: f.kepalaId,
          kelas_sosial: null,
          bdt: r.chance(0.3) ? r.pick([`BDT-${n}`, ' ', '-']) : null,
          terdaftar_dtks: r.chance(0.4) ? 1 : 0,
        });
        for (const id of f.memberIds.slice(0, r.int(0, f.memberIds.length)))
          await addHouseholdMember(db, actor, kode, rtm, { penduduk_id: id });
      }
      n += ids.length;
    }
  }
  return dunia;
}

/** Who lives in a desa at the end of a date, by the model. */
export function hadirModel(w: Dunia, desa: string, tanggal: string): number[] {
  const out: number[] = [];
  for (const [id, langkah] of w.riwayat) {
    let di: string | null = null;
    for (const l of langkah) if (l.tgl <= tanggal) di = l.desa;
    if (di === desa) out.push(id);
  }
  return out.sort((a, b) => a - b);
}

/** Who had died in a desa by a date, with the death certificate number, by the model. */
export function matiModel(w: Dunia, desa: string, tanggal: string): Map<number, string | null> {
  const out = new Map<number, string | null>();
  for (const [id, langkah] of w.riwayat) {
    const m = langkah.at(-1);
    if (m?.mati && m.mati.desa === desa && m.tgl <= tanggal) out.set(id, m.mati.akta);
  }
  return out;
}
