/**
 * A Markdown table with padded, aligned columns: readable on the terminal and already in the shape
 * `biome format` gives Markdown tables (so `npm run lint` stays clean). Keep cells to plain text:
 * widths are counted in characters, so wide glyphs such as emoji would misalign the columns.
 *
 * columns: [{ title, align: 'left' | 'right' }], rows: string[][]
 */
export function markdownTable(columns, rows) {
  const widths = columns.map((c, i) => Math.max(3, c.title.length, ...rows.map((r) => String(r[i]).length)));
  const pad = (cell, i) => (columns[i].align === 'right' ? cell.padStart(widths[i]) : cell.padEnd(widths[i]));
  const line = (cells) => `| ${cells.map((c, i) => pad(String(c), i)).join(' | ')} |`;
  const rule = columns.map((c, i) => (c.align === 'right' ? `${'-'.repeat(widths[i] - 1)}:` : '-'.repeat(widths[i])));
  return [line(columns.map((c) => c.title)), `| ${rule.join(' | ')} |`, ...rows.map(line)].join('\n');
}
