import type { ComponentChildren } from 'preact';
import { laporanEn } from '#src/lib/i18n/laporan.en.js';
import { laporanId } from '#src/lib/i18n/laporan.id.js';
import type { Lang } from '#src/lib/i18n/messages.js';
import { Breadcrumbs } from '#src/lib/views/components.js';
import { usePage } from '#src/lib/views/page-context.js';
import type { Wilayah } from './laporan-tempat.js';

/** Pieces shared by the report pages: their words, month names, the report menu, download and print hints. */
export type Teks = typeof laporanId;

export function teksUntuk(lang: Lang): Teks {
  return lang === 'en' ? laporanEn : laporanId;
}

export function useTeks(): Teks {
  return teksUntuk(usePage().lang);
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();
/** 'YYYY-MM' as people say it: "Oktober 2026". */
export function namaBulan(bulan: string, lang: Lang): string {
  let f = monthFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
    monthFormats.set(lang, f);
  }
  return f.format(new Date(`${bulan}-01T00:00:00Z`));
}

export interface DesaRef {
  kode: string;
  nama: string;
}

export type JenisLaporan = 'bulanan' | 'rekap' | 'rentan' | 'dpt';
export const JENIS_LAPORAN: readonly JenisLaporan[] = ['bulanan', 'rekap', 'rentan', 'dpt'];

export function LaporanCrumbs({ desa }: { desa: DesaRef }) {
  const t = useTeks();
  return (
    <Breadcrumbs
      items={[
        { href: `/desa/${desa.kode}`, label: desa.nama },
        { href: `/desa/${desa.kode}/laporan`, label: t.nav },
      ]}
    />
  );
}

/** The four reports of a desa, the current one marked. */
export function LaporanMenu({ kode, aktif }: { kode: string; aktif: JenisLaporan }) {
  const t = useTeks();
  return (
    <nav aria-label={t.nav} class="subnav">
      <ul>
        {JENIS_LAPORAN.map((j) => (
          <li key={j}>
            <a href={`/desa/${kode}/laporan/${j}`} aria-current={j === aktif ? 'page' : undefined}>
              {t.judul[j]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The download link (when there is one to offer) and how to print. */
export function UnduhCetak({ xlsx, children }: { xlsx: string | null; children?: ComponentChildren }) {
  const t = useTeks();
  return (
    <p class="actions">
      {xlsx && (
        <a class="button" href={xlsx} download>
          {t.unduh}
        </a>
      )}{' '}
      {children}
      <span class="hint">{t.cetak}</span>
    </p>
  );
}

/** A form's error (a bad month or date): the page answers 400 and shows no report. */
export function Galat({ pesan }: { pesan: string | null }) {
  return pesan ? (
    <p class="error" role="alert">
      {pesan}
    </p>
  ) : null;
}

const nf = new Map<string, Intl.NumberFormat>();
export function angka(n: number, lang: Lang): string {
  let f = nf.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB');
    nf.set(lang, f);
  }
  return f.format(n);
}

/** A number cell, right-aligned. */
export function Td({ n }: { n: number }) {
  const { lang } = usePage();
  return <td class="angka">{angka(n, lang)}</td>;
}

/** A row of numbers under a row heading (a dusun, or the total in bold). */
export function BarisAngka({ judul, sel, pokok = false }: { judul: string; sel: readonly number[]; pokok?: boolean }) {
  return (
    <tr class={pokok ? 'pokok' : undefined}>
      <th scope="row">{judul}</th>
      {sel.map((n, i) => (
        <Td key={i} n={n} />
      ))}
    </tr>
  );
}

/** "Krajan · RW 001 · RT 002" for an area row. */
export function namaWilayah(w: Wilayah, t: Teks): string {
  const parts = [
    w.dusun?.nama,
    w.rw ? `${t.tingkatNama.rw} ${w.rw.nama}` : null,
    w.rt ? `${t.tingkatNama.rt} ${w.rt.nama}` : null,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : t.tanpaWilayah;
}
