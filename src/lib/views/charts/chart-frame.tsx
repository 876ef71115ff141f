import type { ComponentChildren } from 'preact';
import { useChartText } from './chart-text.js';

export interface Seri {
  nama: string;
  nilai: number[];
  /** CSS class giving the colour (e.g. 'laki', 'perempuan'); otherwise seri-1, seri-2, … by position */
  kelas?: string;
}

/** Colour class of the i-th series: the caller's, or one of the 7 palette slots of public/app.css. */
export function kelasSeri(seri: { kelas?: string | undefined }, i: number): string {
  return seri.kelas ?? `seri-${(i % 7) + 1}`;
}

export interface LegendaItem {
  nama: string;
  kelas: string;
  keterangan?: string;
}

/** HTML legend (long category names wrap naturally); the swatch is a line for line charts. */
export function Legenda({ item, garis }: { item: LegendaItem[]; garis?: boolean }) {
  return (
    <ul class="chart-legenda">
      {item.map((it) => (
        <li key={it.nama}>
          <svg class="chart-swatch" viewBox="0 0 16 10" aria-hidden="true" focusable="false">
            {garis ? (
              <line class={`chart-garis ${it.kelas}`} x1="0" y1="5" x2="16" y2="5" />
            ) : (
              <rect class={`chart-blok ${it.kelas}`} width="16" height="10" />
            )}
          </svg>
          {it.nama}
          {it.keterangan && <span class="chart-ket"> {it.keterangan}</span>}
        </li>
      ))}
    </ul>
  );
}

interface FrameProps {
  id: string;
  judul: string;
  jenis: 'batang' | 'donat' | 'piramida' | 'garis';
  /** the text alternative of the picture: what it shows and its main finding */
  desc: string;
  lebar: number;
  tinggi: number;
  /** nothing to draw (no category, or every value is zero): a message replaces the picture */
  kosong: boolean;
  legenda?: ComponentChildren;
  tabel?: ComponentChildren;
  children?: ComponentChildren;
}

/**
 * One chart: a <figure> with its caption, the SVG picture (role="img", named by its own <title> and <desc>),
 * a legend and the data table. Sizes come from the viewBox, so the picture scales to its container.
 */
export function ChartFrame(p: FrameProps) {
  const t = useChartText();
  return (
    <figure class={`chart grafik-${p.jenis}`} id={p.id}>
      <figcaption class="chart-judul">{p.judul}</figcaption>
      {p.kosong ? (
        <p class="chart-kosong">{t.kosong}</p>
      ) : (
        <div class="chart-isi">
          <svg
            class="chart-svg"
            role="img"
            aria-labelledby={`${p.id}-judul ${p.id}-desc`}
            viewBox={`0 0 ${p.lebar} ${p.tinggi}`}
            width="100%"
            preserveAspectRatio="xMinYMin meet"
            xmlns="http://www.w3.org/2000/svg"
          >
            <title id={`${p.id}-judul`}>{p.judul}</title>
            <desc id={`${p.id}-desc`}>{`${p.desc} ${t.rincian}`}</desc>
            {p.children}
          </svg>
          {p.legenda}
        </div>
      )}
      {p.tabel}
    </figure>
  );
}
