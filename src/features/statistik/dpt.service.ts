import { ALASAN_BUKAN_PEMILIH, type AlasanBukanPemilih, alasanBukanPemilih } from '#src/domain/laporan-dpt.js';
import { maskNumber } from '#src/domain/nik.js';
import { levelOf } from '#src/domain/region-code.js';
import { umurPada } from '#src/domain/statistik-kategori.js';
import { earlier } from '#src/lib/db/time.js';
import { badRequest, notFound } from '#src/lib/errors.js';
import { isCalendarDate } from '#src/lib/forms/penduduk-fields.js';
import { listNamaOrang } from './laporan.repository.js';
import { pendudukBertempat } from './laporan-rentan.service.js';
import { jalurUnit, type Unit, urutNama, urutWilayah, type Wilayah, wilayahDi } from './laporan-tempat.js';
import { desaDi, hariIni, type StatistikContext } from './statistik.service.js';

/**
 * The prospective voters (DPT) of a desa for an election date (rules: domain/laporan-dpt.ts). Who lives here is
 * taken at the election date when it has passed, and today for a coming election (ages are always at the
 * election date). Names are for signed-in users only; the NIK is masked unless the user may read it.
 */
export interface Pemilih {
  id: number;
  nama: string;
  /** the NIK, whole or masked as the viewer may see it ('' when the person has none) */
  nik: string;
  sex: number | null;
  umur: number | null;
  alamat: string;
  wilayah: Wilayah;
}

export interface Hitung {
  laki: number;
  perempuan: number;
  jumlah: number;
}

export interface Dpt {
  kode: string;
  tanggalPemilu: string;
  /** presence is as of this date */
  per: string;
  daftar: Pemilih[];
  perRt: { wilayah: Wilayah; hitung: Hitung }[];
  perDusun: { dusun: Unit | null; hitung: Hitung }[];
  total: Hitung;
  /** living residents left out, by the first rule they fail */
  bukan: Record<AlasanBukanPemilih, number>;
}

const hitungKosong = (): Hitung => ({ laki: 0, perempuan: 0, jumlah: 0 });
function tambah(h: Hitung, sex: number | null) {
  h.jumlah += 1;
  if (sex === 1) h.laki += 1;
  else if (sex === 2) h.perempuan += 1;
}

export function tanggalPemilu(value: string | undefined): string {
  if (!value || !isCalendarDate(value) || value < '1950-01-01' || value > '2100-12-31')
    throw badRequest('statistikTanggalSalah');
  return value;
}

export async function daftarPemilih(
  ctx: StatistikContext,
  kode: string,
  tanggal: string,
  nikPenuh: boolean,
): Promise<Dpt> {
  if (levelOf(kode) !== 3) throw notFound();
  await desaDi(ctx.db, kode);
  const pemilu = tanggalPemilu(tanggal);
  const today = hariIni();
  // presence as of the election date once it has passed, as of today for a coming one
  const per = earlier(pemilu, today);
  const { hidup, tempat, units } = await pendudukBertempat(ctx.db, kode, per, today);
  const jalur = jalurUnit(units);
  const bukan = Object.fromEntries(ALASAN_BUKAN_PEMILIH.map((a) => [a, 0])) as Record<AlasanBukanPemilih, number>;
  const pilih = [];
  for (const o of hidup) {
    const alasan = alasanBukanPemilih(o, pemilu);
    if (alasan) bukan[alasan] += 1;
    else pilih.push(o);
  }
  const nama = await listNamaOrang(
    ctx.db,
    kode,
    pilih.map((o) => o.id),
  );
  const daftar: Pemilih[] = pilih.map((o) => {
    const n = nama.get(o.id);
    const nik = n?.nik ?? '';
    return {
      id: o.id,
      nama: n?.nama ?? '',
      nik: nikPenuh ? nik : maskNumber(nik),
      sex: o.sex,
      umur: umurPada(o.tanggallahir, pemilu),
      alamat: n?.alamat_sekarang ?? n?.alamat_kk ?? '',
      wilayah: wilayahDi(jalur(tempat.unitOf(o)), 'rt'),
    };
  });
  daftar.sort((a, b) => urutWilayah(a.wilayah, b.wilayah) || urutNama(a.nama, b.nama) || a.id - b.id);

  const perRt = new Map<string, { wilayah: Wilayah; hitung: Hitung }>();
  const perDusun = new Map<string, { dusun: Unit | null; hitung: Hitung }>();
  const total = hitungKosong();
  for (const p of daftar) {
    const rt = perRt.get(p.wilayah.kunci) ?? { wilayah: p.wilayah, hitung: hitungKosong() };
    perRt.set(p.wilayah.kunci, rt);
    const dk = String(p.wilayah.dusun?.id ?? '-');
    const dusun = perDusun.get(dk) ?? { dusun: p.wilayah.dusun, hitung: hitungKosong() };
    perDusun.set(dk, dusun);
    tambah(rt.hitung, p.sex);
    tambah(dusun.hitung, p.sex);
    tambah(total, p.sex);
  }
  return {
    kode,
    tanggalPemilu: pemilu,
    per,
    daftar,
    perRt: [...perRt.values()],
    perDusun: [...perDusun.values()],
    total,
    bukan,
  };
}
