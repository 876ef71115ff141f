import { ChartFrame, Legenda } from './chart-frame.js';
import { idGrafik } from './chart-label.js';
import { formatAngka, formatPersen, hitungan, r2 } from './chart-scale.js';
import { ChartTable } from './chart-table.js';
import { useChartText } from './chart-text.js';

export interface DonutChartProps {
  judul: string;
  label: string[];
  nilai: number[];
  /** side of the square viewBox in user units */
  lebar?: number;
  id?: string;
}

/** Slices drawn with their own colour; beyond this the smallest categories share one "Lainnya" slice. */
export const MAKS_IRISAN = 8;

interface Irisan {
  nama: string;
  nilai: number;
  kelas: string;
}

/** Non-zero categories as slices, in the given order; when too many, the smallest merge into "Lainnya" (last). */
export function pilihIrisan(label: string[], nilai: number[], lainnya: (n: number) => string): Irisan[] {
  const ada = label.map((nama, i) => ({ nama, nilai: hitungan(nilai[i]), i })).filter((x) => x.nilai > 0);
  const sendiri =
    ada.length <= MAKS_IRISAN
      ? ada
      : [...ada]
          .sort((a, b) => b.nilai - a.nilai || a.i - b.i)
          .slice(0, MAKS_IRISAN - 1)
          .sort((a, b) => a.i - b.i);
  const irisan = sendiri.map((x, j) => ({ nama: x.nama, nilai: x.nilai, kelas: `seri-${j + 1}` }));
  const sisa = ada.filter((x) => !sendiri.includes(x));
  if (sisa.length > 0) {
    irisan.push({ nama: lainnya(sisa.length), nilai: sisa.reduce((s, x) => s + x.nilai, 0), kelas: 'lainnya' });
  }
  return irisan;
}

const titik = (c: number, r: number, sudut: number) => `${r2(c + r * Math.cos(sudut))} ${r2(c + r * Math.sin(sudut))}`;

/** Path of one ring sector from angle a0 to a1 (radians, clockwise from 12 o'clock); a full ring when it is all. */
function jalurIrisan(c: number, luar: number, dalam: number, a0: number, a1: number): string {
  if (a1 - a0 >= 2 * Math.PI - 1e-9) {
    const lingkar = (r: number, arah: 0 | 1) =>
      `M${r2(c - r)} ${c}A${r2(r)} ${r2(r)} 0 1 ${arah} ${r2(c + r)} ${c}A${r2(r)} ${r2(r)} 0 1 ${arah} ${r2(c - r)} ${c}Z`;
    return lingkar(luar, 1) + lingkar(dalam, 0);
  }
  const besar = a1 - a0 > Math.PI ? 1 : 0;
  return `M${titik(c, luar, a0)}A${r2(luar)} ${r2(luar)} 0 ${besar} 1 ${titik(c, luar, a1)}L${titik(c, dalam, a1)}A${r2(dalam)} ${r2(dalam)} 0 ${besar} 0 ${titik(c, dalam, a0)}Z`;
}

/** A donut: one slice per category, the total in the middle, a legend with count and share of each slice. */
export function DonutChart({ judul, label, nilai, lebar = 220, id }: DonutChartProps) {
  const t = useChartText();
  const gid = idGrafik(judul, id);
  const irisan = pilihIrisan(label, nilai, t.lainnya);
  const total = irisan.reduce((s, x) => s + x.nilai, 0);
  const c = lebar / 2;
  const luar = c - 4;
  const dalam = luar * 0.58;
  let sudut = -Math.PI / 2;
  const terbesar = irisan.reduce<Irisan | undefined>((m, x) => (!m || x.nilai > m.nilai ? x : m), undefined);
  const desc = `${t.donat(label.length, formatAngka(total))} ${terbesar ? t.terbesar(terbesar.nama, formatPersen(terbesar.nilai, total)) : ''}`;

  return (
    <ChartFrame
      id={gid}
      judul={judul}
      jenis="donat"
      desc={desc.trim()}
      lebar={lebar}
      tinggi={lebar}
      kosong={total === 0}
      legenda={
        <Legenda
          item={irisan.map((x) => ({
            nama: x.nama,
            kelas: x.kelas,
            keterangan: `${formatAngka(x.nilai)} (${formatPersen(x.nilai, total)})`,
          }))}
        />
      }
      tabel={
        label.length > 0 && (
          <ChartTable
            judul={judul}
            kolom={[t.kategori, t.jumlah, t.persen]}
            baris={label.map((l, i) => [l, hitungan(nilai[i]), formatPersen(hitungan(nilai[i]), total)])}
            kaki={[t.jumlah, total, total > 0 ? formatPersen(total, total) : '0%']}
          />
        )
      }
    >
      {irisan.map((x) => {
        const a0 = sudut;
        sudut += (x.nilai / total) * 2 * Math.PI;
        return <path key={x.nama} class={`chart-irisan ${x.kelas}`} d={jalurIrisan(c, luar, dalam, a0, sudut)} />;
      })}
      <text class="chart-total" x={c} y={c} text-anchor="middle" dominant-baseline="central">
        {formatAngka(total)}
      </text>
    </ChartFrame>
  );
}
