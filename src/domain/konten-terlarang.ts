/**
 * Injected-content guard: what the 2024 wave of online-gambling injections into government sites looked like
 * (BSSN: mostly hidden links), checked on the RAW editor HTML before it is sanitised (sanitising removes the
 * styles that hide a link, so the hiding must be judged first). Pure: HTML in, findings out.
 *
 * Three kinds of finding:
 * - `tautan-tersembunyi`: a link inside an element hidden by style (display:none, visibility:hidden, zero size or
 *   font, far off-screen, opacity 0, clipped away), by a `<style>` rule on its class/id/tag, by the `hidden`
 *   attribute, or by aria-hidden="true". One finding per hidden link (up to 20).
 * - `domain-asing`: links in bulk to unknown sites: at least 5 links, or links to at least 3 different hosts,
 *   outside `domainDikenal` (a domain also covers its subdomains) and the public-sector suffixes go.id, desa.id,
 *   ac.id, sch.id, mil.id, polri.go.id. A news item citing one or two outside sources passes.
 * - `kata-judi`: gambling vocabulary (see kata-judi.ts), one finding listing the terms met.
 */
import type { ChildNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { kataJudi } from './kata-judi.js';
import { type AturanCss, aturanTersembunyi, cocokAturan, gayaMenyembunyikan } from './konten-css.js';

export type JenisTemuan = 'tautan-tersembunyi' | 'domain-asing' | 'kata-judi';
export interface Temuan {
  jenis: JenisTemuan;
  detail: string;
}

export const AMBANG_TAUTAN_ASING = 5;
export const AMBANG_HOST_ASING = 3;
const MAKS_TEMUAN_TERSEMBUNYI = 20;
const AKHIRAN_DIKENAL = ['go.id', 'desa.id', 'ac.id', 'sch.id', 'mil.id'];

interface Tautan {
  href: string;
  teks: string;
  host: string | null;
  sebabTersembunyi: string | null;
}

function teksDari(node: ChildNode): string {
  if (node.type === 'text') return node.data;
  if ('children' in node && node.type !== 'script' && node.type !== 'style')
    return node.children.map(teksDari).join(' ');
  return '';
}

function hostDari(href: string): string | null {
  const bersih = href.trim();
  if (!/^(https?:)?\/\//i.test(bersih)) return null;
  try {
    return new URL(bersih, 'https://situs.invalid').hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return null;
  }
}

/** Why this element hides its content, or null. */
function sebabSembunyi(el: Element, aturan: AturanCss[]): string | null {
  if ('hidden' in el.attribs) return 'atribut hidden';
  if ((el.attribs['aria-hidden'] ?? '').trim().toLowerCase() === 'true') return 'aria-hidden';
  if (el.name === 'noscript' || el.name === 'template') return `<${el.name}>`;
  const gaya = el.attribs.style ? gayaMenyembunyikan(el.attribs.style) : null;
  if (gaya) return gaya;
  return cocokAturan(el, aturan);
}

function kumpulkanTautan(nodes: ChildNode[], aturan: AturanCss[], sebabInduk: string | null, hasil: Tautan[]) {
  for (const node of nodes) {
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') continue;
    const el = node as Element;
    const sebab = sebabInduk ?? sebabSembunyi(el, aturan);
    if (el.name === 'a' && el.attribs.href !== undefined) {
      const href = el.attribs.href;
      hasil.push({
        href,
        teks: teksDari(el).replace(/\s+/g, ' ').trim(),
        host: hostDari(href),
        sebabTersembunyi: sebab,
      });
    }
    kumpulkanTautan(el.children, aturan, sebab, hasil);
  }
}

export function domainDikenal(host: string, dikenal: readonly string[]): boolean {
  const semua = [...AKHIRAN_DIKENAL, ...dikenal.map((d) => d.toLowerCase().replace(/^www\./, ''))];
  return semua.some((d) => host === d || host.endsWith(`.${d}`));
}

/** Findings on the raw HTML of one piece of content; [] when nothing looks injected. */
export function periksaKonten(html: string, opsi: { domainDikenal: string[] }): Temuan[] {
  const doc = parseDocument(html, { decodeEntities: true, lowerCaseAttributeNames: true });
  const aturan = aturanTersembunyi(doc.children);
  const tautan: Tautan[] = [];
  kumpulkanTautan(doc.children, aturan, null, tautan);
  const temuan: Temuan[] = [];

  for (const t of tautan.filter((t) => t.sebabTersembunyi).slice(0, MAKS_TEMUAN_TERSEMBUNYI)) {
    temuan.push({ jenis: 'tautan-tersembunyi', detail: `${t.href} (${t.sebabTersembunyi})` });
  }

  const asing = tautan.filter((t) => t.host && !domainDikenal(t.host, opsi.domainDikenal));
  const hostAsing = [...new Set(asing.map((t) => t.host as string))];
  if (asing.length >= AMBANG_TAUTAN_ASING || hostAsing.length >= AMBANG_HOST_ASING) {
    const daftar = hostAsing.slice(0, 10).join(', ') + (hostAsing.length > 10 ? ', …' : '');
    temuan.push({ jenis: 'domain-asing', detail: `${asing.length} tautan ke ${hostAsing.length} situs: ${daftar}` });
  }

  const kata = kataJudi(
    teksDari(doc),
    asing.map((t) => `${t.teks} ${t.href}`),
    [...doc.children].flatMap(atributTeks),
  );
  if (kata.length > 0) temuan.push({ jenis: 'kata-judi', detail: kata.join(', ') });
  return temuan;
}

/** alt/title texts, which spam also uses to carry keywords for search engines. */
function atributTeks(node: ChildNode): string[] {
  if (node.type !== 'tag') return [];
  const el = node as Element;
  const sendiri = [el.attribs.alt, el.attribs.title].filter((v): v is string => Boolean(v));
  return [...sendiri, ...el.children.flatMap(atributTeks)];
}
