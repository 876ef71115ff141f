import { describe, expect, it } from 'vitest';
import { expectAccessibleSvg, num, renderChart, tableRows } from '../../../../tests/support/chart-checks.js';
import { all, type El, one, text } from '../../../../tests/support/markup-dom.js';
import { formatBulan } from './chart-scale.js';
import { LineChart } from './line-chart.js';

const bulan = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    formatBulan(`${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`),
  );
const titik = (poly: El) =>
  (poly.attrs.points ?? '').split(' ').map((p) => p.split(',').map(Number) as [number, number]);

describe('LineChart', () => {
  const label = bulan(6);
  const seri = [
    { nama: 'Kelahiran', nilai: [3, 5, 0, 8, 2, 4] },
    { nama: 'Kematian', nilai: [1, 0, 2, 1, 1, 3] },
  ];

  it('draws one line and one marker per month for each series', () => {
    const { root } = renderChart(<LineChart judul="Tren" label={label} seri={seri} />);
    const garis = all(root, 'polyline.chart-garis');
    expect(garis.map((g) => g.attrs.class)).toEqual(['chart-garis seri-1', 'chart-garis seri-2']);
    for (const g of garis) expect(titik(g)).toHaveLength(6);
    expect(all(root, 'circle.chart-titik')).toHaveLength(12);
    expect(all(root, '.chart-garis').every((e) => e.name === 'polyline' || e.name === 'line')).toBe(true);
  });

  it('maps higher counts higher, zero onto the axis, months left to right', () => {
    const { root } = renderChart(<LineChart judul="Tren" label={label} seri={seri} />);
    const pts = titik(all(root, 'polyline.chart-garis')[0] as El);
    const sumbu = num(one(root, 'line.chart-sumbu'), 'y1');
    expect(pts[2]?.[1]).toBe(sumbu);
    expect(pts[3]?.[1]).toBeLessThan(pts[1]?.[1] as number);
    for (let i = 1; i < pts.length; i++) expect(pts[i]?.[0]).toBeGreaterThan(pts[i - 1]?.[0] as number);
    const ticks = all(root, 'text.chart-tick').map(text);
    expect(ticks.slice(0, 5)).toEqual(['0', '2', '4', '6', '8']);
    expect(ticks.slice(5)).toEqual(label);
  });

  it('names itself and gives a month-by-series table and a line legend', () => {
    const { root } = renderChart(<LineChart judul="Peristiwa per bulan" label={label} seri={seri} />);
    const { desc } = expectAccessibleSvg(root);
    expect(desc).toBe(
      'Diagram garis Jan 2024 sampai Jun 2024, seri Kelahiran dan Kematian. Angka lengkap ada di tabel.',
    );
    expect(all(one(root, 'thead'), 'th').map(text)).toEqual(['Bulan', 'Kelahiran', 'Kematian']);
    expect(tableRows(root)[3]).toEqual(['Apr 2024', '8', '1']);
    expect(all(one(root, 'ul.chart-legenda'), 'line.chart-garis')).toHaveLength(2);
  });

  it('prints only every k-th month label when months are many, always the latest, never overlapping', () => {
    const banyak = bulan(36);
    const { root } = renderChart(
      <LineChart judul="x" label={banyak} seri={[{ nama: 'a', nilai: banyak.map((_, i) => i) }]} />,
    );
    const teks = all(root, 'text.chart-tick').filter((t) => t.attrs['text-anchor'] === 'middle');
    expect(teks.length).toBeLessThan(36);
    expect(teks.length).toBeGreaterThan(3);
    expect(text(teks.at(-1) as El)).toBe('Des 2026');
    const x = teks.map((t) => num(t, 'x'));
    for (let i = 1; i < x.length; i++) expect((x[i] as number) - (x[i - 1] as number)).toBeGreaterThan(8 * 12 * 0.62);
  });

  it('places a single month in the middle', () => {
    const { root } = renderChart(<LineChart judul="x" label={['Jan 2026']} seri={[{ nama: 'a', nilai: [7] }]} />);
    expect(all(root, 'circle.chart-titik')).toHaveLength(1);
    expect(titik(one(root, 'polyline.chart-garis'))).toHaveLength(1);
  });

  it('shows a message when every count is zero; broken values count as zero', () => {
    const kosong = renderChart(
      <LineChart judul="x" label={bulan(3)} seri={[{ nama: 'a', nilai: [0, -1, Number.NaN] }]} />,
    ).root;
    expect(all(kosong, 'svg')).toHaveLength(0);
    expect(all(kosong, 'p.chart-kosong')).toHaveLength(1);
    expect(tableRows(kosong).map((r) => r[1])).toEqual(['0', '0', '0']);
    const kurang = renderChart(<LineChart judul="x" label={bulan(3)} seri={[{ nama: 'a', nilai: [4] }]} />).root;
    expect(titik(one(kurang, 'polyline.chart-garis'))).toHaveLength(3);
  });

  it('copes with one huge month', () => {
    const { root } = renderChart(<LineChart judul="x" label={bulan(3)} seri={[{ nama: 'a', nilai: [1, 2e9, 1] }]} />);
    const ticks = all(root, 'text.chart-tick').map(text);
    expect(ticks).toContain('2.000.000.000');
  });
});
