import { z } from 'zod';
import { choice, optionalText, requiredText } from '#src/lib/forms/fields.js';
import type { Messages } from '#src/lib/i18n/messages.js';
import { JENIS_ARTIKEL, JENIS_HUKUM, KATEGORI_PPID } from './konten.table.js';
import { localToIso } from './konten-waktu.js';

/** Largest article body accepted (the form body limit is larger). */
export const ISI_MAKS = 200_000;

/** What the editor's submit buttons ask for: keep as draft, publish now, or publish at `terbit_pada`. */
export const INTENT_ARTIKEL = ['simpan', 'terbit', 'jadwal'] as const;

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);
const optionalLocalTime = () => z.preprocess(emptyToUndefined, z.string().max(16).optional());

/**
 * The article form. Built per language because the rules that join fields (an agenda needs its date, a produk
 * hukum its number) carry their message. Times are `datetime-local` values in desa time, turned into ISO UTC.
 */
export function artikelSchema(m: Messages) {
  const e = m.konten.err;
  return z
    .object({
      jenis: choice(JENIS_ARTIKEL),
      judul: requiredText(200),
      ringkasan: optionalText(400),
      isi: z
        .string({ error: 'wajibDiisi' })
        .max(ISI_MAKS, { error: `terlaluPanjang|${ISI_MAKS}` })
        .refine((v) => v.trim().length > 0, { error: 'wajibDiisi' }),
      kategori_id: z.preprocess(emptyToUndefined, z.coerce.number().int().positive().optional()),
      terbit_pada: optionalLocalTime(),
      agenda_mulai: optionalLocalTime(),
      agenda_selesai: optionalLocalTime(),
      agenda_tempat: optionalText(200),
      hukum_jenis: z.preprocess(emptyToUndefined, choice(JENIS_HUKUM).optional()),
      hukum_nomor: optionalText(40),
      hukum_tahun: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1945).max(2100).optional()),
      ppid_kategori: z.preprocess(emptyToUndefined, choice(KATEGORI_PPID).optional()),
      intent: z.preprocess((v) => v ?? 'simpan', choice(INTENT_ARTIKEL)),
    })
    .superRefine((v, ctx) => {
      for (const key of ['terbit_pada', 'agenda_mulai', 'agenda_selesai'] as const) {
        const raw = v[key];
        if (raw !== undefined && localToIso(raw) === null)
          ctx.addIssue({ code: 'custom', path: [key], message: e.waktu });
      }
      if (v.jenis === 'agenda' && !v.agenda_mulai)
        ctx.addIssue({ code: 'custom', path: ['agenda_mulai'], message: e.agendaMulai });
      if (v.agenda_mulai && v.agenda_selesai && v.agenda_selesai < v.agenda_mulai)
        ctx.addIssue({ code: 'custom', path: ['agenda_selesai'], message: e.agendaSelesai });
      if (v.jenis === 'produk-hukum') {
        if (!v.hukum_jenis) ctx.addIssue({ code: 'custom', path: ['hukum_jenis'], message: e.hukumJenis });
        if (!v.hukum_nomor) ctx.addIssue({ code: 'custom', path: ['hukum_nomor'], message: e.hukumNomor });
        if (!v.hukum_tahun) ctx.addIssue({ code: 'custom', path: ['hukum_tahun'], message: e.hukumTahun });
      }
      if (v.jenis === 'informasi-publik' && !v.ppid_kategori)
        ctx.addIssue({ code: 'custom', path: ['ppid_kategori'], message: e.ppid });
      if (v.intent === 'jadwal') {
        const at = v.terbit_pada ? localToIso(v.terbit_pada) : null;
        if (!at || Date.parse(at) <= Date.now())
          ctx.addIssue({ code: 'custom', path: ['terbit_pada'], message: e.jadwalNanti });
      }
    })
    .transform((v) => ({
      ...v,
      terbit_pada: v.terbit_pada ? localToIso(v.terbit_pada) : null,
      agenda_mulai: v.agenda_mulai ? localToIso(v.agenda_mulai) : null,
      agenda_selesai: v.agenda_selesai ? localToIso(v.agenda_selesai) : null,
      kategori_id: v.kategori_id ?? null,
      hukum_jenis: v.hukum_jenis ?? null,
      hukum_tahun: v.hukum_tahun ?? null,
      ppid_kategori: v.ppid_kategori ?? null,
    }));
}
export type ArtikelInput = z.output<ReturnType<typeof artikelSchema>>;

export const KategoriSchema = z.object({ nama: requiredText(80) });

export const AlbumSchema = z.object({ judul: requiredText(200), keterangan: optionalText(1000) });

/** The admin list's filters (query string). */
export const DaftarFilterSchema = z.object({
  jenis: z.preprocess(emptyToUndefined, z.enum(JENIS_ARTIKEL).optional()).catch(undefined),
  status: z
    .preprocess(emptyToUndefined, z.enum(['draf', 'terjadwal', 'terbit', 'ditahan', 'arsip']).optional())
    .catch(undefined),
  q: z.preprocess(emptyToUndefined, z.string().trim().max(100).optional()).catch(undefined),
  halaman: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type DaftarFilter = z.output<typeof DaftarFilterSchema>;
