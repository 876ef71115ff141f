import { levelOf } from '#src/domain/region-code.js';
import type { Lang, Messages } from '#src/lib/i18n/messages.js';

/**
 * The public site a request is for: a desa site, a kecamatan portal or the kabupaten portal. Served on the
 * desa's own host name (base '') or under `/situs/{kode}` (base '/situs/{kode}'); every link on a public page is
 * built with `situsHref` so the same page works both ways.
 */
export interface Situs {
  level: 'desa' | 'kecamatan' | 'kabupaten';
  kode: string;
  /** e.g. "Desa Meteseh", "Kecamatan Kaliori", "Kabupaten Rembang" */
  nama: string;
  /** '' on the site's own host name, else `/situs/{kode}` */
  base: string;
  /** the region above (the kecamatan of a desa, the kabupaten of a kecamatan), for the footer and breadcrumbs */
  induk: { kode: string; nama: string } | null;
}

export function situsLevel(kode: string): Situs['level'] | null {
  const level = levelOf(kode);
  if (level === 3) return 'desa';
  if (level === 2) return 'kecamatan';
  if (level === 1) return 'kabupaten';
  return null;
}

/** A link inside the site: `situsHref(s, '/artikel/x')` → '/artikel/x' on the desa's host, '/situs/{kode}/artikel/x' else. */
export function situsHref(situs: Pick<Situs, 'base'>, path = '/'): string {
  if (situs.base === '') return path;
  return path === '/' ? situs.base : `${situs.base}${path}`;
}

/** The language of a public page's messages. */
export function bahasa(m: Pick<Messages, 'lang'>): Lang {
  return m.lang === 'en' ? 'en' : 'id';
}
