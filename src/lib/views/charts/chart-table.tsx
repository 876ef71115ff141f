import { formatAngka } from './chart-scale.js';
import { useChartText } from './chart-text.js';

export type Sel = string | number;

export interface ChartTableProps {
  judul: string;
  kolom: string[];
  /** first cell of each row is its header (the category); the rest are figures */
  baris: Sel[][];
  /** a closing row (e.g. "Jumlah") in <tfoot> */
  kaki?: Sel[];
  /** show the table without opening "Lihat tabel" first (public pages, print) */
  terbuka?: boolean;
}

/** Figures written as text — "12,5%", "<3", "1.234" — align like numbers. */
const MIRIP_ANGKA = /^[<>]?\s*-?[\d.,]+\s*%?$/;

const isAngka = (sel: Sel | undefined) => typeof sel === 'number' || (sel !== undefined && MIRIP_ANGKA.test(sel));
const tulis = (sel: Sel) => (typeof sel === 'number' ? formatAngka(sel, Number.isInteger(sel) ? 0 : 1) : sel);

function Baris({ sel }: { sel: Sel[] }) {
  const [kepala, ...isi] = sel;
  return (
    <tr>
      <th scope="row">{kepala === undefined ? '' : tulis(kepala)}</th>
      {isi.map((s, i) => (
        <td key={i} class={isAngka(s) ? 'angka' : undefined}>
          {tulis(s)}
        </td>
      ))}
    </tr>
  );
}

/**
 * The accessible equivalent of a chart: a real table (caption, column and row headers, figures right-aligned)
 * behind a "Lihat tabel" disclosure that works without JavaScript.
 */
export function ChartTable({ judul, kolom, baris, kaki, terbuka }: ChartTableProps) {
  const t = useChartText();
  const semua = kaki ? [...baris, kaki] : baris;
  const kolomAngka = kolom.map((_, i) => i > 0 && semua.length > 0 && semua.every((b) => isAngka(b[i])));
  return (
    <details class="chart-tabel" open={terbuka}>
      <summary>
        {t.lihatTabel}
        <span class="visually-hidden">: {judul}</span>
      </summary>
      <div class="table-wrap">
        <table>
          <caption>{judul}</caption>
          <thead>
            <tr>
              {kolom.map((k, i) => (
                <th key={k} scope="col" class={kolomAngka[i] ? 'angka' : undefined}>
                  {k}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {baris.map((b, i) => (
              <Baris key={i} sel={b} />
            ))}
          </tbody>
          {kaki && (
            <tfoot>
              <Baris sel={kaki} />
            </tfoot>
          )}
        </table>
      </div>
    </details>
  );
}
