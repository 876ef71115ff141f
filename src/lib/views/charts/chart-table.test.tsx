import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { en } from '#src/lib/i18n/en.js';
import { PageContext, type PageCtx } from '#src/lib/views/page-context.js';
import { tableRows } from '../../../../tests/support/chart-checks.js';
import { all, one, parseMarkup, text } from '../../../../tests/support/markup-dom.js';
import { ChartTable } from './chart-table.js';

const kolom = ['Agama', 'Laki-laki', 'Perempuan', 'Persen'];
const baris = [
  ['ISLAM', 1234, 1300, '92,5%'],
  ['KRISTEN', 5, 7, '<0,1%'],
  ['Lainnya', 0, 0, '0%'],
];

const render = (node: VNode) => parseMarkup(renderToString(node));

describe('ChartTable', () => {
  it('is a real table: caption, column headers, a row header per row', () => {
    const root = render(<ChartTable judul="Penduduk menurut agama" kolom={kolom} baris={baris} />);
    expect(text(one(root, 'caption'))).toBe('Penduduk menurut agama');
    const kepala = all(one(root, 'thead'), 'th');
    expect(kepala.map(text)).toEqual(kolom);
    for (const th of kepala) expect(th.attrs.scope).toBe('col');
    const trs = all(one(root, 'tbody'), 'tr');
    expect(trs).toHaveLength(3);
    for (const tr of trs) expect(one(tr, 'th').attrs.scope).toBe('row');
    expect(tableRows(root)).toEqual([
      ['ISLAM', '1.234', '1.300', '92,5%'],
      ['KRISTEN', '5', '7', '<0,1%'],
      ['Lainnya', '0', '0', '0%'],
    ]);
  });

  it('right-aligns figures, including figures written as text, and their column headers', () => {
    const root = render(
      <ChartTable judul="x" kolom={['Nama', 'Catatan', 'Jumlah']} baris={[['A', 'tidak ada', '<3']]} />,
    );
    const [, catatan, jumlah] = all(one(root, 'thead'), 'th');
    expect(catatan?.attrs.class).toBeUndefined();
    expect(jumlah?.attrs.class).toBe('angka');
    const [teks, angka] = all(root, 'td');
    expect(teks?.attrs.class).toBeUndefined();
    expect(angka?.attrs.class).toBe('angka');
  });

  it('puts a closing row in tfoot', () => {
    const root = render(<ChartTable judul="x" kolom={kolom} baris={baris} kaki={['Jumlah', 1239, 1307, '100%']} />);
    expect(tableRows(root, 'tfoot')).toEqual([['Jumlah', '1.239', '1.307', '100%']]);
    expect(one(one(root, 'tfoot'), 'th').attrs.scope).toBe('row');
  });

  it('sits behind a "Lihat tabel" disclosure naming the chart, open on request', () => {
    const tutup = render(<ChartTable judul="Agama" kolom={kolom} baris={baris} />);
    const details = one(tutup, 'details.chart-tabel');
    expect(details.attrs.open).toBeUndefined();
    const summary = one(details, 'summary');
    expect(text(summary)).toBe('Lihat tabel: Agama');
    expect(text(one(summary, 'span.visually-hidden'))).toBe(': Agama');
    const buka = render(<ChartTable judul="Agama" kolom={kolom} baris={baris} terbuka />);
    expect(one(buka, 'details').attrs.open).toBe('');
  });

  it('speaks the language of the page', () => {
    const ctx: PageCtx = {
      m: en,
      lang: 'en',
      user: null,
      csrf: null,
      flash: null,
      nav: [],
      path: '/',
      installation: null,
    };
    const root = render(
      <PageContext.Provider value={ctx}>
        <ChartTable judul="Religion" kolom={kolom} baris={baris} />
      </PageContext.Provider>,
    );
    expect(text(one(root, 'summary'))).toBe('Show table: Religion');
  });

  it('renders an empty body without failing', () => {
    const root = render(<ChartTable judul="x" kolom={['A', 'B']} baris={[]} />);
    expect(all(one(root, 'tbody'), 'tr')).toHaveLength(0);
    expect(all(root, 'th.angka')).toHaveLength(0);
  });
});
