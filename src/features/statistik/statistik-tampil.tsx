import type { ComponentChildren } from 'preact';
import { levelOf } from '#src/domain/region-code.js';
import { formatDate } from '#src/features/penduduk/penduduk-display.js';
import type { Lang } from '#src/lib/i18n/messages.js';
import { statistikUiEn } from '#src/lib/i18n/statistik-ui.en.js';
import { statistikUiId } from '#src/lib/i18n/statistik-ui.id.js';
import { formatAngka } from '#src/lib/views/charts/chart-scale.js';
import { usePage } from '#src/lib/views/page-context.js';
import { SEMUA_KATEGORI } from './statistik.service.js';

/** Pieces shared by the statistics pages: their words, URLs, number formats, the date form, the category list. */
export type TeksStatistik = typeof statistikUiId;

export function teksStatistik(lang: Lang): TeksStatistik {
  return lang === 'en' ? statistikUiEn : statistikUiId;
}

/** Where a region's statistics live: /desa/<kode>/statistik for a desa, /statistik/<kode> above it. */
export function basisStatistik(kode: string): string {
  return levelOf(kode) === 3 ? `/desa/${kode}/statistik` : `/statistik/${kode}`;
}

export interface Pilihan {
  per?: string | undefined;
  lingkungan?: number | null | undefined;
}

/** A link keeping the chosen date and unit. */
export function tautan(path: string, p: Pilihan): string {
  const q = new URLSearchParams();
  if (p.per) q.set('per', p.per);
  if (p.lingkungan !== undefined && p.lingkungan !== null) q.set('lingkungan', String(p.lingkungan));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

const persenFormat = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A share from `persen()` (0–100, two decimals) the Indonesian way: "33,33%". */
export function tulisPersen(p: number): string {
  return `${persenFormat.format(p)}%`;
}

export const tulisAngka = (n: number) => formatAngka(n);

export function tulisTanggal(tanggal: string, lang: Lang): string {
  return formatDate(tanggal, lang);
}

/** The "as of" form (GET, works without JavaScript); an invalid date is reported next to the field. */
export function PerForm(props: {
  action: string;
  per: string | undefined;
  hariIni: string;
  galat: string | null;
  children?: ComponentChildren;
}) {
  const { lang } = usePage();
  const t = teksStatistik(lang).per;
  const described = props.galat ? 'q-per-hint q-per-error' : 'q-per-hint';
  return (
    <form method="get" action={props.action} class="filters" aria-label={t.label}>
      <div class={props.galat ? 'field has-error' : 'field'}>
        <label for="q-per">{t.label}</label>
        <p class="hint" id="q-per-hint">
          {t.hint}
        </p>
        {props.galat && (
          <p class="error" id="q-per-error">
            {props.galat}
          </p>
        )}
        <input
          id="q-per"
          name="per"
          type="date"
          value={props.per ?? ''}
          max={props.hariIni}
          aria-describedby={described}
          aria-invalid={props.galat ? 'true' : undefined}
        />
      </div>
      {props.children}
      <div class="field buttons">
        <button type="submit">{t.tombol}</button>
      </div>
    </form>
  );
}

/** Links to every category (25 population categories, families, households), the current one marked. */
export function DaftarKategori({ kode, pilihan, aktif }: { kode: string; pilihan: Pilihan; aktif?: string }) {
  const { lang } = usePage();
  const t = teksStatistik(lang).kategori;
  const basis = basisStatistik(kode);
  return (
    <nav class="subnav kategori-statistik" aria-label={t.daftar}>
      <h2>{t.daftar}</h2>
      <ul>
        {SEMUA_KATEGORI.map((k) => (
          <li key={k.slug}>
            <a href={tautan(`${basis}/${k.slug}`, pilihan)} aria-current={k.slug === aktif ? 'page' : undefined}>
              {k.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
