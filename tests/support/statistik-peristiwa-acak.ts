import { recordArrival, recordBirth } from '#src/features/peristiwa/kedatangan.service.js';
import { recordLeavingEvent } from '#src/features/peristiwa/kepergian.service.js';
import { reverseEvent } from '#src/features/peristiwa/pembatalan.service.js';
import { latestStandingEvent } from '#src/features/peristiwa/peristiwa.repository.js';
import { confirmTransfer } from '#src/features/peristiwa/pindah.service.js';
import { systemActor } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { HttpError } from '#src/lib/errors.js';
import { makeNik, person } from './builders.js';
import { type Acak, AWAL_RIWAYAT, type Dunia, geserHari, isiAtribut, type Langkah } from './statistik-acak.js';

/**
 * Random population events for the statistics property test, recorded through the real services (births,
 * deaths, moves out, missing, pergi, arrivals, returns, transfers between desa, reversals), each also written
 * into the generator's model (statistik-acak.ts). Event dates only move forward and never pass today.
 */
const actor = systemActor('uji-acak');

interface Hidup {
  id: number;
  desa_kode: string;
  keluarga_id: number | null;
  kk_level: number | null;
  status: number;
  nik: string | null;
  tanggallahir: string | null;
}

const hidupDi = (db: Db, desa: readonly string[]) =>
  db
    .selectFrom('penduduk')
    .select(['id', 'desa_kode', 'keluarga_id', 'kk_level', 'status', 'nik', 'tanggallahir'])
    .where('status_dasar', '=', 1)
    .where('desa_kode', 'in', desa)
    .orderBy('id')
    .execute() as Promise<Hidup[]>;

/** The member who becomes head when the head leaves (null when they are alone or not the head). */
async function kepalaBaru(db: Db, r: Acak, p: Hidup): Promise<number | null> {
  if (p.kk_level !== 1 || p.keluarga_id === null) return null;
  const lain = await db
    .selectFrom('penduduk')
    .select('id')
    .where('keluarga_id', '=', p.keluarga_id)
    .where('status_dasar', '=', 1)
    .where('id', '<>', p.id)
    .orderBy('id')
    .execute();
  return lain.length === 0 ? null : r.pick(lain).id;
}

const rtDi = async (db: Db, desa: string) =>
  (
    await db
      .selectFrom('lingkungan')
      .select('id')
      .where('desa_kode', '=', desa)
      .where('tingkat', '=', 'rt')
      .orderBy('id')
      .executeTakeFirstOrThrow()
  ).id;

async function keluargaTerbuka(db: Db, r: Acak, desa: string) {
  const list = await db
    .selectFrom('keluarga')
    .select(['id', 'lingkungan_id'])
    .where('desa_kode', '=', desa)
    .where('ditutup_pada', 'is', null)
    .orderBy('id')
    .execute();
  return list.length === 0 ? null : r.pick(list);
}

async function keluarga(db: Db, r: Acak, desa: string) {
  const f = r.chance(0.5) ? await keluargaTerbuka(db, r, desa) : null;
  return f
    ? ({ kind: 'existing', keluargaId: f.id, kkLevel: 9 } as const)
    : ({ kind: 'new', noKk: null, alamat: 'Jl. Acak' } as const);
}

const kosong = { catatan: null, sebab: null, meninggal_di: null, jam_mati: null, penolong_mati: null, akta_mati: null };
const JENIS = ['lahir', 'mati', 'pindah', 'hilang', 'pergi', 'datang', 'kembali', 'transfer', 'batal'] as const;
const BOBOT = [18, 15, 12, 4, 4, 12, 6, 15, 14];

function pilihJenis(r: Acak): (typeof JENIS)[number] {
  let x = r.next() * BOBOT.reduce((a, b) => a + b, 0);
  for (const [i, b] of BOBOT.entries()) {
    x -= b;
    if (x < 0) return JENIS[i] as (typeof JENIS)[number];
  }
  return 'lahir';
}

/** Record one random event through the services; returns what was done (or 'lewat' when nothing fitted). */
export async function satuPeristiwa(db: Db, w: Dunia): Promise<string> {
  const { r } = w;
  w.tgl = [geserHari(w.tgl, r.int(0, 7)), w.hariIni].sort()[0] as string;
  const tgl = w.tgl;
  const jenis = pilihJenis(r);
  const desa = r.pick(w.desa);
  const hidup = await hidupDi(db, w.desa);
  const p = r.pick(hidup);
  const langkah = (id: number, l: Langkah) => w.riwayat.get(id)?.push(l) ?? w.riwayat.set(id, [l]);
  const tandai = (k: string) => {
    w.jumlah[k] = (w.jumlah[k] ?? 0) + 1;
    return k;
  };

  if (jenis === 'lahir') {
    const f = await keluargaTerbuka(db, r, desa);
    if (!f) return 'lewat';
    const sex = r.int(1, 2) as 1 | 2;
    const bayi = await recordBirth(db, actor, desa, {
      person: person({ nama: `Bayi ${tgl} ${r.int(1, 1e6)}`, sex, tanggallahir: tgl, nik: null }),
      lingkunganId: f.lingkungan_id as number,
      keluargaId: f.id,
      kkLevel: 4,
      tglLapor: null,
      catatan: null,
    });
    langkah(bayi.id, { tgl, desa });
    await isiAtribut(db, r, bayi.id, tgl, w.hariIni, false);
    return tandai(jenis);
  }
  if (jenis === 'mati' || jenis === 'pindah' || jenis === 'hilang' || (jenis === 'pergi' && p.status === 2)) {
    const kode = { mati: 2, pindah: 3, hilang: 4, pergi: 6 }[jenis];
    const akta = jenis === 'mati' ? r.pick([`AM-${p.id}`, null, '-']) : null;
    await recordLeavingEvent(db, actor, p.id, kode, {
      ...kosong,
      tgl_peristiwa: tgl,
      tgl_lapor: r.chance(0.3) ? w.hariIni : null,
      akta_mati: akta,
      kepala_baru_id: await kepalaBaru(db, r, p),
      ...(jenis === 'pindah' ? { ref_pindah: r.int(2, 4), alamat_tujuan: 'Luar kabupaten' } : {}),
    });
    langkah(p.id, { tgl, desa: null, ...(jenis === 'mati' ? { mati: { desa: p.desa_kode, akta } } : {}) });
    return tandai(jenis);
  }
  if (jenis === 'datang') {
    const sex = r.int(1, 2) as 1 | 2;
    const lahir = geserHari(tgl, -r.int(400, 60 * 365));
    const res = await recordArrival(db, actor, desa, {
      person: person({ nama: `Pendatang ${tgl} ${r.int(1, 1e6)}`, sex, tanggallahir: lahir, nik: makeNik(lahir, sex) }),
      lingkunganId: await rtDi(db, desa),
      family: await keluarga(db, r, desa),
      tglPeristiwa: tgl,
      tglLapor: null,
      alamatAsal: 'Kudus',
      maksud: 'bekerja',
      catatan: null,
    });
    if (res.kind !== 'baru') throw new Error(`kedatangan baru diharapkan, dapat ${res.kind}`);
    langkah(res.id, { tgl, desa });
    await isiAtribut(db, r, res.id, lahir, w.hariIni);
    return tandai(jenis);
  }
  if (jenis === 'kembali') {
    const pergi = await db
      .selectFrom('penduduk')
      .select(['id', 'nik', 'nama'])
      .where('status_dasar', 'in', [3, 4, 6])
      .where('nik', 'is not', null)
      .where('desa_kode', 'in', w.desa)
      .orderBy('id')
      .execute();
    if (pergi.length === 0) return 'lewat';
    const q = r.pick(pergi);
    const res = await recordArrival(db, actor, desa, {
      person: person({ nama: q.nama, nik: q.nik }),
      lingkunganId: await rtDi(db, desa),
      family: await keluarga(db, r, desa),
      tglPeristiwa: tgl,
      tglLapor: null,
      alamatAsal: null,
      maksud: 'kembali',
      catatan: null,
    });
    if (res.kind !== 'dipindahkan') throw new Error(`kedatangan kembali diharapkan, dapat ${res.kind}`);
    langkah(q.id, { tgl, desa });
    return tandai(jenis);
  }
  if (jenis === 'transfer') {
    const asal = hidup.filter((h) => h.nik !== null);
    const q = r.pick(asal);
    const ke = r.pick(w.desa.filter((d) => d !== q.desa_kode));
    const res = await recordArrival(db, actor, ke, {
      person: person({ nama: 'Pindahan', nik: q.nik }),
      lingkunganId: await rtDi(db, ke),
      family: await keluarga(db, r, ke),
      tglPeristiwa: tgl,
      tglLapor: null,
      alamatAsal: null,
      maksud: 'pindah',
      catatan: null,
    });
    if (res.kind !== 'menunggu') throw new Error(`permintaan pindah diharapkan, dapat ${res.kind}`);
    await confirmTransfer(db, actor, res.transferId, await kepalaBaru(db, r, q));
    langkah(q.id, { tgl, desa: ke });
    return tandai(jenis);
  }
  if (jenis === 'batal') {
    const calon = [...w.riwayat.entries()].filter(
      ([, l]) => l.length > 0 && (l.at(-1) as Langkah).tgl !== AWAL_RIWAYAT,
    );
    if (calon.length === 0) return 'lewat';
    const [id, l] = r.pick(calon);
    const ev = await latestStandingEvent(db, id);
    if (!ev || ev.asal_desa_kode !== null) return 'lewat';
    try {
      await reverseEvent(db, actor, ev.id, 'koreksi data uji acak');
    } catch (error) {
      if (error instanceof HttpError && error.status === 409) return tandai('batal-ditolak');
      throw error;
    }
    l.pop();
    return tandai(jenis);
  }
  return 'lewat';
}
