/**
 * A small streaming XML tokenizer for worksheet parts (decision 014): start and end tags with their attributes,
 * text, CDATA; comments and processing instructions skipped; entities decoded by `entities` (the five XML
 * ones and character references; nothing is expanded from a DTD, and a DOCTYPE is refused: OOXML parts have
 * none). It checks only what a reader needs: tags balance and every construct ends; it is not a validating
 * parser. A worksheet of 100,000 rows is ~80 MB of XML; a general-purpose SAX parser (saxes) spends ~3 s on
 * it, this ~0.7 s.
 *
 * Fed with `write(chunk)` as the text arrives (a construct cut between chunks waits for the next), then
 * `close()`, which throws when the document is cut short.
 */
import { decodeXML } from 'entities/decode';

export interface XmlScanHandler {
  /** a start tag (`name` without its namespace prefix); its attributes via `scanner.attribute` during the call */
  open(name: string): void;
  /** an end tag, or right after `open` for a self-closing one */
  close(name: string): void;
  /** character data between tags, or a CDATA section, decoded */
  text(text: string): void;
}

const GT = 62; // >
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const QUOTE = 34;
const APOSTROPHE = 39;

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;
const decoded = (raw: string) => (raw.includes('&') ? decodeXML(raw) : raw);

/** Thrown for text that is not well-formed enough to read. */
export class XmlScanError extends Error {
  constructor(message: string) {
    super(`XML rusak: ${message}`);
    this.name = 'XmlScanError';
  }
}

export class XmlScanner {
  private rest = '';
  private depth = 0;
  private rootSeen = false;
  private readonly names: string[] = [];
  private readonly values: string[] = [];
  private count = 0;

  constructor(private readonly handler: XmlScanHandler) {}

  /** An attribute of the start tag being reported, by its full name; undefined when absent. */
  attribute(name: string): string | undefined {
    for (let i = 0; i < this.count; i += 1) if (this.names[i] === name) return decoded(this.values[i] as string);
    return undefined;
  }

  write(chunk: string): void {
    const s = this.rest === '' ? chunk : this.rest + chunk;
    let i = 0;
    for (;;) {
      const lt = s.indexOf('<', i);
      if (lt === -1) break;
      if (lt > i) this.textBetween(s, i, lt);
      const next = this.construct(s, lt);
      if (next === -1) {
        i = lt;
        break;
      }
      i = next;
    }
    this.rest = s.slice(i);
  }

  close(): void {
    if (this.rest.trim() !== '') throw new XmlScanError('dokumen terpotong');
    if (!this.rootSeen) throw new XmlScanError('tanpa elemen');
    if (this.depth !== 0) throw new XmlScanError('elemen tidak ditutup');
  }

  private textBetween(s: string, from: number, to: number) {
    if (this.depth === 0) {
      if (s.slice(from, to).trim() !== '') throw new XmlScanError('teks di luar elemen');
      return;
    }
    this.handler.text(decoded(s.slice(from, to)));
  }

  /** The construct starting with `<` at `lt`; the index after it, or -1 when it continues in the next chunk. */
  private construct(s: string, lt: number): number {
    const c = s.charCodeAt(lt + 1);
    if (Number.isNaN(c)) return -1;
    if (c === SLASH) {
      const gt = s.indexOf('>', lt + 2);
      if (gt === -1) return -1;
      if (this.depth === 0) throw new XmlScanError('tag penutup tanpa pembuka');
      this.depth -= 1;
      this.handler.close(localName(s.slice(lt + 2, gt).trimEnd()));
      return gt + 1;
    }
    if (c === QUESTION) {
      const end = s.indexOf('?>', lt + 2);
      return end === -1 ? -1 : end + 2;
    }
    if (c === BANG) {
      if (s.startsWith('<!--', lt)) {
        const end = s.indexOf('-->', lt + 4);
        return end === -1 ? -1 : end + 3;
      }
      if (s.startsWith('<![CDATA[', lt)) {
        const end = s.indexOf(']]>', lt + 9);
        if (end === -1) return -1;
        if (this.depth === 0) throw new XmlScanError('CDATA di luar elemen');
        this.handler.text(s.slice(lt + 9, end));
        return end + 3;
      }
      if (s.length - lt < 9) return -1;
      throw new XmlScanError('deklarasi tidak diizinkan');
    }
    return this.startTag(s, lt);
  }

  private startTag(s: string, lt: number): number {
    const n = s.length;
    let j = lt + 1;
    while (j < n) {
      const c = s.charCodeAt(j);
      if (isSpace(c) || c === GT || c === SLASH) break;
      j += 1;
    }
    if (j >= n) return -1;
    if (j === lt + 1) throw new XmlScanError('nama tag kosong');
    const name = localName(s.slice(lt + 1, j));
    let count = 0;
    let selfClosing = false;
    for (;;) {
      while (j < n && isSpace(s.charCodeAt(j))) j += 1;
      if (j >= n) return -1;
      const c = s.charCodeAt(j);
      if (c === GT) {
        j += 1;
        break;
      }
      if (c === SLASH) {
        if (j + 1 >= n) return -1;
        if (s.charCodeAt(j + 1) !== GT) throw new XmlScanError('tag tidak lengkap');
        selfClosing = true;
        j += 2;
        break;
      }
      const eq = s.indexOf('=', j);
      if (eq === -1) return -1;
      const attrName = s.slice(j, eq).trimEnd();
      if (attrName === '' || attrName.includes('>') || attrName.includes('<'))
        throw new XmlScanError('atribut tidak sah');
      let q = eq + 1;
      while (q < n && isSpace(s.charCodeAt(q))) q += 1;
      if (q >= n) return -1;
      const quote = s.charCodeAt(q);
      if (quote !== QUOTE && quote !== APOSTROPHE) throw new XmlScanError('nilai atribut tanpa tanda kutip');
      const end = s.indexOf(quote === QUOTE ? '"' : "'", q + 1);
      if (end === -1) return -1;
      this.names[count] = attrName;
      this.values[count] = s.slice(q + 1, end);
      count += 1;
      j = end + 1;
    }
    if (this.depth === 0 && this.rootSeen) throw new XmlScanError('lebih dari satu elemen akar');
    this.rootSeen = true;
    this.count = count;
    this.depth += 1;
    this.handler.open(name);
    this.count = 0;
    if (selfClosing) {
      this.depth -= 1;
      this.handler.close(name);
    }
    return j;
  }
}

/** `x:row` → `row` (files written with a namespace prefix). */
function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}
