/**
 * The one Typst compiler of the process (creating one costs ~60 ms and loads fonts). It sees only the vendored
 * Liberation fonts (assets/fonts, set with `fallback: false`, so no system font shapes a letter) and a virtual
 * workspace that does not exist on disk: a document can read nothing but the in-memory files mapped here.
 * Compilation is synchronous, so one letter's files and compile never interleave with another's.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { PROJECT_ROOT } from '#src/lib/paths.js';
import { SURAT_TYP } from './surat-typst-lib.js';

export const FONT_DIR = join(PROJECT_ROOT, 'assets', 'fonts');
const WORKSPACE = '/balai-surat';
/** Evict Typst's global memo cache every so many compilations (the library's advice against unbounded growth). */
const EVICT_EVERY = 25;

/** A letter's Typst source did not compile — a bug in the generator, never the operator's text. */
export class SuratRenderError extends Error {
  constructor(readonly diagnostics: unknown) {
    super(`surat gagal disusun: ${JSON.stringify(diagnostics).slice(0, 500)}`);
    this.name = 'SuratRenderError';
  }
}

let compiler: NodeCompiler | null = null;
let compilations = 0;
const mapped = new Set<string>();

function getCompiler(): NodeCompiler {
  if (compiler) return compiler;
  const fontBlobs = readdirSync(FONT_DIR)
    .filter((f) => f.endsWith('.ttf'))
    .sort()
    .map((f) => readFileSync(join(FONT_DIR, f)));
  const c = NodeCompiler.create({ workspace: WORKSPACE, fontArgs: [{ fontBlobs }] });
  c.addSource(`${WORKSPACE}/surat.typ`, SURAT_TYP);
  compiler = c;
  return c;
}

/**
 * Makes `bytes` readable from Typst and returns its path ("/f/<sha256>.<ext>"). Named by content, so the same logo
 * maps once and stays cached across letters.
 */
export function mapFile(bytes: Uint8Array, ext: string): string {
  const name = `/f/${createHash('sha256').update(bytes).digest('hex')}.${ext}`;
  if (!mapped.has(name)) {
    getCompiler().mapShadow(`${WORKSPACE}${name}`, Buffer.from(bytes));
    mapped.add(name);
  }
  return name;
}

/** Removes a mapped file that will not be used again (e.g. a letter's QR). */
export function unmapFile(name: string): void {
  if (mapped.delete(name)) getCompiler().unmapShadow(`${WORKSPACE}${name}`);
}

/** Compiles a main Typst file to PDF. Throws SuratRenderError with Typst's diagnostics on failure. */
export function compileTypst(source: string): { pdf: Uint8Array; halaman: number } {
  const c = getCompiler();
  const result = c.compile({ mainFileContent: source });
  const doc = result.result;
  if (result.hasError() || !doc) {
    const error = result.takeError();
    throw new SuratRenderError(error ? c.fetchDiagnostics(error) : 'unknown');
  }
  const pdf = c.pdf(doc, { pdfTags: false });
  if (++compilations % EVICT_EVERY === 0) c.evictCache(10);
  return { pdf: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength), halaman: doc.numOfPages };
}

/** Creates the compiler and lays out a small letter once, so the first real request is fast. Call at start-up. */
export function warmTypst(): void {
  compileTypst('#import "/surat.typ": *\n#show: halaman-surat\n#paragraf([#"Balai"])');
}
