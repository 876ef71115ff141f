import { ChartFrame, kelasSeri, Legenda, type Seri } from './chart-frame.js';
import { idGrafik, lebarTeks } from './chart-label.js';
import { formatAngka, hitungan, r2, skalaRapi } from './chart-scale.js';
import { ChartTable } from './chart-table.js';
import { daftar, useChartText } from './chart-text.js';

export interface LineChartProps {
  judul: string;
  /** one per point in time, oldest first, e.g. formatBulan('2026-01') → "Jan 2026" */
  label: string[];
  seri: Seri[];
  lebar?: number;
  id?: string;
}

const TINGGI = 260;

/** Which x labels to print so that they do not overlap: every k-th, counted back from the latest. */
export function langkahLabel(label: string[], jarak: number): number {
  const perlu = Math.max(0, ...label.map(lebarTeks)) + 10;
  return jarak <= 0 ? 1 : Math.max(1, Math.ceil(perlu / jarak));
}

/** A trend: one line per series over the months, y axis from 0 with round ticks; points marked. */
export function LineChart({ judul, label, seri, lebar = 640, id }: LineChartProps) {
  const t = useChartText();
  const gid = idGrafik(judul, id);
  const nilai = seri.map((s) => label.map((_, i) => hitungan(s.nilai[i])));
  const maks = Math.max(0, ...nilai.flat());
  const skala = skalaRapi(maks);

  const kiri = lebarTeks(formatAngka(skala.max)) + 12;
  const setengahLabel = Math.max(0, ...label.map(lebarTeks)) / 2;
  const kananPlot = lebar - Math.max(12, setengahLabel);
  const kiriPlot = Math.max(kiri + 8, setengahLabel + 2);
  const atas = 10;
  const bawah = TINGGI - 24;
  const jarak = label.length > 1 ? (kananPlot - kiriPlot) / (label.length - 1) : 0;
  const x = (i: number) => (label.length > 1 ? kiriPlot + i * jarak : (kiriPlot + kananPlot) / 2);
  const y = (v: number) => bawah - (v / skala.max) * (bawah - atas);
  const tiap = langkahLabel(label, jarak);
  const nama = daftar(
    seri.map((s) => s.nama),
    t.dan,
  );

  return (
    <ChartFrame
      id={gid}
      judul={judul}
      jenis="garis"
      desc={t.garis(label[0] ?? '', label.at(-1) ?? '', nama)}
      lebar={lebar}
      tinggi={TINGGI}
      kosong={maks === 0}
      legenda={<Legenda garis item={seri.map((s, i) => ({ nama: s.nama, kelas: kelasSeri(s, i) }))} />}
      tabel={
        label.length > 0 && (
          <ChartTable
            judul={judul}
            kolom={[t.bulan, ...seri.map((s) => s.nama)]}
            baris={label.map((l, i) => [l, ...nilai.map((s) => s[i] ?? 0)])}
          />
        )
      }
    >
      {skala.tick.map((v) => (
        <g key={v}>
          <line class="chart-grid" x1={r2(kiri)} x2={r2(lebar)} y1={r2(y(v))} y2={r2(y(v))} />
          <text class="chart-tick" x={r2(kiri - 6)} y={r2(y(v))} text-anchor="end" dominant-baseline="central">
            {formatAngka(v)}
          </text>
        </g>
      ))}
      {label.map((l, i) =>
        (label.length - 1 - i) % tiap === 0 ? (
          <text key={`${i}-${l}`} class="chart-tick" x={r2(x(i))} y={bawah + 16} text-anchor="middle">
            {l}
          </text>
        ) : null,
      )}
      <line class="chart-sumbu" x1={r2(kiri)} x2={r2(lebar)} y1={bawah} y2={bawah} />
      {nilai.map((s, j) => {
        const kelas = kelasSeri(seri[j] ?? {}, j);
        return (
          <g key={seri[j]?.nama ?? j}>
            <polyline class={`chart-garis ${kelas}`} points={s.map((v, i) => `${r2(x(i))},${r2(y(v))}`).join(' ')} />
            {s.map((v, i) => (
              <circle key={i} class={`chart-titik ${kelas}`} cx={r2(x(i))} cy={r2(y(v))} r="3" />
            ))}
          </g>
        );
      })}
    </ChartFrame>
  );
}
