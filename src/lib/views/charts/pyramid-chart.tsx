import { ChartFrame, Legenda } from './chart-frame.js';
import { bungkusLabel, idGrafik, LEBAR_HURUF, lebarTeks } from './chart-label.js';
import { formatAngka, hitungan, r2, skalaRapi } from './chart-scale.js';
import { ChartTable } from './chart-table.js';
import { useChartText } from './chart-text.js';

export interface PyramidChartProps {
  judul: string;
  /** age groups, youngest first (drawn at the bottom) */
  label: string[];
  laki: number[];
  perempuan: number[];
  lebar?: number;
  id?: string;
}

const TINGGI_BARIS = 16;
const TEBAL = 12;

/** Population pyramid: age groups bottom (young) to top (old), men to the left, women to the right, same scale. */
export function PyramidChart({ judul, label, laki, perempuan, lebar = 640, id }: PyramidChartProps) {
  const t = useChartText();
  const gid = idGrafik(judul, id);
  const l = label.map((_, i) => hitungan(laki[i]));
  const p = label.map((_, i) => hitungan(perempuan[i]));
  const maks = Math.max(0, ...l, ...p);
  const skala = skalaRapi(maks, 4);

  const maksHuruf = Math.min(18, Math.max(4, ...label.map((x) => x.length)));
  const tengah = maksHuruf * LEBAR_HURUF + 12;
  const tepi = Math.max(8, lebarTeks(formatAngka(skala.max)) / 2 + 2); // room for the outermost tick
  const sayap = Math.max(40, (lebar - tengah - 2 * tepi) / 2);
  const kiri = tepi + sayap; // men's bars grow leftwards from here
  const kanan = kiri + tengah; // women's bars grow rightwards from here
  const w = (v: number) => (v > 0 ? Math.max(1, (v / skala.max) * sayap) : 0);
  const atas = 22;
  const bawah = atas + label.length * TINGGI_BARIS;
  const tinggi = bawah + 22;
  const jumlahL = l.reduce((s, v) => s + v, 0);
  const jumlahP = p.reduce((s, v) => s + v, 0);

  return (
    <ChartFrame
      id={gid}
      judul={judul}
      jenis="piramida"
      desc={t.piramida(label.length, formatAngka(jumlahL), formatAngka(jumlahP))}
      lebar={lebar}
      tinggi={r2(tinggi)}
      kosong={maks === 0}
      legenda={
        <Legenda
          item={[
            { nama: t.laki, kelas: 'laki', keterangan: `(${formatAngka(jumlahL)})` },
            { nama: t.perempuan, kelas: 'perempuan', keterangan: `(${formatAngka(jumlahP)})` },
          ]}
        />
      }
      tabel={
        label.length > 0 && (
          <ChartTable
            judul={judul}
            kolom={[t.umur, t.laki, t.perempuan, t.jumlah]}
            baris={label.map((x, i) => [x, l[i] ?? 0, p[i] ?? 0, (l[i] ?? 0) + (p[i] ?? 0)])}
            kaki={[t.jumlah, jumlahL, jumlahP, jumlahL + jumlahP]}
          />
        )
      }
    >
      <text class="chart-sisi" x={tepi} y={12}>
        {t.laki}
      </text>
      <text class="chart-sisi" x={lebar - tepi} y={12} text-anchor="end">
        {t.perempuan}
      </text>
      {skala.tick.map((v) => {
        const d = (v / skala.max) * sayap;
        return (
          <g key={v} class="chart-tick-pasangan">
            <line class="chart-grid" x1={r2(kiri - d)} x2={r2(kiri - d)} y1={atas} y2={bawah} />
            <line class="chart-grid" x1={r2(kanan + d)} x2={r2(kanan + d)} y1={atas} y2={bawah} />
            <text class="chart-tick" x={r2(kiri - d)} y={bawah + 15} text-anchor="middle">
              {formatAngka(v)}
            </text>
            <text class="chart-tick" x={r2(kanan + d)} y={bawah + 15} text-anchor="middle">
              {formatAngka(v)}
            </text>
          </g>
        );
      })}
      {label.map((x, i) => {
        const y = bawah - (i + 1) * TINGGI_BARIS; // youngest at the bottom
        const { baris, terpotong } = bungkusLabel(x, maksHuruf, 1);
        const lv = l[i] ?? 0;
        const pv = p[i] ?? 0;
        return (
          <g key={`${i}-${x}`} class="chart-kategori">
            <rect class="chart-batang laki" x={r2(kiri - w(lv))} y={y + 2} width={r2(w(lv))} height={TEBAL} />
            <rect class="chart-batang perempuan" x={r2(kanan)} y={y + 2} width={r2(w(pv))} height={TEBAL} />
            <text
              class="chart-label"
              x={r2(kiri + tengah / 2)}
              y={y + 8}
              text-anchor="middle"
              dominant-baseline="central"
            >
              {terpotong && <title>{x}</title>}
              {baris[0]}
            </text>
          </g>
        );
      })}
    </ChartFrame>
  );
}
