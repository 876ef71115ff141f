import { ChartFrame, kelasSeri, Legenda, type Seri } from './chart-frame.js';
import { bungkusLabel, idGrafik, LEBAR_HURUF, lebarTeks } from './chart-label.js';
import { formatAngka, hitungan, r2, skalaRapi } from './chart-scale.js';
import { ChartTable } from './chart-table.js';
import { daftar, useChartText } from './chart-text.js';

export interface BarChartProps {
  judul: string;
  /** one per category, in display order (top to bottom) */
  label: string[];
  seri: Seri[];
  /** unit of the values, e.g. "jiwa", "KK" */
  satuan?: string;
  /** width of the viewBox in user units (the picture itself is as wide as its container) */
  lebar?: number;
  id?: string;
}

const BARIS_LABEL = 2;
const TINGGI_BARIS_TEKS = 14;

/** Horizontal bars, one group per category and one bar per series; long labels wrap to two lines. */
export function BarChart({ judul, label, seri, satuan, lebar = 640, id }: BarChartProps) {
  const t = useChartText();
  const gid = idGrafik(judul, id);
  const nilai = seri.map((s) => label.map((_, i) => hitungan(s.nilai[i])));
  const maks = Math.max(0, ...nilai.flat());
  const skala = skalaRapi(maks);

  const maksHuruf = Math.min(24, Math.max(6, ...label.map((l) => l.length)));
  const labelBungkus = label.map((l) => bungkusLabel(l, maksHuruf, BARIS_LABEL));
  const kiri = maksHuruf * LEBAR_HURUF + 10;
  const kanan = lebarTeks(formatAngka(maks)) + 8;
  const plot = Math.max(40, lebar - kiri - kanan);
  const x = (v: number) => (v / skala.max) * plot;

  const k = Math.max(1, seri.length);
  const tebal = k === 1 ? 18 : 12;
  const kelompok = k * tebal + (k - 1) * 2;
  const barisMaks = Math.max(1, ...labelBungkus.map((b) => b.baris.length));
  const tinggiBaris = Math.max(kelompok, barisMaks * TINGGI_BARIS_TEKS) + 10;
  const atas = 4;
  const bawah = atas + label.length * tinggiBaris;
  const tinggi = bawah + 22;

  const unit = satuan ? ` ${satuan}` : '';
  const iMaks = nilai.map((s) => s.indexOf(maks)).find((i) => i >= 0) ?? 0;
  const desc = `${t.batang(
    label.length,
    seri.length > 1
      ? daftar(
          seri.map((s) => s.nama),
          t.dan,
        )
      : '',
  )} ${t.tertinggi(label[iMaks] ?? '', `${formatAngka(maks)}${unit}`)}`;
  const judulKolom = seri.map((s) => (satuan ? `${s.nama} (${satuan})` : s.nama));

  return (
    <ChartFrame
      id={gid}
      judul={judul}
      jenis="batang"
      desc={desc}
      lebar={lebar}
      tinggi={r2(tinggi)}
      kosong={maks === 0}
      legenda={seri.length > 1 && <Legenda item={seri.map((s, i) => ({ nama: s.nama, kelas: kelasSeri(s, i) }))} />}
      tabel={
        label.length > 0 && (
          <ChartTable
            judul={judul}
            kolom={[t.kategori, ...judulKolom]}
            baris={label.map((l, i) => [l, ...nilai.map((s) => s[i] ?? 0)])}
          />
        )
      }
    >
      <g class="chart-sumbu-x">
        {skala.tick.map((v) => (
          <g key={v}>
            <line class="chart-grid" x1={r2(kiri + x(v))} x2={r2(kiri + x(v))} y1={atas} y2={r2(bawah)} />
            <text class="chart-tick" x={r2(kiri + x(v))} y={r2(bawah + 15)} text-anchor="middle">
              {formatAngka(v)}
            </text>
          </g>
        ))}
      </g>
      {label.map((l, i) => {
        const y0 = atas + i * tinggiBaris;
        const tengah = y0 + tinggiBaris / 2;
        const { baris, terpotong } = labelBungkus[i] ?? { baris: [l], terpotong: false };
        const mulai = tengah - ((baris.length - 1) * TINGGI_BARIS_TEKS) / 2;
        const yBar = tengah - kelompok / 2;
        return (
          <g key={`${i}-${l}`} class="chart-kategori">
            <text class="chart-label" x={r2(kiri - 6)} y={r2(mulai)} text-anchor="end" dominant-baseline="central">
              {terpotong && <title>{l}</title>}
              {baris.map((b, j) => (
                <tspan key={b} x={r2(kiri - 6)} dy={j === 0 ? 0 : TINGGI_BARIS_TEKS}>
                  {b}
                </tspan>
              ))}
            </text>
            {nilai.map((s, j) => {
              const v = s[i] ?? 0;
              const w = v > 0 ? Math.max(1, x(v)) : 0;
              const y = yBar + j * (tebal + 2);
              return (
                <g key={seri[j]?.nama ?? j}>
                  <rect
                    class={`chart-batang ${kelasSeri(seri[j] ?? {}, j)}`}
                    x={r2(kiri)}
                    y={r2(y)}
                    width={r2(w)}
                    height={tebal}
                  />
                  <text class="chart-nilai" x={r2(kiri + w + 4)} y={r2(y + tebal / 2)} dominant-baseline="central">
                    {formatAngka(v)}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
      <line class="chart-sumbu" x1={r2(kiri)} x2={r2(kiri)} y1={atas} y2={r2(bawah)} />
    </ChartFrame>
  );
}
