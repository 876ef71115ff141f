import { codeLabel } from '#src/domain/codes.js';
import type { Blok, Isian } from './surat-jenis.schema.js';
import { KUNCI_ORANG, KUNCI_ORANG_TUA, KUNCI_UMUM, kunciDenganBlok, nilaiDikenal } from './surat-nilai-kunci.js';
import { daftarAnggota, type KonteksOrang, type LabelKode, nilaiOrang, type Orang } from './surat-nilai-orang.js';
import { bulanRomawi, hariTanggal, jamTeks, tanggalPanjang } from './surat-nilai-tanggal.js';

export type { LabelKode, Orang } from './surat-nilai-orang.js';
export { KUNCI_UMUM, nilaiDikenal };

/**
 * The placeholder values of one letter (canonical lower-case keys, letters.md §3) from plain data the service
 * gathers. Every key `nilaiDikenal(jenis)` lists is present; an unknown or empty value is '' (the renderer
 * prints the "empty" mark). Dates are written out in Indonesian; codes become labels through `label`.
 */
export interface NilaiInput {
  desa: {
    kode: string;
    nama: string;
    /** 'desa' | 'kelurahan' | … */
    sebutan: string;
    /** 'dusun' | 'dukuh' | … (default 'dusun') */
    sebutanDusun?: string | null;
    kecamatan: string;
    /** "Kabupaten Rembang" or "Rembang"; the prefix goes to `sebutan_kabupaten` */
    kabupaten: string;
    provinsi: string;
    alamat: string | null;
    kodePos: string | null;
    telepon: string | null;
    email: string | null;
    situs: string | null;
    kepalaDesa: string | null;
  };
  surat: {
    judul: string;
    kodeSurat: string;
    /** null until numbered at final approval */
    nomor: string | null;
    /** YYYY-MM-DD */
    tanggal: string;
    berlakuSampai: string | null;
  };
  /** person per block kode ('individu', 'ayah', 'pelapor', 'saksi_i', …); null = not filled */
  subjek: Record<string, Orang | null>;
  /** people per family-member block (sumber 'anggota'), e.g. `{ pengikut: [...] }` */
  anggota?: Record<string, readonly Orang[]>;
  /** custom-field answers (kode → value, as isianSchema returns them) */
  isian: Record<string, string>;
  penandatangan: { nama: string; jabatan: string; nip: string | null; atasNama: string | null };
  /** the type (its blocks and fields): every key it offers gets a value; answers are formatted by field type */
  jenis: { blok: readonly Blok[]; isian: readonly Isian[] };
  /** code → label; default: the bundled code lists */
  label?: LabelKode;
}

const KEPALA: Record<string, string> = { kelurahan: 'Lurah', kalurahan: 'Lurah', nagari: 'Wali Nagari' };

function kapital(kata: string): string {
  return kata.charAt(0).toUpperCase() + kata.slice(1);
}

/** "Kabupaten Rembang" → ["Kabupaten", "Rembang"]; "Kota Semarang" → ["Kota", "Semarang"]. */
function pisahKabupaten(nama: string): [string, string] {
  const m = /^(kabupaten|kab\.|kota)\s+(.+)$/i.exec(nama.trim());
  if (!m) return ['Kabupaten', nama.trim()];
  return [m[1]?.toLowerCase() === 'kota' ? 'Kota' : 'Kabupaten', m[2] ?? ''];
}

/** A custom-field answer as printed: dates written out, times with a dot. */
function formatIsian(tipe: Isian['tipe'], nilai: string): string {
  if (tipe === 'date') return tanggalPanjang(nilai);
  if (tipe === 'hari-tanggal') return hariTanggal(nilai);
  if (tipe === 'time') return jamTeks(nilai);
  return nilai;
}

export function buildNilai(input: NilaiInput): Record<string, string> {
  const { desa, surat, penandatangan: ttd } = input;
  const label: LabelKode = input.label ?? ((kategori, kode) => codeLabel(kategori, kode));
  const [sebutanKab, namaKab] = pisahKabupaten(desa.kabupaten);
  const sebutanKecil = desa.sebutan.trim().toLowerCase() || 'desa';
  const sebutan = kapital(sebutanKecil);
  const sebutanDusun = kapital(desa.sebutanDusun?.trim().toLowerCase() || 'dusun');
  const [tahun, bulan] = surat.tanggal.split('-').map(Number) as [number, number];
  const s = (v: string | null | undefined) => (v ?? '').trim();

  const nilai: Record<string, string> = {
    nama_desa: desa.nama,
    kode_desa: desa.kode,
    sebutan_desa: sebutan,
    sebutan_kepala_desa: KEPALA[sebutanKecil] ?? `Kepala ${sebutan}`,
    sebutan_dusun: sebutanDusun,
    nama_kecamatan: desa.kecamatan,
    nama_kabupaten: namaKab,
    sebutan_kabupaten: sebutanKab,
    nama_provinsi: desa.provinsi,
    alamat_desa: s(desa.alamat),
    kode_pos: s(desa.kodePos),
    telepon_desa: s(desa.telepon),
    email_desa: s(desa.email),
    website_desa: s(desa.situs),
    nama_kepala_desa: s(desa.kepalaDesa),
    judul_surat: surat.judul,
    kode_surat: surat.kodeSurat,
    format_nomor_surat: s(surat.nomor),
    tgl_surat: tanggalPanjang(surat.tanggal),
    tahun: String(tahun),
    bulan_romawi: bulanRomawi(bulan),
    mulai_berlaku: tanggalPanjang(surat.tanggal),
    berlaku_sampai: tanggalPanjang(surat.berlakuSampai),
    atas_nama: s(ttd.atasNama),
    nama_pamong: ttd.nama,
    jabatan: ttd.jabatan,
    nip: s(ttd.nip),
  };

  const konteks: KonteksOrang = {
    label,
    tanggalSurat: surat.tanggal,
    wilayahDesa: `${sebutan} ${desa.nama}, Kecamatan ${desa.kecamatan}, ${sebutanKab} ${namaKab}`,
    sebutanDusun,
  };
  const blokOrang = input.jenis.blok.filter((b) => b.sumber === 'penduduk').map((b) => b.kode);
  // A person's own fields win over another person's record of their parents (block `ibu` over `nama_ibu`).
  const sendiri = new Map<string, string>();
  const catatanOrangTua = new Map<string, string>();
  for (const kode of ['individu', ...blokOrang.filter((k) => k !== 'individu')]) {
    const data = nilaiOrang(input.subjek[kode] ?? null, konteks);
    for (const k of KUNCI_ORANG) {
      const tujuan = (KUNCI_ORANG_TUA as readonly string[]).includes(k) ? catatanOrangTua : sendiri;
      const kunci = kunciDenganBlok(k, kode);
      if (!tujuan.get(kunci)) tujuan.set(kunci, data[k]);
    }
  }
  for (const kunci of new Set([...sendiri.keys(), ...catatanOrangTua.keys()]))
    nilai[kunci] = sendiri.get(kunci) || catatanOrangTua.get(kunci) || '';

  for (const kode of input.jenis.blok.filter((b) => b.sumber === 'anggota').map((b) => b.kode)) {
    const anggota = input.anggota?.[kode] ?? [];
    nilai[`jumlah_${kode}`] = String(anggota.length);
    nilai[`daftar_${kode}`] = daftarAnggota(anggota, konteks);
  }

  for (const f of input.jenis.isian) nilai[`form_${f.kode}`] = formatIsian(f.tipe, s(input.isian[f.kode]));
  return nilai;
}
