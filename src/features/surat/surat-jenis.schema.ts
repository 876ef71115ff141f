import { z } from 'zod';
import { optionalEmail, optionalUrl } from '#src/lib/forms/fields.js';
import { isCalendarDate } from '#src/lib/forms/penduduk-fields.js';
import { kunciBentrok } from './surat-nilai-kunci.js';
import { HARI } from './surat-nilai-tanggal.js';

/**
 * A letter type as data (table `surat_jenis`, letters.md §1–§2): who the letter is about (subject blocks), the
 * extra fields the operator fills, requirements, validity, paper and the body text with placeholders.
 * `isianSchema(jenis)` checks the answers to a type's custom fields.
 */
export const SATUAN_MASA_BERLAKU = ['d', 'w', 'M', 'y'] as const;
export const KERTAS = ['F4', 'A4'] as const;
export const ORIENTASI = ['portrait', 'landscape'] as const;
/** Who may fill a person block: a resident of this desa; an outsider by name + NIK; an outsider with full data. */
export const SUMBER_DATA = ['desa', 'luar_nik', 'luar_lengkap'] as const;
export const TIPE_ISIAN = [
  'text',
  'number',
  'email',
  'url',
  'date',
  'time',
  'textarea',
  'select',
  'hari',
  'hari-tanggal',
] as const;
export type TipeIsian = (typeof TIPE_ISIAN)[number];

const kode = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/, { error: 'huruf kecil, angka dan garis bawah (snake_case)' });
const teks = (max: number) => z.string().trim().min(1).max(max);
/** Stored as 0/1 in the table, true/false in the seed. */
const bendera = z.union([z.boolean(), z.literal(0), z.literal(1)]).transform((v) => v === true || v === 1);

export const BlokSchema = z
  .object({
    kode: kode(30),
    judul: teks(100),
    /** penduduk: pick one person; manual: a heading for free-entry fields; anggota: pick members of the
     *  `individu`'s family (several) */
    sumber: z.enum(['penduduk', 'manual', 'anggota']),
    data: z.array(z.enum(SUMBER_DATA)).default([]),
    sex: z.union([z.literal(1), z.literal(2)]).optional(),
    status_dasar: z.array(z.number().int().positive()).optional(),
    kk_level: z.array(z.number().int().positive()).optional(),
    /** prefill from this block's relative in the named block: `ayah`/`ibu` → parents, `pasangan` → spouse */
    hubungan: kode(30).optional(),
  })
  .superRefine((b, ctx) => {
    if (b.sumber === 'penduduk' && b.data.length === 0)
      ctx.addIssue({ code: 'custom', path: ['data'], message: 'blok penduduk perlu minimal satu sumber data' });
    if (b.sumber !== 'penduduk' && b.data.length > 0)
      ctx.addIssue({ code: 'custom', path: ['data'], message: 'sumber data hanya untuk blok penduduk' });
    if (new Set(b.data).size !== b.data.length)
      ctx.addIssue({ code: 'custom', path: ['data'], message: 'sumber data ganda' });
  });
export type Blok = z.infer<typeof BlokSchema>;
/** A person block (the name the letter services use). */
export type BlokSubjek = Blok;

export const IsianSchema = z
  .object({
    /** snake_case; the placeholder is `[form_<kode>]` */
    kode: kode(60),
    nama: teks(100),
    tipe: z.enum(TIPE_ISIAN),
    pilihan: z.array(teks(200)).min(1).optional(),
    wajib: z.boolean(),
    deskripsi: z.string().trim().max(300).optional(),
    maks: z.number().int().positive().max(5000).optional(),
    /** the manual block this field is shown under */
    blok: kode(30).optional(),
  })
  .superRefine((f, ctx) => {
    if ((f.tipe === 'select') !== (f.pilihan !== undefined))
      ctx.addIssue({
        code: 'custom',
        path: ['pilihan'],
        message: 'pilihan wajib untuk tipe select, dan hanya untuknya',
      });
  });
export type Isian = z.infer<typeof IsianSchema>;

export const MarginSchema = z.object({
  kiri: z.number().min(0).max(10),
  atas: z.number().min(0).max(10),
  kanan: z.number().min(0).max(10),
  bawah: z.number().min(0).max(10),
});

export const JenisSuratSchema = z
  .object({
    /** url key, OpenSID's url_surat: "surat-keterangan-domisili" */
    slug: z
      .string()
      .max(100)
      .regex(/^surat-[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'slug ditulis surat-kata-kata (huruf kecil, angka, -)' }),
    /** code printed in the number (not unique: S-41 is used twice) */
    kode: teks(30),
    nama: teks(200),
    mandiri: bendera,
    qr: bendera,
    masa_berlaku: z.number().int().positive().nullable().default(null),
    satuan_masa_berlaku: z.enum(SATUAN_MASA_BERLAKU).nullable().default(null),
    kertas: z.enum(KERTAS).default('F4'),
    orientasi: z.enum(ORIENTASI).default('portrait'),
    /** cm; null = the global margins */
    margin: MarginSchema.nullable().default(null),
    /** null = the kabupaten/desa numbering format */
    format_nomor: z.string().trim().min(1).max(200).nullable().default(null),
    /** attached official forms: 'F-1.01', 'F-2.01', 'N-1', … */
    lampiran: z.array(z.string().regex(/^[A-Z][A-Z0-9]*(-[0-9A-Z.]+)?$/)).default([]),
    /** requirement ids (codes.json `syarat_surat`) */
    syarat: z.array(z.number().int().positive()).default([]),
    blok: z.array(BlokSchema).min(1),
    isian: z.array(IsianSchema).default([]),
    /** the body between the number and the signature: paragraphs, `| Label | value` rows, **bold**, [placeholders] */
    template: z.string().trim().min(1).max(50_000),
  })
  .superRefine((j, ctx) => {
    const masalah = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if ((j.masa_berlaku === null) !== (j.satuan_masa_berlaku === null))
      masalah(['satuan_masa_berlaku'], 'masa berlaku dan satuannya diisi bersama');
    const utama = j.blok[0];
    if (utama?.kode !== 'individu' || utama.sumber !== 'penduduk')
      masalah(['blok', 0], "blok pertama adalah 'individu' (sumber penduduk)");
    const kodeBlok = j.blok.map((b) => b.kode);
    kodeBlok.forEach((k, i) => {
      if (kodeBlok.indexOf(k) !== i) masalah(['blok', i, 'kode'], `kode blok ganda: ${k}`);
    });
    const kodeIsian = j.isian.map((f) => f.kode);
    j.isian.forEach((f, i) => {
      if (kodeIsian.indexOf(f.kode) !== i) masalah(['isian', i, 'kode'], `kode isian ganda: ${f.kode}`);
      if (f.blok !== undefined && !j.blok.some((b) => b.kode === f.blok && b.sumber === 'manual'))
        masalah(['isian', i, 'blok'], `blok manual tidak ada: ${f.blok}`);
    });
    const bentrok = kunciBentrok(j);
    if (bentrok.length > 0) masalah(['blok'], `kode isian bertabrakan: ${bentrok.join(', ')}`);
  });
export type JenisSurat = z.infer<typeof JenisSuratSchema>;

/** The built-in list (seed/surat/jenis-surat.json): every type valid, slugs unique. */
export const DaftarJenisSuratSchema = z.array(JenisSuratSchema).superRefine((daftar, ctx) => {
  const slug = daftar.map((j) => j.slug);
  slug.forEach((s, i) => {
    if (slug.indexOf(s) !== i) ctx.addIssue({ code: 'custom', path: [i, 'slug'], message: `slug ganda: ${s}` });
  });
});

/** Longest answer per field type unless the field sets `maks`. */
const MAKS_BAWAAN: Record<TipeIsian, number> = {
  text: 200,
  number: 30,
  email: 120,
  url: 200,
  date: 10,
  time: 5,
  textarea: 1000,
  select: 200,
  hari: 6,
  'hari-tanggal': 10,
};

const ANGKA = /^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$|^-?\d+\.\d+$/;
const JAM = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/;

/** An answer in its stored form (weekday and option as listed, time as HH:MM), or why it is not valid. */
function periksa(f: Isian, v: string): { nilai: string } | { pesan: string } {
  const cocok = (daftar: readonly string[]) => daftar.find((p) => p.toLowerCase() === v.toLowerCase());
  switch (f.tipe) {
    case 'date':
    case 'hari-tanggal':
      return isCalendarDate(v) ? { nilai: v } : { pesan: `${f.nama} bukan tanggal yang benar; tulis TTTT-BB-HH.` };
    case 'time': {
      const m = JAM.exec(v);
      return m ? { nilai: `${m[1]?.padStart(2, '0')}:${m[2]}` } : { pesan: `${f.nama} ditulis JJ:MM, mis. 08:30.` };
    }
    case 'number':
      return ANGKA.test(v.replace(/\s/g, '')) ? { nilai: v } : { pesan: `${f.nama} harus berupa angka.` };
    case 'hari': {
      const hari = cocok(HARI);
      return hari ? { nilai: hari } : { pesan: `${f.nama} diisi nama hari (Senin sampai Minggu).` };
    }
    case 'select': {
      const pilihan = cocok(f.pilihan ?? []);
      return pilihan ? { nilai: pilihan } : { pesan: `Pilih ${f.nama} dari pilihan yang tersedia.` };
    }
    case 'email':
    case 'url': {
      const r = (f.tipe === 'email' ? optionalEmail() : optionalUrl()).safeParse(v);
      return r.success ? { nilai: v } : { pesan: r.error.issues[0]?.message ?? `${f.nama} tidak valid.` };
    }
    default:
      return { nilai: v };
  }
}

function skemaIsian(f: Isian) {
  const maks = f.maks ?? MAKS_BAWAAN[f.tipe];
  const wajib = `${f.nama} wajib diisi.`;
  const dasar = z
    .string({ error: wajib })
    .trim()
    .max(maks, { error: `${f.nama} paling banyak ${maks} karakter.` });
  const rapikan = (v: string | undefined, ctx: z.RefinementCtx): string => {
    if (!v) return '';
    const hasil = periksa(f, v);
    if ('pesan' in hasil) {
      ctx.addIssue({ code: 'custom', message: hasil.pesan });
      return z.NEVER;
    }
    return hasil.nilai;
  };
  return f.wajib ? dasar.min(1, { error: wajib }).transform(rapikan) : dasar.optional().transform(rapikan);
}

/**
 * The answers to a type's custom fields, keyed by field `kode`: required ones present, dates real (YYYY-MM-DD),
 * numbers numeric, options from the list, lengths bounded. Empty optional answers become ''. Messages are
 * Indonesian sentences naming the field (email/URL use the shared message keys, localised by parseForm).
 */
export function isianSchema(jenis: Pick<JenisSurat, 'isian'>) {
  return z.object(Object.fromEntries(jenis.isian.map((f) => [f.kode, skemaIsian(f)])));
}
