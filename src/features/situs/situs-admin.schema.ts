import { z } from 'zod';
import { optionalText } from '#src/lib/forms/fields.js';
import type { Messages } from '#src/lib/i18n/messages.js';

/**
 * The site settings form: about text, office hours, another contact line, and the perangkat desa and lembaga
 * lists as one line per entry ("Jabatan | Nama", "Nama | Ketua | Keterangan"), which works without JavaScript
 * and keeps the order as written. Messages come already in the page's language.
 */
export const MAKS_BARIS = 60;

const lines = (v: string | undefined) =>
  (v ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

const cells = (line: string) => line.split('|').map((c) => c.trim());

export function situsAdminSchema(m: Messages) {
  const g = m.situs.galat;
  const perangkat = z
    .string()
    .optional()
    .transform((v, ctx) => {
      const out: { jabatan: string; nama: string }[] = [];
      const all = lines(v);
      if (all.length > MAKS_BARIS) ctx.addIssue({ code: 'custom', message: g.terlaluBanyak(MAKS_BARIS) });
      all.forEach((line, i) => {
        const [jabatan = '', nama = '', ...rest] = cells(line);
        const ok = jabatan && nama && rest.length === 0 && jabatan.length <= 120 && nama.length <= 120;
        if (!ok) ctx.addIssue({ code: 'custom', message: g.perangkatBaris(i + 1) });
        else out.push({ jabatan, nama });
      });
      return out;
    });
  const lembaga = z
    .string()
    .optional()
    .transform((v, ctx) => {
      const out: { nama: string; ketua: string | null; keterangan: string | null }[] = [];
      const all = lines(v);
      if (all.length > MAKS_BARIS) ctx.addIssue({ code: 'custom', message: g.terlaluBanyak(MAKS_BARIS) });
      all.forEach((line, i) => {
        const [nama = '', ketua = '', ...rest] = cells(line);
        const keterangan = rest.join(' | ');
        const ok = nama && nama.length <= 160 && ketua.length <= 120 && keterangan.length <= 500;
        if (!ok) ctx.addIssue({ code: 'custom', message: g.lembagaBaris(i + 1) });
        else out.push({ nama, ketua: ketua || null, keterangan: keterangan || null });
      });
      return out;
    });
  return z.object({
    tentang: optionalText(5000),
    jam_layanan: optionalText(300),
    kontak: optionalText(300),
    perangkat,
    lembaga,
  });
}

export type SitusAdminInput = z.output<ReturnType<typeof situsAdminSchema>>;

/** The lists written back as the form's lines. */
export const barisPerangkat = (rows: readonly { jabatan: string; nama: string }[]) =>
  rows.map((r) => `${r.jabatan} | ${r.nama}`).join('\n');

export const barisLembaga = (rows: readonly { nama: string; ketua: string | null; keterangan: string | null }[]) =>
  rows.map((r) => [r.nama, r.ketua ?? '', r.keterangan ?? ''].join(' | ').replace(/( \| )+$/, '')).join('\n');
