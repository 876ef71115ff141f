import { todayIn } from '#src/domain/age.js';
import { ensureLingkungan } from '#src/features/lingkungan/lingkungan-ensure.js';
import { recordLeavingEvent } from '#src/features/peristiwa/kepergian.service.js';
import { lupakanCache } from '#src/features/statistik/statistik.service.js';
import { systemActor } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { activate, DESA_A, DESA_B, insertFamily, insertUser, KAB, KEC } from './builders.js';
import { all, type El, parseMarkup, text } from './markup-dom.js';

/**
 * A hand-counted population for the statistics pages.
 *
 * Desa A, dusun Krajan (RW 1 / RT 1): Kepala Satu (L, 1980), Istri Satu (P, 1982), Bayi Satu (P, 2025), Nenek Satu
 * (P, 1940) — one family. Dusun Kulon (RW 2 / RT 1): Kepala Dua (L, 1990), Anak Dua (L, 2010) — one family.
 * → desa A: 6 residents, 3 L, 3 P, 2 KK; Krajan 4 (1 L, 3 P), Kulon 2 (2 L).
 * Desa B: Kepala Tiga (L, 1975), Istri Tiga (P, 1977) → 2 residents, 1 KK. Kecamatan: 8 residents, 3 KK.
 * `matikanNenek` records Nenek Satu's death five days ago: desa A then counts 5 (2 P) from that day on.
 */
export const OTHER_KEC = '33.17.08';

export interface StatFixture {
  krajan: number;
  kulon: number;
  rtKrajan: number;
  unitB: number;
  nenek: number;
  tanggalMati: string;
  sebelumMati: string;
}

export function geser(tanggal: string, hari: number): string {
  const d = new Date(`${tanggal}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + hari);
  return d.toISOString().slice(0, 10);
}

export async function buildStatFixture(db: Db): Promise<StatFixture> {
  lupakanCache();
  await activate(db, DESA_A);
  await activate(db, DESA_B);
  const actor = systemActor('uji-statistik');
  const satu = await insertFamily(db, DESA_A, { nama: 'Kepala Satu', tanggallahir: '1980-05-05', sex: 1 }, [
    { nama: 'Istri Satu', tanggallahir: '1982-06-06', sex: 2, kkLevel: 3 },
    { nama: 'Bayi Satu', tanggallahir: '2025-12-01', sex: 2, kkLevel: 4 },
    { nama: 'Nenek Satu', tanggallahir: '1940-01-01', sex: 2, kkLevel: 6 },
  ]);
  const dua = await insertFamily(db, DESA_A, { nama: 'Kepala Dua', tanggallahir: '1990-01-01', sex: 1 }, [
    { nama: 'Anak Dua', tanggallahir: '2010-03-03', sex: 1, kkLevel: 4 },
  ]);
  const kulonRt = await db
    .transaction()
    .execute((trx) => ensureLingkungan(trx, actor, DESA_A, { dusun: 'Kulon', rw: '2', rt: '1' }));
  await db
    .updateTable('penduduk')
    .set({ lingkungan_id: kulonRt })
    .where('id', 'in', [dua.kepalaId, ...dua.memberIds])
    .execute();
  const b = await insertFamily(db, DESA_B, { nama: 'Kepala Tiga', tanggallahir: '1975-01-01', sex: 1 }, [
    { nama: 'Istri Tiga', tanggallahir: '1977-01-01', sex: 2, kkLevel: 3 },
  ]);
  const dusunOf = async (nama: string, desa: string) =>
    (
      await db
        .selectFrom('lingkungan')
        .select('id')
        .where('desa_kode', '=', desa)
        .where('tingkat', '=', 'dusun')
        .where('nama', '=', nama)
        .executeTakeFirstOrThrow()
    ).id;
  const krajan = await dusunOf('Krajan', DESA_A);
  await insertUser(db, 'adm.a', 'admin-desa', DESA_A);
  await insertUser(db, 'adm.b', 'admin-desa', DESA_B);
  await insertUser(db, 'web.a', 'editor-web', DESA_A);
  await insertUser(db, 'ow.a', 'operator-wilayah', DESA_A, { lingkungan: krajan });
  await insertUser(db, 'camat', 'staf-kecamatan', KEC);
  await insertUser(db, 'camat.lain', 'staf-kecamatan', OTHER_KEC);
  await insertUser(db, 'kab', 'admin-kabupaten', KAB);
  const today = todayIn();
  return {
    krajan,
    kulon: await dusunOf('Kulon', DESA_A),
    rtKrajan: satu.lingkunganId,
    unitB: b.lingkunganId,
    nenek: satu.memberIds[2] as number,
    tanggalMati: geser(today, -5),
    sebelumMati: geser(today, -10),
  };
}

export async function matikanNenek(db: Db, f: StatFixture): Promise<void> {
  await recordLeavingEvent(db, systemActor('uji-statistik'), f.nenek, 2, {
    tgl_peristiwa: f.tanggalMati,
    tgl_lapor: f.tanggalMati,
    catatan: null,
    sebab: null,
    meninggal_di: null,
    jam_mati: null,
    penolong_mati: null,
    akta_mati: 'AKTA-UJI-1',
    kepala_baru_id: null,
  } as never);
}

/** The rows (cell texts) of the first `<table class="…kelas…">` of a page: head, body and foot apart. */
export function tabelDi(html: string, kelas: string): { head: string[][]; body: string[][]; foot: string[][] } {
  const start = html.search(new RegExp(`<table class="[^"]*\\b${kelas}\\b`));
  if (start < 0) throw new Error(`tabel ${kelas} tidak ada`);
  const end = html.indexOf('</table>', start) + '</table>'.length;
  const root = parseMarkup(html.slice(start, end));
  const rows = (part: string) =>
    all(root, part).flatMap((p: El) =>
      all(p, 'tr').map((tr) => tr.children.filter((c): c is El => typeof c !== 'string').map((c) => text(c).trim())),
    );
  return { head: rows('thead'), body: rows('tbody'), foot: rows('tfoot') };
}

/** Every NIK and KK number of the register, and every name: none may appear on a statistics page. */
export async function dataPribadi(db: Db): Promise<string[]> {
  const orang = await db.selectFrom('penduduk').select(['nik', 'nama']).execute();
  const kk = await db.selectFrom('keluarga').select('no_kk').execute();
  return [...orang.flatMap((o) => [o.nik, o.nama]), ...kk.map((k) => k.no_kk)].filter(
    (x): x is string => typeof x === 'string' && x.length > 0,
  );
}
