/**
 * The parts of an .xlsx workbook that say how to read its sheets — relationships, workbook (sheet names,
 * 1904 dates), styles (which cell styles are dates) and the shared strings table — parsed with saxes, the
 * streaming XML parser exceljs itself uses, without loading exceljs (decision 013): an import reads a
 * workbook in ~40 MB less memory, and no longer calls exceljs's private parsing methods. The shared strings,
 * which grow with the data, are read by the worksheet scanner instead (decision 014).
 *
 * Element names are compared without their namespace prefix (`x:si` is `si`), as some producers write them.
 */
import { SaxesParser } from 'saxes';
import { isDateFormat } from './xlsx-cells.js';
import { TextTable } from './xlsx-text-table.js';
import { XmlScanner } from './xml-scan.js';

type Attributes = Record<string, string>;

/** The element's name without a namespace prefix. */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

interface Handlers {
  open?(name: string, attributes: Attributes): void;
  close?(name: string): void;
  text?(text: string): void;
}

async function parse(text: AsyncIterable<string>, h: Handlers): Promise<void> {
  const parser = new SaxesParser({ position: false });
  if (h.open) {
    const open = h.open;
    parser.on('opentag', (node) => open(localName(node.name), node.attributes as Attributes));
  }
  if (h.close) {
    const close = h.close;
    parser.on('closetag', (node) => close(localName(node.name)));
  }
  if (h.text) {
    parser.on('text', h.text);
    parser.on('cdata', h.text);
  }
  for await (const chunk of text) parser.write(chunk);
  parser.close();
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
}

/** xl/_rels/workbook.xml.rels */
export async function parseRelationships(text: AsyncIterable<string>): Promise<Relationship[]> {
  const rels: Relationship[] = [];
  await parse(text, {
    open(name, a) {
      if (name === 'Relationship' && a.Id && a.Target) rels.push({ id: a.Id, type: a.Type ?? '', target: a.Target });
    },
  });
  return rels;
}

export interface WorkbookInfo {
  sheets: { name: string; rId: string }[];
  date1904: boolean;
}

/** xl/workbook.xml: the sheets in order, and whether dates count from 1904. */
export async function parseWorkbook(text: AsyncIterable<string>): Promise<WorkbookInfo> {
  const info: WorkbookInfo = { sheets: [], date1904: false };
  await parse(text, {
    open(name, a) {
      if (name === 'workbookPr') info.date1904 = a.date1904 === '1' || a.date1904 === 'true';
      else if (name === 'sheet') {
        const rId = a['r:id'] ?? Object.entries(a).find(([k]) => localName(k) === 'id' && k.includes(':'))?.[1];
        if (a.name && rId) info.sheets.push({ name: a.name, rId });
      }
    },
  });
  return info;
}

/** Built-in number formats that are dates or times (ECMA-376 §18.8.30; 27–36 and 50–58 in East Asian locales). */
const BUILTIN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47]);
for (let id = 50; id <= 58; id += 1) BUILTIN_DATES.add(id);

/** xl/styles.xml: for each cell style (`s` of a cell), whether its number format is a date. */
export async function parseDateStyles(text: AsyncIterable<string>): Promise<(style: number) => boolean> {
  const formats = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  await parse(text, {
    open(name, a) {
      if (name === 'numFmt') formats.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) xfFormats.push(Number(a.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  const dates = xfFormats.map((id) => {
    const custom = formats.get(id);
    return custom !== undefined ? isDateFormat(custom) : BUILTIN_DATES.has(id);
  });
  return (style) => dates[style] === true;
}

/**
 * xl/sharedStrings.xml: each `<si>`'s text (runs of rich text joined, phonetic guides left out), kept compactly
 * as UTF-8 in a `TextTable` — the table grows with the file's distinct texts, a few bytes over their length each.
 * This part grows with the data (~8.5 MB for 100,000 residents, read before the first row can be), so it is read by
 * the worksheet scanner (decision 014): ~0.25 s instead of ~0.55 s with saxes. The other parts are a few kilobytes.
 */
export async function parseSharedStrings(text: AsyncIterable<string>): Promise<TextTable> {
  const table = new TextTable();
  let inItem = false;
  let inText = false;
  let phonetic = 0;
  let value = '';
  const scanner = new XmlScanner({
    open(name) {
      if (name === 'si') {
        inItem = true;
        value = '';
      } else if (name === 't' && inItem && phonetic === 0) inText = true;
      else if (name === 'rPh') phonetic += 1;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic -= 1;
      else if (name === 'si') {
        table.add(value);
        inItem = false;
      }
    },
    text(t) {
      if (inText) value += t;
    },
  });
  for await (const chunk of text) scanner.write(chunk);
  scanner.close();
  return table;
}
