/**
 * The CSS ways injected links are hidden, read from `style` attributes and `<style>` blocks of raw editor HTML.
 * Deliberately small: declarations are split and judged one by one; `<style>` rules are matched on the last
 * compound selector (tag, #id, .class) only, which over-matches rather than misses.
 */
import type { ChildNode, Element } from 'domhandler';

export interface AturanCss {
  tag: string | null;
  id: string | null;
  kelas: string[];
  sebab: string;
}

const JAUH = -500; // px: further off-screen than any layout needs

/** A CSS length in px (em/rem taken as 16 px), or null when not a plain length. */
function px(nilai: string): number | null {
  const m = /^(-?(?:\d+\.?\d*|\.\d+))(px|pt|em|rem|%|vw|vh|cm|mm|in)?$/.exec(nilai.trim());
  if (!m) return null;
  const n = Number(m[1]);
  switch (m[2]) {
    case 'pt':
      return n * 1.333;
    case 'em':
    case 'rem':
      return n * 16;
    case 'cm':
      return n * 37.8;
    case 'mm':
      return n * 3.78;
    case 'in':
      return n * 96;
    case '%':
    case 'vw':
    case 'vh':
      return n * 10; // a rough page size: -100% is far off-screen, 0% is nothing
    default:
      return n;
  }
}

/** `prop: value` pairs, lower-cased, comments and !important removed. */
export function deklarasi(style: string): Map<string, string> {
  const hasil = new Map<string, string>();
  for (const bagian of style.replace(/\/\*[\s\S]*?\*\//g, '').split(';')) {
    const i = bagian.indexOf(':');
    if (i < 0) continue;
    const prop = bagian.slice(0, i).trim().toLowerCase();
    const nilai = bagian
      .slice(i + 1)
      .replace(/!\s*important/i, '')
      .trim()
      .toLowerCase();
    if (prop && nilai) hasil.set(prop, nilai);
  }
  return hasil;
}

/** Why a declaration block hides its element's content (e.g. "display:none"), or null when it does not. */
export function gayaMenyembunyikan(style: string): string | null {
  const d = deklarasi(style);
  const ada = (p: string) => d.get(p);
  if (ada('display') === 'none') return 'display:none';
  if (ada('visibility') === 'hidden' || ada('visibility') === 'collapse') return `visibility:${ada('visibility')}`;
  if (ada('content-visibility') === 'hidden') return 'content-visibility:hidden';
  const font = px(ada('font-size') ?? 'x');
  if (font !== null && font <= 1) return `font-size:${ada('font-size')}`;
  const opacity = Number(ada('opacity') ?? 'NaN');
  if (!Number.isNaN(opacity) && opacity <= 0.05) return `opacity:${ada('opacity')}`;
  const overflowTersembunyi = /hidden|clip/.test(
    `${ada('overflow') ?? ''} ${ada('overflow-x') ?? ''} ${ada('overflow-y') ?? ''}`,
  );
  for (const p of ['width', 'height', 'max-width', 'max-height']) {
    const n = px(ada(p) ?? 'x');
    if (n !== null && (n === 0 || (n <= 1 && overflowTersembunyi))) return `${p}:${ada(p)}`;
  }
  for (const p of ['left', 'top', 'right', 'bottom', 'margin-left', 'margin-top', 'text-indent']) {
    const n = px(ada(p) ?? 'x');
    if (n !== null && n <= JAUH) return `${p}:${ada(p)}`;
  }
  const transform = ada('transform') ?? '';
  if (/scale[xy]?\(\s*0(\.0+)?\s*[,)]/.test(transform)) return `transform:${transform}`;
  const translate = /translate[xy]?\(\s*(-[\d.]+(?:px|em|rem|%)?)/.exec(transform);
  if (translate?.[1] && (px(translate[1]) ?? 0) <= JAUH) return `transform:${transform}`;
  const clip = ada('clip') ?? '';
  if (/rect\(\s*0[a-z]*[\s,]+0[a-z]*[\s,]+0[a-z]*[\s,]+0/.test(clip)) return `clip:${clip}`;
  const clipPath = ada('clip-path') ?? '';
  if (/inset\(\s*(50|100)%|circle\(\s*0/.test(clipPath)) return `clip-path:${clipPath}`;
  return null;
}

function teksStyle(nodes: ChildNode[]): string[] {
  return nodes.flatMap((n) => {
    if (n.type === 'style') return (n as Element).children.map((c) => (c.type === 'text' ? c.data : ''));
    return 'children' in n ? teksStyle(n.children) : [];
  });
}

/** The `<style>` rules in the document that hide what they match. */
export function aturanTersembunyi(nodes: ChildNode[]): AturanCss[] {
  const aturan: AturanCss[] = [];
  const css = teksStyle(nodes)
    .join('\n')
    .replace(/\/\*[\s\S]*?\*\//g, '');
  for (const m of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const sebab = gayaMenyembunyikan(m[2] ?? '');
    if (!sebab) continue;
    for (const selektor of (m[1] ?? '').split(',')) {
      const terakhir =
        selektor
          .trim()
          .split(/[\s>+~]+/)
          .pop() ?? '';
      if (!terakhir || terakhir.startsWith('@') || /::?[a-z]/i.test(terakhir)) continue;
      const tag = /^([a-z][a-z0-9-]*|\*)/i.exec(terakhir)?.[1]?.toLowerCase() ?? null;
      const id = /#([\w-]+)/.exec(terakhir)?.[1] ?? null;
      const kelas = [...terakhir.matchAll(/\.([\w-]+)/g)].map((k) => k[1] as string);
      // a selector of attributes/pseudo-classes only is not understood here: skipped rather than matching all
      if (tag === null && id === null && kelas.length === 0) continue;
      aturan.push({ tag: tag === '*' ? null : tag, id, kelas, sebab: `${selektor.trim()} {${sebab}}` });
    }
  }
  return aturan;
}

/** The reason of the first rule matching this element, or null. */
export function cocokAturan(el: Element, aturan: AturanCss[]): string | null {
  if (aturan.length === 0) return null;
  const kelasEl = new Set((el.attribs.class ?? '').split(/\s+/).filter(Boolean));
  for (const a of aturan) {
    if (a.tag && a.tag !== el.name) continue;
    if (a.id && a.id !== el.attribs.id) continue;
    if (a.kelas.some((k) => !kelasEl.has(k))) continue;
    return a.sebab;
  }
  return null;
}
