import { describe, expect, it } from 'vitest';
import { expectAccessibleSvg, num, renderChart, tableRows } from '../../../../tests/support/chart-checks.js';
import { all, type El, one, text } from '../../../../tests/support/markup-dom.js';
import { lebarTeks } from './chart-label.js';
import { PyramidChart } from './pyramid-chart.js';

const label = ['0–4', '5–9', '10–14', '15–19', '20–24', '25–29', '30–34', '35–39', '40–44', '45–49', '50–54'];
label.push('55–59', '60–64', '65–69', '70–74', 'Di atas 75 Tahun', 'Belum mengisi');
const laki = label.map((_, i) => 100 - i * 5);
const perempuan = label.map((_, i) => 98 - i * 4);

const bars = (root: El, kelas: 'laki' | 'perempuan') => all(root, `rect.chart-batang.${kelas}`);
const ujungKanan = (r: El) => num(r, 'x') + num(r, 'width');

describe('PyramidChart', () => {
  it('draws men to the left and women to the right of a shared centre column', () => {
    const { root } = renderChart(<PyramidChart judul="Piramida" label={label} laki={laki} perempuan={perempuan} />);
    const l = bars(root, 'laki');
    const p = bars(root, 'perempuan');
    expect(l).toHaveLength(17);
    expect(p).toHaveLength(17);
    const poros = ujungKanan(l[0] as El);
    for (const r of l) expect(ujungKanan(r)).toBeCloseTo(poros, 1); // men grow leftwards from one edge
    const mulai = num(p[0] as El, 'x');
    for (const r of p) expect(num(r, 'x')).toBe(mulai); // women grow rightwards from the other
    expect(mulai).toBeGreaterThan(poros);
    for (const r of l) expect(num(r, 'x')).toBeGreaterThanOrEqual(0);
  });

  it('puts the youngest at the bottom and the oldest at the top', () => {
    const { root } = renderChart(<PyramidChart judul="Piramida" label={label} laki={laki} perempuan={perempuan} />);
    const y = bars(root, 'laki').map((r) => num(r, 'y'));
    for (let i = 1; i < y.length; i++) expect(y[i]).toBeLessThan(y[i - 1] as number);
    const labels = all(root, 'text.chart-label').map(text);
    expect(labels[0]).toBe('0–4');
    expect(labels.at(-1)).toBe('Belum mengisi');
  });

  it('uses one symmetric scale: equal counts give equal bars, ticks mirrored', () => {
    const { root } = renderChart(<PyramidChart judul="x" label={['a', 'b']} laki={[40, 10]} perempuan={[10, 37]} />);
    const [l0, l1] = bars(root, 'laki').map((r) => num(r, 'width')) as [number, number];
    const [p0, p1] = bars(root, 'perempuan').map((r) => num(r, 'width')) as [number, number];
    expect(l1).toBeCloseTo(p0, 5);
    expect(l0 / p1).toBeCloseTo(40 / 37, 2);
    const ticks = all(root, 'text.chart-tick').map(text);
    expect(ticks).toEqual(['0', '0', '10', '10', '20', '20', '30', '30', '40', '40']);
    const grid = all(root, 'line.chart-grid').map((g) => num(g, 'x1'));
    const poros = ujungKanan(bars(root, 'laki')[0] as El);
    const mulai = num(bars(root, 'perempuan')[0] as El, 'x');
    for (let i = 0; i < grid.length; i += 2) {
      expect(poros - (grid[i] as number)).toBeCloseTo((grid[i + 1] as number) - mulai, 1);
    }
  });

  it('labels sides, names itself, and gives the table with totals', () => {
    const { root } = renderChart(<PyramidChart judul="Piramida" label={label} laki={laki} perempuan={perempuan} />);
    expect(all(root, 'text.chart-sisi').map(text)).toEqual(['Laki-laki', 'Perempuan']);
    const { desc } = expectAccessibleSvg(root);
    expect(desc).toContain('17 kelompok umur');
    expect(desc).toContain('(1.020)'); // 17 × 100 − 5 × (0 + … + 16)
    expect(all(one(root, 'thead'), 'th').map(text)).toEqual(['Kelompok umur', 'Laki-laki', 'Perempuan', 'Jumlah']);
    expect(tableRows(root)[0]).toEqual(['0–4', '100', '98', '198']);
    expect(tableRows(root, 'tfoot')).toEqual([['Jumlah', '1.020', '1.122', '2.142']]);
  });

  it('cuts an over-long age label and keeps it whole in a <title>', () => {
    const panjang = 'Kelompok umur yang sangat panjang sekali';
    const { root } = renderChart(<PyramidChart judul="x" label={['0–4', panjang]} laki={[1, 2]} perempuan={[3, 4]} />);
    const teks = all(root, 'text.chart-label')[1] as El;
    expect(text(one(teks, 'title'))).toBe(panjang);
    expect(text(teks).replace(panjang, '').endsWith('…')).toBe(true);
  });

  it('treats missing, negative and broken counts as zero, and all-zero as no data', () => {
    const { root } = renderChart(
      <PyramidChart judul="x" label={['a', 'b', 'c']} laki={[5, -2]} perempuan={[Number.NaN, 1, 2]} />,
    );
    expect(bars(root, 'laki').map((r) => num(r, 'width') > 0)).toEqual([true, false, false]);
    expect(tableRows(root).map((r) => r.slice(1))).toEqual([
      ['5', '0', '5'],
      ['0', '1', '1'],
      ['0', '2', '2'],
    ]);
    const kosong = renderChart(<PyramidChart judul="x" label={['a']} laki={[0]} perempuan={[]} />).root;
    expect(all(kosong, 'svg')).toHaveLength(0);
    expect(all(kosong, 'p.chart-kosong')).toHaveLength(1);
  });

  it('keeps a tiny bar visible next to a huge one, and the widest tick labels inside the picture', () => {
    const { root } = renderChart(<PyramidChart judul="x" label={['a', 'b']} laki={[1, 5e8]} perempuan={[1e9, 1]} />);
    expect(bars(root, 'laki').map((r) => num(r, 'width'))[0]).toBe(1);
    const ticks = all(root, 'text.chart-tick');
    expect(text(ticks.at(-1) as El)).toBe('1.000.000.000');
    for (const t of ticks) {
      expect(num(t, 'x') - lebarTeks(text(t)) / 2).toBeGreaterThanOrEqual(0);
      expect(num(t, 'x') + lebarTeks(text(t)) / 2).toBeLessThanOrEqual(640);
    }
  });
});
