import { z } from 'zod';
import {
  type Blok,
  type Isian,
  type JenisSurat,
  JenisSuratSchema,
  SUMBER_DATA,
  TIPE_ISIAN,
} from './surat-jenis.schema.js';
import { masalahTemplat, rapikanTemplat } from './surat-template-periksa.js';

/**
 * The kabupaten's "new letter type" form, flat HTML fields ↔ a JenisSurat. Without JavaScript the form has a
 * fixed number of custom-field rows (`isian_<n>_kode`, …) and one checkbox per optional subject block
 * (`blok_<kode>`) with its allowed sources (`sumber_<kode>_<sumber>`). Checked by JenisSuratSchema; problems
 * come back keyed by those field names.
 */

/** Subject blocks a kabupaten may add besides the main resident (`individu`, always there). */
export const BLOK_PILIHAN: readonly Pick<Blok, 'kode' | 'judul' | 'sex' | 'hubungan'>[] = [
  { kode: 'ayah', judul: 'Ayah', sex: 1, hubungan: 'individu' },
  { kode: 'ibu', judul: 'Ibu', sex: 2, hubungan: 'individu' },
  { kode: 'pasangan', judul: 'Suami/Istri', hubungan: 'individu' },
  { kode: 'pelapor', judul: 'Pelapor' },
  { kode: 'saksi_i', judul: 'Saksi I' },
  { kode: 'saksi_ii', judul: 'Saksi II' },
];
export const JUDUL_INDIVIDU = 'Yang bersangkutan';
export const BARIS_ISIAN_MIN = 10;
const BARIS_ISIAN_MAKS = 60;

type Body = Record<string, unknown>;
const str = (b: Body, k: string) => (typeof b[k] === 'string' ? (b[k] as string).trim() : '');
const on = (b: Body, k: string) => str(b, k) === '1';

/** "Keterangan Usaha Mikro" → "surat-keterangan-usaha-mikro". */
export function saranSlug(nama: string): string {
  const inti = nama
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/^surat-?/, '');
  return `surat-${inti || 'baru'}`.slice(0, 100).replace(/-+$/, '');
}

/** Rows the form shows: at least 10, and 3 empty ones after the last filled row. */
export const jumlahBarisIsian = (terisi: number) => Math.min(BARIS_ISIAN_MAKS, Math.max(BARIS_ISIAN_MIN, terisi + 3));

function sumber(b: Body, kode: string): string[] {
  return SUMBER_DATA.filter((s) => on(b, `sumber_${kode}_${s}`));
}

interface Calon {
  input: Record<string, unknown>;
  /** isian index → form row */
  baris: number[];
  errors: Record<string, string>;
}

function calonDariForm(b: Body, lama: JenisSurat | null): Calon {
  const errors: Record<string, string> = {};
  const nama = str(b, 'nama');
  const masa = str(b, 'masa_berlaku');
  const blok: Blok[] = [
    { kode: 'individu', judul: JUDUL_INDIVIDU, sumber: 'penduduk', data: sumber(b, 'individu') as Blok['data'] },
  ];
  for (const p of BLOK_PILIHAN)
    if (on(b, `blok_${p.kode}`)) blok.push({ ...p, sumber: 'penduduk', data: sumber(b, p.kode) as Blok['data'] });
  // blocks this form cannot make (a manual block of an older definition) are kept as they were
  for (const x of lama?.blok ?? [])
    if (x.kode !== 'individu' && !BLOK_PILIHAN.some((p) => p.kode === x.kode)) blok.push(x);

  const isian: Record<string, unknown>[] = [];
  const baris: number[] = [];
  for (let n = 0; n < BARIS_ISIAN_MAKS; n++) {
    const kode = str(b, `isian_${n}_kode`);
    const namaIsian = str(b, `isian_${n}_nama`);
    if (kode === '' && namaIsian === '') continue;
    if (kode === '' || namaIsian === '') {
      errors[`isian_${n}_${kode === '' ? 'kode' : 'nama'}`] = `Isian baris ${n + 1}: tulis kode dan namanya.`;
      continue;
    }
    const tipe = str(b, `isian_${n}_tipe`) || 'text';
    const pilihan = str(b, `isian_${n}_pilihan`)
      .split(';')
      .map((p) => p.trim())
      .filter(Boolean);
    const sebelumnya = lama?.isian.find((f) => f.kode === kode);
    isian.push({
      ...(sebelumnya ? { deskripsi: sebelumnya.deskripsi, maks: sebelumnya.maks, blok: sebelumnya.blok } : {}),
      kode,
      nama: namaIsian,
      tipe,
      wajib: on(b, `isian_${n}_wajib`),
      ...(tipe === 'select' ? { pilihan } : {}),
    });
    baris.push(n);
  }
  if (nama === '') errors.nama = 'Tulis nama jenis surat.';
  if (str(b, 'kode') === '') errors.kode = 'Tulis kode surat (dicetak di nomor surat), mis. 470 atau S-50.';
  if (masa !== '' && !/^\d{1,4}$/.test(masa)) errors.masa_berlaku = 'Masa berlaku ditulis dengan angka.';
  return {
    input: {
      syarat: lama?.syarat ?? [],
      lampiran: lama?.lampiran ?? [],
      margin: lama?.margin ?? null,
      orientasi: lama?.orientasi ?? 'portrait',
      format_nomor: lama?.format_nomor ?? null,
      slug: lama?.slug ?? (str(b, 'slug') || saranSlug(nama)),
      kode: str(b, 'kode'),
      nama,
      mandiri: on(b, 'mandiri'),
      qr: on(b, 'qr'),
      masa_berlaku: masa === '' ? null : Number(masa),
      satuan_masa_berlaku: str(b, 'satuan_masa_berlaku') || null,
      kertas: str(b, 'kertas') || 'F4',
      blok,
      isian,
      template: rapikanTemplat(typeof b.template === 'string' ? b.template : ''),
    },
    baris,
    errors,
  };
}

const SUMBER_LABEL = 'pilih minimal satu: penduduk desa ini, orang luar (nama + NIK), atau orang luar (data lengkap)';

/** The field an issue belongs to. */
function fieldOf(path: readonly PropertyKey[], c: Calon): string {
  const [top, i, f] = path;
  if (top === 'blok' && typeof i === 'number') {
    const kode = (c.input.blok as Blok[])[i]?.kode ?? 'individu';
    return `blok_${kode}`;
  }
  if (top === 'isian' && typeof i === 'number') {
    const n = c.baris[i] ?? 0;
    return `isian_${n}_${f === 'nama' || f === 'tipe' || f === 'pilihan' ? f : 'kode'}`;
  }
  return typeof top === 'string' ? top : 'nama';
}

function pesanOf(path: readonly PropertyKey[], message: string, c: Calon): string {
  const [top, i, f] = path;
  if (top === 'isian' && typeof i === 'number') return `Isian baris ${(c.baris[i] ?? 0) + 1}: ${message}`;
  if (top === 'blok' && f === 'data') return `${(c.input.blok as Blok[])[i as number]?.judul}: ${SUMBER_LABEL}.`;
  return message;
}

export type HasilJenisForm = { ok: true; data: JenisSurat } | { ok: false; errors: Record<string, string> };

/** Read and check the form; `lama` is the stored type when editing (its slug and extra data are kept). */
export function parseJenisForm(body: unknown, lama: JenisSurat | null = null): HasilJenisForm {
  const b = (body && typeof body === 'object' ? body : {}) as Body;
  const c = calonDariForm(b, lama);
  const errors = { ...c.errors };
  const hasil = JenisSuratSchema.safeParse(c.input, { error: z.locales.id().localeError });
  if (!hasil.success) {
    for (const issue of hasil.error.issues) errors[fieldOf(issue.path, c)] ??= pesanOf(issue.path, issue.message, c);
  } else {
    const masalah = masalahTemplat(hasil.data, hasil.data.template);
    if (masalah) errors.template ??= masalah;
  }
  if (Object.keys(errors).length > 0 || !hasil.success) return { ok: false, errors };
  return { ok: true, data: hasil.data };
}

/** A stored type as the form's values (for editing). */
export function nilaiForm(def: JenisSurat): Record<string, string> {
  const v: Record<string, string> = {
    nama: def.nama,
    kode: def.kode,
    slug: def.slug,
    kertas: def.kertas,
    masa_berlaku: def.masa_berlaku === null ? '' : String(def.masa_berlaku),
    satuan_masa_berlaku: def.satuan_masa_berlaku ?? '',
    mandiri: def.mandiri ? '1' : '',
    qr: def.qr ? '1' : '',
    template: def.template,
  };
  for (const b of def.blok) {
    if (b.kode !== 'individu') v[`blok_${b.kode}`] = '1';
    for (const s of b.data) v[`sumber_${b.kode}_${s}`] = '1';
  }
  def.isian.forEach((f: Isian, n) => {
    v[`isian_${n}_kode`] = f.kode;
    v[`isian_${n}_nama`] = f.nama;
    v[`isian_${n}_tipe`] = f.tipe;
    v[`isian_${n}_wajib`] = f.wajib ? '1' : '';
    v[`isian_${n}_pilihan`] = (f.pilihan ?? []).join('; ');
  });
  return v;
}

/** Values of an empty "new type" form: the main resident from this desa, QR on, F4. */
export const NILAI_BARU: Record<string, string> = { sumber_individu_desa: '1', qr: '1', kertas: 'F4' };

export { TIPE_ISIAN };
