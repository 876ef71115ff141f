import { describe, expect, it } from 'vitest';
import { expectAccessibleSvg, num, renderChart, tableRows } from '../../../../tests/support/chart-checks.js';
import { all, type El, one, text } from '../../../../tests/support/markup-dom.js';
import { BarChart } from './bar-chart.js';

const label = ['PETANI/PEKEBUN', 'MENGURUS RUMAH TANGGA', 'KARYAWAN BADAN USAHA MILIK NEGARA (BUMN) DAN DAERAH'];
const seri = [
  { nama: 'Laki-laki', nilai: [1200, 3, 0], kelas: 'laki' },
  { nama: 'Perempuan', nilai: [1100, 2500, 1], kelas: 'perempuan' },
];

const lebarBar = (root: El) => all(root, 'rect.chart-batang').map((r) => num(r, 'width'));

describe('BarChart', () => {
  it('draws one bar per category and series, coloured by the series class', () => {
    const { root } = renderChart(<BarChart judul="Pekerjaan" label={label} seri={seri} />);
    const bars = all(root, 'rect.chart-batang');
    expect(bars).toHaveLength(6);
    expect(all(root, '.chart-batang')).toHaveLength(6); // the class means a bar and nothing else
    expect(bars.map((b) => b.attrs.class)).toEqual([
      'chart-batang laki',
      'chart-batang perempuan',
      'chart-batang laki',
      'chart-batang perempuan',
      'chart-batang laki',
      'chart-batang perempuan',
    ]);
    expect(all(root, 'text.chart-nilai').map(text)).toEqual(['1.200', '1.100', '3', '2.500', '0', '1']);
  });

  it('sizes bars to the value on one scale that fits the picture', () => {
    const { root } = renderChart(<BarChart judul="Pekerjaan" label={label} seri={seri} />);
    const [a, b, c, d, e, f] = lebarBar(root) as [number, number, number, number, number, number];
    expect(d).toBeGreaterThan(a);
    expect(a).toBeGreaterThan(b);
    expect(a / d).toBeCloseTo(1200 / 2500, 2);
    expect(e).toBe(0);
    expect(c).toBeGreaterThanOrEqual(1); // a small value stays visible
    expect(f).toBeGreaterThanOrEqual(1);
    const { svg } = expectAccessibleSvg(root);
    const lebar = Number(svg.attrs.viewBox?.split(' ')[2]);
    for (const r of all(root, 'rect.chart-batang')) expect(num(r, 'x') + num(r, 'width')).toBeLessThanOrEqual(lebar);
  });

  it('is an image named by its title and a description with the main finding', () => {
    const { root } = renderChart(<BarChart judul="Pekerjaan" label={label} seri={seri} satuan="jiwa" />);
    const { judul, desc } = expectAccessibleSvg(root);
    expect(judul).toBe('Pekerjaan');
    expect(desc).toBe(
      'Diagram batang, 3 kategori, seri Laki-laki dan Perempuan. Tertinggi: MENGURUS RUMAH TANGGA (2.500 jiwa). Angka lengkap ada di tabel.',
    );
    expect(text(one(root, 'figcaption'))).toBe('Pekerjaan');
  });

  it('wraps long labels into two lines and keeps the full text in a <title>', () => {
    const { root } = renderChart(<BarChart judul="Pekerjaan" label={label} seri={seri} />);
    const [pendek, , panjang] = all(root, 'text.chart-label') as [El, El, El];
    expect(all(pendek, 'title')).toHaveLength(0);
    const tspans = all(panjang, 'tspan').map(text);
    expect(tspans).toHaveLength(2);
    expect(tspans[1]?.endsWith('…')).toBe(true);
    expect(text(one(panjang, 'title'))).toBe(label[2]);
  });

  it('has round ticks reaching past the largest value', () => {
    const { root } = renderChart(<BarChart judul="Pekerjaan" label={label} seri={seri} />);
    const ticks = all(root, 'text.chart-tick').map((t) => Number(text(t).replaceAll('.', '')));
    expect(ticks).toEqual([0, 500, 1000, 1500, 2000, 2500]);
  });

  it('shows a legend for several series only, and the data table', () => {
    const dua = renderChart(<BarChart judul="Pekerjaan" label={label} seri={seri} satuan="jiwa" />).root;
    expect(all(one(dua, 'ul.chart-legenda'), 'li').map(text)).toEqual(['Laki-laki', 'Perempuan']);
    expect(all(one(dua, 'thead'), 'th').map(text)).toEqual(['Kategori', 'Laki-laki (jiwa)', 'Perempuan (jiwa)']);
    expect(tableRows(dua)).toEqual([
      ['PETANI/PEKEBUN', '1.200', '1.100'],
      ['MENGURUS RUMAH TANGGA', '3', '2.500'],
      [label[2], '0', '1'],
    ]);
    const satu = renderChart(<BarChart judul="KK" label={['A', 'B']} seri={[{ nama: 'KK', nilai: [4, 2] }]} />).root;
    expect(all(satu, 'ul.chart-legenda')).toHaveLength(0);
    expect(all(satu, 'rect.chart-batang').map((r) => r.attrs.class)).toEqual([
      'chart-batang seri-1',
      'chart-batang seri-1',
    ]);
  });

  it('shows a message instead of a picture when every value is zero, keeping the table', () => {
    const { root } = renderChart(<BarChart judul="Kosong" label={['A', 'B']} seri={[{ nama: 'x', nilai: [0, 0] }]} />);
    expect(all(root, 'svg')).toHaveLength(0);
    expect(text(one(root, 'p.chart-kosong'))).toBe('Belum ada data untuk ditampilkan.');
    expect(tableRows(root)).toEqual([
      ['A', '0'],
      ['B', '0'],
    ]);
  });

  it('handles no category at all', () => {
    const { root } = renderChart(<BarChart judul="Kosong" label={[]} seri={[]} />);
    expect(all(root, 'svg')).toHaveLength(0);
    expect(all(root, 'table')).toHaveLength(0);
    expect(all(root, 'p.chart-kosong')).toHaveLength(1);
  });

  it('keeps a tiny bar visible next to a huge one', () => {
    const { root } = renderChart(
      <BarChart judul="Besar" label={['kecil', 'besar']} seri={[{ nama: 'x', nilai: [1, 1e9] }]} />,
    );
    const [kecil, besar] = lebarBar(root) as [number, number];
    expect(kecil).toBe(1);
    expect(besar).toBeGreaterThan(300);
    expect(all(root, 'text.chart-tick').map(text).at(-1)).toBe('1.000.000.000');
  });

  it('draws negative, missing and broken values as zero', () => {
    const { root } = renderChart(
      <BarChart judul="Rusak" label={['a', 'b', 'c', 'd']} seri={[{ nama: 'x', nilai: [-5, Number.NaN, 3] }]} />,
    );
    expect(lebarBar(root).map((w) => w > 0)).toEqual([false, false, true, false]);
    expect(tableRows(root).map((r) => r[1])).toEqual(['0', '0', '3', '0']);
  });

  it('gives two charts with different titles different ids, or the id asked for', () => {
    const a = expectAccessibleSvg(
      renderChart(<BarChart judul="A" label={['x']} seri={[{ nama: 's', nilai: [1] }]} />).root,
    );
    const b = expectAccessibleSvg(
      renderChart(<BarChart judul="A" id="agama-rw" label={['x']} seri={[{ nama: 's', nilai: [1] }]} />).root,
    );
    expect(a.svg.attrs['aria-labelledby']).not.toBe(b.svg.attrs['aria-labelledby']);
    expect(b.svg.attrs['aria-labelledby']).toBe('agama-rw-judul agama-rw-desc');
  });
});
