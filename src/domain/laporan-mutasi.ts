import { type Angka, angkaKosong, slot, tambahOrang } from './laporan-angka.js';
import { jenisPindah, PERISTIWA, STATUS } from './peristiwa.js';
import { hadirPada, type PendudukRingkas, type PeristiwaRingkas } from './statistik-kehadiran.js';

/**
 * The population changes of one month (Laporan Bulanan, Buku Rekapitulasi), from the same event history the
 * dashboard rebuilds presence from (statistik-kehadiran.ts), by EVENT date. A person's presence at the start
 * (end of the previous month's last day) and at the end is `hadirPada`; in between, each standing event of the
 * month moves them in or out, and only an event that changes their presence counts in its line. So
 * start + births + arrivals − deaths − moves out − missing − pergi = end, for every split, by construction —
 * and it is checked here anyway: the end is computed on its own and compared (a mismatch is a bug: it throws).
 *
 * "Pergi" (event 6: a non-permanent resident leaving) is a line of its own among the removals.
 *
 * KK counts families (KK) with at least one member living here. On an event line it counts the families that
 * event brought in (its first member present) or took out (its last member gone): a birth into a family that
 * lives here adds no KK; a head's death adds none while others remain. Families of the end = families of the
 * start + the KK of the incoming lines − the KK of the outgoing lines.
 */
export type Garis = 'lahir' | 'datang' | 'mati' | 'pindah' | 'hilang' | 'pergi';
export const GARIS_MASUK = ['lahir', 'datang'] as const;
export const GARIS_KELUAR = ['mati', 'pindah', 'hilang', 'pergi'] as const;
export const GARIS: readonly Garis[] = [...GARIS_MASUK, ...GARIS_KELUAR];

const GARIS_KODE: Readonly<Record<number, Garis>> = {
  [PERISTIWA.lahir]: 'lahir',
  [PERISTIWA.pindahMasuk]: 'datang',
  [PERISTIWA.mati]: 'mati',
  [PERISTIWA.pindahKeluar]: 'pindah',
  [PERISTIWA.hilang]: 'hilang',
  [PERISTIWA.pergi]: 'pergi',
};
const MASUK = new Set<number>([PERISTIWA.lahir, PERISTIWA.pindahMasuk]);

/** How far people moved out: jenis_pindah 1–4 (desa, kecamatan, kabupaten, province); '0' = not recorded. */
export const JENIS_PINDAH = ['1', '2', '3', '4', '0'] as const;
export type JenisPindahKey = (typeof JENIS_PINDAH)[number];

export interface PeristiwaMutasi extends PeristiwaRingkas {
  tgl_lapor: string;
  keluarga_id: number | null;
  ref_pindah: number | null;
  tujuan_desa_kode: string | null;
}

export interface OrangMutasi extends PendudukRingkas {
  sex: number | null;
  warganegara_id: number | null;
}

export interface Mutasi {
  awal: Angka;
  garis: Record<Garis, Angka>;
  /** the moves out again, by how far */
  pindahJenis: Record<JenisPindahKey, Angka>;
  akhir: Angka;
}

export interface MutasiInput<K, O extends OrangMutasi = OrangMutasi> {
  desaKode: string;
  /** the start: presence at the end of this date (the previous month's last day) */
  awal: string;
  /** the end: presence at the end of this date */
  akhir: string;
  orang: readonly O[];
  /** each person's standing events in this desa, in order (perPenduduk) */
  peristiwa: ReadonlyMap<number, readonly PeristiwaMutasi[]>;
  /** the person's family in this desa (null: none) */
  keluargaOf: (o: O) => number | null;
  /** the row a person is counted in (a dusun; one key for the whole desa) */
  kelompokOrang: (o: O) => K;
  /** the row a family is counted in */
  kelompokKeluarga: (keluargaId: number) => K;
}

export interface HasilMutasi<K> {
  kelompok: Map<K, Mutasi>;
  /** standing events of the month that changed nobody's presence (e.g. a second arrival): listed, not counted */
  tanpaPengaruh: PeristiwaMutasi[];
}

export function mutasiKosong(): Mutasi {
  const garis = Object.fromEntries(GARIS.map((g) => [g, angkaKosong()])) as Record<Garis, Angka>;
  const pindahJenis = Object.fromEntries(JENIS_PINDAH.map((j) => [j, angkaKosong()])) as Record<JenisPindahKey, Angka>;
  return { awal: angkaKosong(), garis, pindahJenis, akhir: angkaKosong() };
}

export function jenisPindahDari(desaKode: string, e: PeristiwaMutasi): JenisPindahKey {
  if (e.ref_pindah !== null && e.ref_pindah >= 1 && e.ref_pindah <= 4) return String(e.ref_pindah) as JenisPindahKey;
  return e.tujuan_desa_kode ? (String(jenisPindah(desaKode, e.tujuan_desa_kode)) as JenisPindahKey) : '0';
}

interface Langkah<O> {
  o: O;
  e: PeristiwaMutasi;
  masuk: boolean;
}

export function hitungMutasi<K, O extends OrangMutasi>(input: MutasiInput<K, O>): HasilMutasi<K> {
  const kelompok = new Map<K, Mutasi>();
  const of = (k: K) => {
    let m = kelompok.get(k);
    if (!m) {
      m = mutasiKosong();
      kelompok.set(k, m);
    }
    return m;
  };
  const langkah: Langkah<O>[] = [];
  const tanpaPengaruh: PeristiwaMutasi[] = [];
  const anggota = new Map<number, number>();
  const keluargaAkhir = new Set<number>();

  for (const o of input.orang) {
    const evs = input.peristiwa.get(o.id) ?? [];
    let hadir = hadirPada(o, evs, input.desaKode, input.awal);
    const akhir = hadirPada(o, evs, input.desaKode, input.akhir);
    const f = input.keluargaOf(o);
    if (hadir) {
      tambahOrang(of(input.kelompokOrang(o)).awal, o);
      if (f !== null) anggota.set(f, (anggota.get(f) ?? 0) + 1);
    }
    if (akhir) {
      tambahOrang(of(input.kelompokOrang(o)).akhir, o);
      if (f !== null) keluargaAkhir.add(f);
    }
    for (const e of evs) {
      if (e.tgl_peristiwa <= input.awal || !GARIS_KODE[e.kode]) continue;
      if (e.tgl_peristiwa > input.akhir) break;
      const masuk = o.status_dasar !== STATUS.tidakValid && MASUK.has(e.kode);
      if (masuk === hadir) tanpaPengaruh.push(e);
      else langkah.push({ o, e, masuk });
      hadir = masuk;
    }
    if (hadir !== akhir) throw new Error(`laporan bulanan: kehadiran penduduk #${o.id} tidak konsisten`);
  }

  for (const [f, n] of anggota) if (n > 0) of(input.kelompokKeluarga(f)).awal.kk += 1;
  for (const f of keluargaAkhir) of(input.kelompokKeluarga(f)).akhir.kk += 1;

  langkah.sort((a, b) =>
    a.e.tgl_peristiwa === b.e.tgl_peristiwa ? a.e.id - b.e.id : a.e.tgl_peristiwa < b.e.tgl_peristiwa ? -1 : 1,
  );
  for (const { o, e, masuk } of langkah) {
    const garis = GARIS_KODE[e.kode] as Garis;
    const jenis = garis === 'pindah' ? jenisPindahDari(input.desaKode, e) : null;
    const m = of(input.kelompokOrang(o));
    tambahOrang(m.garis[garis], o);
    if (jenis) tambahOrang(m.pindahJenis[jenis], o);
    const f = input.keluargaOf(o);
    if (f === null) continue;
    const before = anggota.get(f) ?? 0;
    const after = before + (masuk ? 1 : -1);
    anggota.set(f, after);
    if ((masuk && before === 0) || (!masuk && after === 0)) {
      const mk = of(input.kelompokKeluarga(f));
      mk.garis[garis].kk += 1;
      if (jenis) mk.pindahJenis[jenis].kk += 1;
    }
  }
  for (const [k, m] of kelompok) cekIdentitas(m, String(k));
  return { kelompok, tanpaPengaruh };
}

/** start + births + arrivals − deaths − moves − missing − pergi = end, for each of the seven slots. */
export function selisihIdentitas(m: Mutasi): number[] {
  const akhir = slot(m.akhir);
  return slot(m.awal).map((awal, i) => {
    let n = awal;
    for (const g of GARIS_MASUK) n += slot(m.garis[g])[i] as number;
    for (const g of GARIS_KELUAR) n -= slot(m.garis[g])[i] as number;
    return n - (akhir[i] as number);
  });
}

export function cekIdentitas(m: Mutasi, label: string): void {
  if (selisihIdentitas(m).some((n) => n !== 0))
    throw new Error(`laporan bulanan tidak seimbang (${label}): awal + masuk − keluar ≠ akhir`);
}
