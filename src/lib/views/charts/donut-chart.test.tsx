import { describe, expect, it } from 'vitest';
import { expectAccessibleSvg, renderChart, tableRows } from '../../../../tests/support/chart-checks.js';
import { all, one, text } from '../../../../tests/support/markup-dom.js';
import { DonutChart, MAKS_IRISAN, pilihIrisan } from './donut-chart.js';

const lainnya = (n: number) => `Lainnya (${n})`;

describe('DonutChart', () => {
  it('draws a slice per non-zero category with a legend of counts and shares', () => {
    const { root } = renderChart(
      <DonutChart judul="Agama" label={['ISLAM', 'KRISTEN', 'HINDU', 'BUDHA']} nilai={[70, 20, 0, 10]} />,
    );
    const irisan = all(root, 'path.chart-irisan');
    expect(irisan.map((p) => p.attrs.class)).toEqual([
      'chart-irisan seri-1',
      'chart-irisan seri-2',
      'chart-irisan seri-3',
    ]);
    expect(all(one(root, 'ul.chart-legenda'), 'li').map(text)).toEqual([
      'ISLAM 70 (70%)',
      'KRISTEN 20 (20%)',
      'BUDHA 10 (10%)',
    ]);
    expect(text(one(root, 'text.chart-total'))).toBe('100');
    const { desc } = expectAccessibleSvg(root);
    expect(desc).toBe(
      'Diagram donat, 4 kategori, total 100. Bagian terbesar: ISLAM (70%). Angka lengkap ada di tabel.',
    );
  });

  it('starts at 12 o’clock and turns clockwise; the large-arc flag follows the share', () => {
    const { root } = renderChart(<DonutChart judul="x" label={['a', 'b']} nilai={[3, 1]} lebar={200} />);
    const [besar, kecil] = all(root, 'path.chart-irisan').map((p) => p.attrs.d ?? '');
    // centre 100, outer radius 96: the 3/4 slice runs from the top round to 9 o'clock, the 1/4 slice back to the top
    expect(besar).toMatch(/^M100 4A96 96 0 1 1 4 100L/);
    expect(kecil).toMatch(/^M4 100A96 96 0 0 1 100 4L/);
  });

  it('draws a single category as a full ring', () => {
    const { root } = renderChart(<DonutChart judul="x" label={['WNI', 'WNA']} nilai={[500, 0]} lebar={200} />);
    const [cincin] = all(root, 'path.chart-irisan');
    expect(cincin?.attrs.d?.match(/Z/g)).toHaveLength(2); // outer and inner circle
    expect(all(one(root, 'ul.chart-legenda'), 'li').map(text)).toEqual(['WNI 500 (100%)']);
  });

  it('groups the smallest of many categories into "Lainnya", keeping every category in the table', () => {
    const label = Array.from({ length: 12 }, (_, i) => `K${i + 1}`);
    const nilai = [5, 90, 1, 80, 2, 70, 60, 3, 50, 40, 4, 30];
    const { root } = renderChart(<DonutChart judul="Pekerjaan" label={label} nilai={nilai} />);
    const irisan = all(root, 'path.chart-irisan');
    expect(irisan).toHaveLength(MAKS_IRISAN);
    expect(irisan.at(-1)?.attrs.class).toBe('chart-irisan lainnya');
    const legenda = all(one(root, 'ul.chart-legenda'), 'li').map(text);
    // total 435: 90/435 = 20,7%, …, the five smallest (5+1+2+3+4 = 15) = 3,4%
    expect(legenda).toEqual([
      'K2 90 (20,7%)',
      'K4 80 (18,4%)',
      'K6 70 (16,1%)',
      'K7 60 (13,8%)',
      'K9 50 (11,5%)',
      'K10 40 (9,2%)',
      'K12 30 (6,9%)',
      'Lainnya (5 kategori) 15 (3,4%)',
    ]);
    expect(tableRows(root)).toHaveLength(12);
    expect(tableRows(root, 'tfoot')).toEqual([['Jumlah', '435', '100%']]);
  });

  it('still draws and names a tiny slice next to a huge one', () => {
    const { root } = renderChart(<DonutChart judul="x" label={['besar', 'kecil']} nilai={[1e9, 1]} />);
    expect(all(root, 'path.chart-irisan')).toHaveLength(2);
    expect(all(one(root, 'ul.chart-legenda'), 'li').map(text)).toEqual([
      'besar 1.000.000.000 (100%)',
      'kecil 1 (<0,1%)',
    ]);
    expect(tableRows(root)[1]).toEqual(['kecil', '1', '<0,1%']);
  });

  it('shows a message for no data and ignores negative or broken values', () => {
    const kosong = renderChart(<DonutChart judul="x" label={['a', 'b']} nilai={[0, -3]} />).root;
    expect(all(kosong, 'svg')).toHaveLength(0);
    expect(all(kosong, 'p.chart-kosong')).toHaveLength(1);
    expect(tableRows(kosong)).toEqual([
      ['a', '0', '0%'],
      ['b', '0', '0%'],
    ]);
    const rusak = renderChart(<DonutChart judul="x" label={['a', 'b', 'c']} nilai={[Number.NaN, 4, -1]} />).root;
    expect(all(rusak, 'path.chart-irisan')).toHaveLength(1);
    expect(text(one(rusak, 'text.chart-total'))).toBe('4');
  });
});

describe('pilihIrisan', () => {
  it('keeps the category order and the largest categories when grouping', () => {
    const label = Array.from({ length: 9 }, (_, i) => `K${i + 1}`);
    const irisan = pilihIrisan(label, [9, 1, 8, 2, 7, 3, 6, 4, 5], lainnya);
    expect(irisan.map((x) => x.nama)).toEqual(['K1', 'K3', 'K5', 'K6', 'K7', 'K8', 'K9', 'Lainnya (2)']);
    expect(irisan.at(-1)?.nilai).toBe(3);
  });

  it('does not group when the slices fit', () => {
    const label = Array.from({ length: MAKS_IRISAN }, (_, i) => `K${i}`);
    expect(
      pilihIrisan(
        label,
        label.map(() => 1),
        lainnya,
      ).map((x) => x.kelas),
    ).toEqual(label.map((_, i) => `seri-${i + 1}`));
  });
});
