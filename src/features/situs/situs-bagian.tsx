import type { ItemKonten } from '#src/features/konten/konten.public.js';
import { formatDate } from '#src/features/penduduk/penduduk-display.js';
import { samarkan } from '#src/features/statistik/statistik-api.routes.js';
import type { AngkaPokok } from '#src/features/statistik/statistik-rincian.js';
import type { Messages } from '#src/lib/i18n/messages.js';
import { formatDateTime } from '#src/lib/time-zone.js';
import { formatAngka } from '#src/lib/views/charts/chart-scale.js';
import { bahasa } from './situs-context.js';

/** Pieces shared by the public pages: published counts (small cells hidden), lists of news, dates. */

/** A count as published on a public page: "1.234", or "<3" for 1…min-1 (0 stays 0). */
export function angkaPublik(n: number, min: number): string {
  const v = samarkan(n, min);
  return typeof v === 'number' ? formatAngka(v) : v;
}

export function tanggalItem(item: ItemKonten, m: Messages, jam: boolean): string {
  return jam ? formatDateTime(item.tanggal, bahasa(m)) : formatDate(item.tanggal, bahasa(m));
}

/** The key figures of a region as a definition list of big numbers. */
export function AngkaKunci(p: { angka: AngkaPokok; min: number; m: Messages; desa?: number }) {
  const t = p.m.situs.beranda;
  const items: [string, string][] = [
    [t.penduduk, angkaPublik(p.angka.penduduk, p.min)],
    [t.keluarga, angkaPublik(p.angka.keluarga, p.min)],
    [t.laki, angkaPublik(p.angka.laki, p.min)],
    [t.perempuan, angkaPublik(p.angka.perempuan, p.min)],
  ];
  if (p.desa !== undefined) items.unshift([t.desaAktif, formatAngka(p.desa)]);
  return (
    <dl class="angka-kunci">
      {items.map(([label, nilai]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{nilai}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A list of news, announcements or agenda items; `href` turns an item's site path into a link. */
export function DaftarItem(p: {
  items: readonly ItemKonten[];
  href: (item: ItemKonten) => string;
  m: Messages;
  jam?: boolean;
  gambar?: boolean;
  /** where the item comes from (a portal lists several desa) */
  asal?: (item: ItemKonten) => string | null;
}) {
  if (p.items.length === 0) return <p class="muted">{p.m.situs.beranda.belumAda}</p>;
  return (
    <ul class="daftar-item">
      {p.items.map((item) => (
        <li key={`${item.desaKode}${item.href}`}>
          {p.gambar && item.gambar ? (
            <img src={p.href({ ...item, href: item.gambar })} alt="" width={160} height={90} loading="lazy" />
          ) : null}
          <div>
            <a href={p.href(item)}>{item.judul}</a>
            <p class="muted">
              {p.asal?.(item) ? `${p.asal(item)} · ` : ''}
              <time dateTime={item.tanggal}>{tanggalItem(item, p.m, p.jam ?? false)}</time>
            </p>
            {item.ringkasan ? <p>{item.ringkasan}</p> : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
