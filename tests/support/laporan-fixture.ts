import { createFamilyWithHead } from '#src/features/keluarga/keluarga.service.js';
import { ensureLingkungan } from '#src/features/lingkungan/lingkungan-ensure.js';
import type { PendudukInput } from '#src/features/penduduk/penduduk.schema.js';
import { insertPerson } from '#src/features/penduduk/penduduk.service.js';
import { recordArrival, recordBirth } from '#src/features/peristiwa/kedatangan.service.js';
import { type Leaving, recordLeavingEvent } from '#src/features/peristiwa/kepergian.service.js';
import { reverseEvent } from '#src/features/peristiwa/pembatalan.service.js';
import { confirmTransfer, requestTransfer } from '#src/features/peristiwa/pindah.service.js';
import { systemActor } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { activate, DESA_A, DESA_B, makeNik, person } from './builders.js';

/**
 * A desa with a history for the population reports (dates are event dates; reports in brackets):
 *  registered before any event — Krajan: family 1 (H1 ♂, W1 ♀, C1 ♂ born 2010-04-14, G1 ♀ 1940, disabled);
 *  Ngemplak: family 2 (H2 ♂, M2 ♀ pregnant, X2 ♂ WNA, T2 ♀ TIDAK TETAP), family 4 (H4 ♂, TNI).
 *  2026-08-10 N1 ♂ arrives with a new family (Krajan).
 *  2026-09: B1 ♀ born into family 1 (5th); G1 dies (12th); C1 "dies" (20th) — reversed later; M2 missing (25th);
 *           T2 leaves ("pergi", 28th); H2 dies on the 15th but is reported on 2026-10-02 (X2 becomes head).
 *  2026-10: A1 ♀ arrives with her own family (3rd, Ngemplak) and moves out of the kecamatan (20th); B2 ♂ born
 *           into family 1 (10th) and dies (12th); W1 moves to desa B (15th, a transfer inside the installation).
 *  2026-11-02 B3 ♂ born into family 4.
 * Desa B: one family (HB ♂, Krajan) plus W1 from 2026-10-15.
 */
const actor = systemActor('uji-laporan');

const leave = (tgl: string, lapor: string, extra: Partial<Leaving> = {}): Leaving => ({
  tgl_peristiwa: tgl,
  tgl_lapor: lapor,
  catatan: null,
  sebab: null,
  meninggal_di: null,
  jam_mati: null,
  penolong_mati: null,
  akta_mati: null,
  kepala_baru_id: null,
  ...extra,
});

type Overrides = Partial<PendudukInput> & { nama: string; tanggallahir: string; sex: 1 | 2 };
const orang = (o: Overrides) => person({ nik: makeNik(o.tanggallahir, o.sex), ...o });

/** A family in a unit: the head (status_kawin 2) and members with their SHDK. */
export async function keluargaDi(
  db: Db,
  desaKode: string,
  lingkunganId: number,
  head: Overrides,
  members: (Overrides & { kkLevel: number })[] = [],
) {
  const made = await db
    .transaction()
    .execute((trx) =>
      createFamilyWithHead(
        trx,
        actor,
        desaKode,
        { noKk: null, alamat: `Jl. ${head.nama}`, kelasSosial: null, lingkunganId },
        { lingkunganId, person: orang({ status_kawin: 2, ...head }) },
      ),
    );
  const ids: number[] = [];
  for (const { kkLevel, ...m } of members) {
    const created = await db.transaction().execute((trx) =>
      insertPerson(trx, actor, {
        desaKode,
        lingkunganId,
        person: orang(m),
        keluarga: { id: made.keluargaId, kkLevel },
      }),
    );
    ids.push(created.id);
  }
  return { keluargaId: made.keluargaId, kepalaId: made.kepalaId, ids };
}

export async function unit(db: Db, desaKode: string, dusun: string, rw: string, rt: string) {
  return db.transaction().execute((trx) => ensureLingkungan(trx, actor, desaKode, { dusun, rw, rt }));
}

export async function laporanFixture(db: Db) {
  await activate(db, DESA_A);
  await activate(db, DESA_B);
  const krajan = await unit(db, DESA_A, 'Krajan', '1', '1');
  const ngemplak = await unit(db, DESA_A, 'Ngemplak', '2', '3');
  const krajanB = await unit(db, DESA_B, 'Krajan', '1', '1');

  const f1 = await keluargaDi(db, DESA_A, krajan, { nama: 'H Satu', tanggallahir: '1980-05-05', sex: 1 }, [
    { nama: 'W Satu', tanggallahir: '1982-06-06', sex: 2, kkLevel: 3, status_kawin: 2 },
    { nama: 'C Satu', tanggallahir: '2010-04-14', sex: 1, kkLevel: 4 },
    { nama: 'G Satu', tanggallahir: '1940-01-01', sex: 2, kkLevel: 6, cacat_id: 2, sakit_menahun_id: 1 },
  ]);
  const [w1, c1, g1] = f1.ids as [number, number, number];
  const f2 = await keluargaDi(db, DESA_A, ngemplak, { nama: 'H Dua', tanggallahir: '1975-03-03', sex: 1 }, [
    { nama: 'M Dua', tanggallahir: '1978-02-02', sex: 2, kkLevel: 3, status_kawin: 2, hamil: 1 },
    { nama: 'X Dua', tanggallahir: '1985-07-07', sex: 1, kkLevel: 11, warganegara_id: 2, nik: null },
    { nama: 'T Dua', tanggallahir: '1999-09-09', sex: 2, kkLevel: 11, status: 2 },
  ]);
  const [m2, x2, t2] = f2.ids as [number, number, number];
  const f4 = await keluargaDi(db, DESA_A, ngemplak, {
    nama: 'H Empat',
    tanggallahir: '1970-01-01',
    sex: 1,
    pekerjaan_id: 6,
  });
  await keluargaDi(db, DESA_B, krajanB, { nama: 'H Bé', tanggallahir: '1960-01-01', sex: 1 });

  const arrival = (nama: string, sex: 1 | 2, lingkunganId: number, tgl: string) => ({
    person: orang({ nama, tanggallahir: '1995-01-01', sex }),
    lingkunganId,
    family: { kind: 'new' as const, noKk: null, alamat: `Jl. ${nama}` },
    tglPeristiwa: tgl,
    tglLapor: tgl,
    alamatAsal: 'Kota Lain',
    maksud: null,
    catatan: null,
  });
  const birth = (nama: string, sex: 1 | 2, tgl: string, keluargaId: number, lingkunganId: number) =>
    recordBirth(db, actor, DESA_A, {
      person: orang({ nama, tanggallahir: tgl, sex }),
      lingkunganId,
      keluargaId,
      kkLevel: 4,
      tglLapor: tgl,
      catatan: null,
    });

  const n1 = await recordArrival(db, actor, DESA_A, arrival('N Satu', 1, krajan, '2026-08-10'));
  if (n1.kind !== 'baru') throw new Error('N1 harus penduduk baru');
  const b1 = await birth('B Satu', 2, '2026-09-05', f1.keluargaId, krajan);
  await recordLeavingEvent(db, actor, g1, 2, leave('2026-09-12', '2026-09-13'));
  const salah = await recordLeavingEvent(db, actor, c1, 2, leave('2026-09-20', '2026-09-21'));
  await reverseEvent(db, actor, salah, 'salah catat, masih hidup');
  await recordLeavingEvent(db, actor, m2, 4, leave('2026-09-25', '2026-09-26'));
  await recordLeavingEvent(db, actor, t2, 6, leave('2026-09-28', '2026-09-28'));
  await recordLeavingEvent(db, actor, f2.kepalaId, 2, leave('2026-09-15', '2026-10-02', { kepala_baru_id: x2 }));

  const a1 = await recordArrival(db, actor, DESA_A, arrival('A Satu', 2, ngemplak, '2026-10-03'));
  if (a1.kind !== 'baru') throw new Error('A1 harus penduduk baru');
  await recordLeavingEvent(db, actor, a1.id, 3, leave('2026-10-20', '2026-10-21', { ref_pindah: 2 }));
  const b2 = await birth('B Dua', 1, '2026-10-10', f1.keluargaId, krajan);
  await recordLeavingEvent(db, actor, b2.id, 2, leave('2026-10-12', '2026-10-12'));
  const transfer = await requestTransfer(db, actor, w1, DESA_B, {
    ...arrival('W Satu', 2, krajanB, '2026-10-15'),
    person: orang({ nama: 'W Satu', tanggallahir: '1982-06-06', sex: 2 }),
  });
  await confirmTransfer(db, actor, transfer, null);
  const b3 = await birth('B Tiga', 1, '2026-11-02', f4.keluargaId, ngemplak);

  return {
    krajan,
    ngemplak,
    ids: { w1, c1, g1, m2, x2, t2, h2: f2.kepalaId, h4: f4.kepalaId, n1: n1.id, b1: b1.id, a1: a1.id, b3: b3.id },
  };
}
