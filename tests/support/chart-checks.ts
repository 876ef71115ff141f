import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { expect } from 'vitest';
import { all, byId, type El, one, parseMarkup, text } from './markup-dom.js';

export interface Rendered {
  html: string;
  root: El;
}

/** Renders a chart and checks what every chart owes: well-formed markup, no NaN, no inline style (CSP). */
export function renderChart(vnode: VNode): Rendered {
  const html = renderToString(vnode);
  expect(html).not.toMatch(/NaN|Infinity|undefined/);
  expect(html).not.toMatch(/\sstyle=/);
  return { html, root: parseMarkup(html) };
}

/** The picture is one role="img" SVG named by its own <title> and <desc>; returns both texts. */
export function expectAccessibleSvg(root: El): { svg: El; judul: string; desc: string } {
  const svg = one(root, 'svg.chart-svg');
  expect(svg.attrs.role).toBe('img');
  expect(svg.attrs.width).toBe('100%');
  const viewBox = (svg.attrs.viewBox ?? '').split(' ').map(Number);
  expect(viewBox).toHaveLength(4);
  for (const n of viewBox) expect(Number.isFinite(n) && n >= 0).toBe(true);
  const ids = (svg.attrs['aria-labelledby'] ?? '').split(' ');
  expect(ids).toHaveLength(2);
  const [titleEl, descEl] = ids.map((id) => byId(svg, id));
  expect(titleEl?.name).toBe('title');
  expect(descEl?.name).toBe('desc');
  return { svg, judul: text(titleEl as El), desc: text(descEl as El) };
}

/** Rows of the chart's data table as text cells (header cell first). */
export function tableRows(root: El, part: 'tbody' | 'tfoot' = 'tbody'): string[][] {
  return all(one(root, part), 'tr').map((tr) => tr.children.filter((c) => typeof c !== 'string').map((c) => text(c)));
}

/** Numeric attribute of an element. */
export function num(el: El, attr: string): number {
  const v = Number(el.attrs[attr]);
  expect(Number.isFinite(v)).toBe(true);
  return v;
}
