import { sql } from 'kysely';
import { type CodeListName, codeList } from '#src/domain/codes.js';
import type { Db } from '#src/lib/db/connect.js';

/**
 * A naive recount of the population tables, written apart from the engine (src/domain/statistik-*.ts): plain
 * SQL `group by` counts for coded fields, a plain JS pass for ages, the rules re-read from statistics.md. The
 * property test holds the fast path to it. Output: the rows in the reference's order, with [laki, perempuan,
 * jumlah] per row, then JUMLAH, BELUM MENGISI and TOTAL.
 */
export type Tiga = [number, number, number];
export interface TabelNaif {
  baris: [string, ...Tiga][];
  jumlah: Tiga;
  belum: Tiga;
  total: Tiga;
}

/** Whom to count: the living of some desa now (the register), or a given list of persons (a past date). */
export type Siapa = { desa: readonly string[] } | { ids: readonly number[] };

const ADA = (col: string) => `trim(coalesce(${col}, '')) not in ('', '-')`;
// slug, expression, extra condition, rows
const KODE: [string, string, string | null, CodeListName | string[]][] = [
  ['pendidikan-dalam-kk', 'pendidikan_kk_id', null, 'pendidikan_kk'],
  ['pendidikan-sedang-ditempuh', 'pendidikan_sedang_id', null, 'pendidikan_sedang'],
  ['pekerjaan', 'pekerjaan_id', null, 'pekerjaan'],
  ['status-perkawinan', 'status_kawin', null, 'status_kawin'],
  ['agama', 'agama_id', null, 'agama'],
  ['jenis-kelamin', 'sex', null, 'jenis_kelamin'],
  ['hubungan-dalam-kk', 'kk_level', null, 'hubungan_keluarga'],
  ['warga-negara', 'warganegara_id', null, 'warga_negara'],
  ['status-penduduk', 'status', null, 'status_penduduk'],
  ['golongan-darah', 'golongan_darah_id', null, 'golongan_darah'],
  ['penyandang-cacat', 'cacat_id', null, 'cacat'],
  ['penyakit-menahun', 'sakit_menahun_id', null, 'sakit_menahun'],
  ['akseptor-kb', 'cara_kb_id', 'status_kawin = 2', 'cara_kb'],
  ['asuransi-kesehatan', 'id_asuransi', null, 'asuransi'],
  ['status-covid', 'cast(null as integer)', null, 'status_covid'],
  ['bpjs-ketenagakerjaan', `case when ${ADA('bpjs_ketenagakerjaan')} then 1 end`, null, ['1']],
  ['status-kehamilan', 'hamil', 'sex = 2', 'hamil'],
  ['buku-nikah', `case when ${ADA('akta_perkawinan')} then 1 else 2 end`, 'status_kawin = 2', ['1', '2']],
];

const RENTANG: [string, number, number][] = [
  ['0-1', 0, 1],
  ['2-4', 2, 4],
  ...[5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70].map((a): [string, number, number] => [
    `${a}-${a + 4}`,
    a,
    a + 4,
  ]),
  ['75+', 75, Number.POSITIVE_INFINITY],
];
const TAHAP: [string, number, number][] = [
  ['balita', 0, 5],
  ['anak', 6, 17],
  ['dewasa', 18, 30],
  ['tua', 31, Number.POSITIVE_INFINITY],
];

/** Whole years on `pada`; a birthday counts on its day (29 February: on 1 March in other years). */
export function umurNaif(lahir: string | null, pada: string): number | null {
  if (!lahir || !/^\d{4}-\d{2}-\d{2}$/.test(lahir)) return null;
  const tahun = Number(pada.slice(0, 4)) - Number(lahir.slice(0, 4));
  return pada.slice(5) >= lahir.slice(5) ? tahun : tahun - 1;
}
const kelompok = (daftar: [string, number, number][], umur: number | null) =>
  umur === null ? null : (daftar.find(([, a, b]) => umur >= a && umur <= b)?.[0] ?? null);

/** Counts by (value, sex) → a table with the given rows; anything else is BELUM MENGISI. */
function tabel(hitung: Map<string | null, Tiga>, rows: readonly string[]): TabelNaif {
  const total: Tiga = [0, 0, 0];
  for (const t of hitung.values()) for (let i = 0; i < 3; i++) total[i] = (total[i] as number) + (t[i] as number);
  const baris = rows.map((k): [string, ...Tiga] => [k, ...(hitung.get(k) ?? [0, 0, 0])]);
  const jumlah: Tiga = [0, 0, 0];
  for (const b of baris) for (let i = 0; i < 3; i++) jumlah[i] = (jumlah[i] as number) + (b[i + 1] as number);
  return { baris, jumlah, belum: [total[0] - jumlah[0], total[1] - jumlah[1], total[2] - jumlah[2]], total };
}

function tambah(m: Map<string | null, Tiga>, v: string | null, sex: number | null, n = 1) {
  const t = m.get(v) ?? [0, 0, 0];
  if (sex === 1) t[0] += n;
  if (sex === 2) t[1] += n;
  t[2] += n;
  m.set(v, t);
}

const dimana = (s: Siapa, p = '') =>
  'desa' in s
    ? sql`${sql.raw(p)}status_dasar = 1 and ${sql.raw(p)}desa_kode in (${sql.join(s.desa)})`
    : s.ids.length === 0
      ? sql`1 = 0`
      : sql`${sql.raw(p)}id in (${sql.join(s.ids)})`;

const daftarKode = (rows: CodeListName | string[]) =>
  Array.isArray(rows) ? rows : codeList(rows).map((c) => String(c.code));

/** The 24 categories of the living at `tanggal` (akta-kematian apart: see `hitungMeninggal`). */
export async function hitungNaif(db: Db, siapa: Siapa, tanggal: string): Promise<Map<string, TabelNaif>> {
  const out = new Map<string, TabelNaif>();
  for (const [slug, expr, syarat, rows] of KODE) {
    const q = await sql<{ v: number | string | null; sex: number | null; n: number | string }>`
      select ${sql.raw(expr)} as v, sex, count(*) as n from penduduk
      where ${dimana(siapa)} ${syarat ? sql.raw(`and ${syarat}`) : sql``}
      group by ${sql.raw(expr)}, sex`.execute(db);
    const m = new Map<string | null, Tiga>();
    for (const r of q.rows) tambah(m, r.v === null ? null : String(r.v), r.sex, Number(r.n));
    out.set(slug, tabel(m, daftarKode(rows)));
  }
  const orang = await sql<{
    sex: number | null;
    tanggallahir: string | null;
    status_kawin: number | null;
    status_rekam: number | null;
    akta_lahir: string | null;
    ktp_el: number | null;
    suku: string | null;
  }>`select sex, tanggallahir, status_kawin, status_rekam, akta_lahir, ktp_el, suku from penduduk
     where ${dimana(siapa)}`.execute(db);
  const m: Record<string, Map<string | null, Tiga>> = {};
  const hit = (slug: string, v: string | null, sex: number | null) => {
    m[slug] = m[slug] ?? new Map();
    tambah(m[slug], v, sex);
  };
  for (const o of orang.rows) {
    const umur = umurNaif(o.tanggallahir, tanggal);
    hit('rentang-umur', kelompok(RENTANG, umur), o.sex);
    hit('kategori-umur', kelompok(TAHAP, umur), o.sex);
    const akta = o.akta_lahir !== null && !['', '-'].includes(o.akta_lahir.trim());
    hit('akta-kelahiran', akta ? kelompok(RENTANG, umur) : null, o.sex);
    if ((umur !== null && umur >= 17) || (o.status_kawin !== null && o.status_kawin !== 1))
      hit('ktp', o.status_rekam === null ? null : String(o.status_rekam), o.sex);
    if (umur !== null && umur >= 0 && umur <= 17) hit('kia', o.ktp_el === 3 ? '1' : '2', o.sex);
    const suku = o.suku?.trim() ? o.suku.trim().split(/\s+/).join(' ').toUpperCase() : null;
    hit('suku', suku, o.sex);
  }
  const rentang = RENTANG.map(([k]) => k);
  out.set('rentang-umur', tabel(m['rentang-umur'] ?? new Map(), rentang));
  out.set(
    'kategori-umur',
    tabel(
      m['kategori-umur'] ?? new Map(),
      TAHAP.map(([k]) => k),
    ),
  );
  out.set('akta-kelahiran', tabel(m['akta-kelahiran'] ?? new Map(), rentang));
  out.set('ktp', tabel(m.ktp ?? new Map(), daftarKode('status_rekam_ktp')));
  out.set('kia', tabel(m.kia ?? new Map(), ['1', '2']));
  const suku = m.suku ?? new Map<string | null, Tiga>();
  const nilai = [...suku.entries()]
    .filter((e): e is [string, Tiga] => e[0] !== null)
    .sort((a, b) => b[1][2] - a[1][2] || a[0].localeCompare(b[0]))
    .map(([k]) => k);
  out.set('suku', tabel(suku, nilai));
  return out;
}

/** akta-kematian: standing (not reversed) deaths in the desa by the date; or the given deaths (a model). */
export async function hitungMeninggal(
  db: Db,
  siapa: { desa: readonly string[]; sampai: string } | { mati: ReadonlyMap<number, string | null> },
): Promise<TabelNaif> {
  const m = new Map<string | null, Tiga>();
  if ('desa' in siapa) {
    const q = await sql<{ v: number; sex: number | null; n: number | string }>`
      select case when ${sql.raw(ADA('e.akta_mati'))} then 1 else 2 end as v, p.sex, count(*) as n
      from peristiwa e join penduduk p on p.id = e.penduduk_id
      where e.kode = 2 and e.membatalkan_id is null and e.desa_kode in (${sql.join(siapa.desa)})
        and e.tgl_peristiwa <= ${siapa.sampai}
        and not exists (select 1 from peristiwa r where r.membatalkan_id = e.id)
      group by 1, p.sex`.execute(db);
    for (const r of q.rows) tambah(m, String(r.v), r.sex, Number(r.n));
  } else if (siapa.mati.size > 0) {
    const q = await db
      .selectFrom('penduduk')
      .select(['id', 'sex'])
      .where('id', 'in', [...siapa.mati.keys()])
      .execute();
    for (const r of q) {
      const akta = siapa.mati.get(r.id);
      tambah(m, akta && !['', '-'].includes(akta.trim()) ? '1' : '2', r.sex);
    }
  }
  return tabel(m, ['1', '2']);
}

/** Families and households with at least one living resident of the desa now (statistics.md §5). */
export async function hitungKeluargaNaif(db: Db, desa: readonly string[]): Promise<Map<string, TabelNaif>> {
  const anggota = (kolom: string) =>
    sql`select ${sql.raw(kolom)} from penduduk where status_dasar = 1 and desa_kode in (${sql.join(desa)}) and ${sql.raw(kolom)} is not null`;
  const kk = await sql<{ v: number | null; sex: number | null; n: number | string }>`
    select k.kelas_sosial as v, h.sex, count(*) as n from keluarga k left join penduduk h on h.id = k.kepala_id
    where k.id in (${anggota('keluarga_id')}) group by k.kelas_sosial, h.sex`.execute(db);
  const rt = await sql<{ v: number; sex: number | null; n: number | string }>`
    select case when r.terdaftar_dtks = 1 or trim(coalesce(r.bdt, '')) <> '' then 1 else 2 end as v, h.sex, count(*) as n
    from rumah_tangga r left join penduduk h on h.id = r.kepala_id
    where r.id in (${anggota('rumah_tangga_id')}) group by 1, h.sex`.execute(db);
  const mk = new Map<string | null, Tiga>();
  for (const r of kk.rows) tambah(mk, r.v === null ? null : String(r.v), r.sex, Number(r.n));
  const mr = new Map<string | null, Tiga>();
  for (const r of rt.rows) tambah(mr, String(r.v), r.sex, Number(r.n));
  return new Map([
    ['keluarga-sejahtera', tabel(mk, daftarKode('keluarga_sejahtera'))],
    ['rumah-tangga-dtks', tabel(mr, ['1', '2'])],
  ]);
}

/**
 * Who lived in a desa at the end of a date, replayed from the event rows in SQL order: each person's last
 * standing arrival/birth/leaving on or before the date decides; before their first one, a leaving event means
 * they were here; without events, the register's status now. Reversed pairs and TIDAK VALID records drop out.
 */
export async function hadirDariBaris(db: Db, desa: string, tanggal: string): Promise<number[]> {
  const ev = await sql<{ penduduk_id: number; kode: number; tgl_peristiwa: string }>`
    select e.penduduk_id, e.kode, e.tgl_peristiwa from peristiwa e join penduduk p on p.id = e.penduduk_id
    where e.desa_kode = ${desa} and e.membatalkan_id is null and e.kode in (1, 2, 3, 4, 5, 6) and p.status_dasar <> 9
      and not exists (select 1 from peristiwa r where r.membatalkan_id = e.id)
    order by e.penduduk_id, e.tgl_peristiwa, e.id`.execute(db);
  const keadaan = new Map<number, boolean>();
  for (const e of ev.rows) {
    const masuk = e.kode === 1 || e.kode === 5;
    if (!keadaan.has(e.penduduk_id)) keadaan.set(e.penduduk_id, !masuk);
    if (e.tgl_peristiwa <= tanggal) keadaan.set(e.penduduk_id, masuk);
  }
  const tanpa = await sql<{ id: number }>`
    select id from penduduk p where desa_kode = ${desa} and status_dasar = 1
      and not exists (select 1 from peristiwa e where e.penduduk_id = p.id and e.desa_kode = ${desa}
        and e.membatalkan_id is null and e.kode in (1, 2, 3, 4, 5, 6)
        and not exists (select 1 from peristiwa r where r.membatalkan_id = e.id))`.execute(db);
  const ids = [...keadaan.entries()].filter(([, h]) => h).map(([id]) => id);
  return [...ids, ...tanpa.rows.map((r) => r.id)].sort((a, b) => a - b);
}
