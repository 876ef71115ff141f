/**
 * Server-side allowlist sanitiser for editor HTML (articles, announcements, pages). Everything not named here is
 * removed: no script, style, svg, math, object, embed, form, no `style` attribute, no event handlers, no classes
 * except a few layout classes, iframes only from allowlisted video/CCTV hosts over https.
 *
 * Links: http/https/mailto and relative paths only. Links to other sites get rel="nofollow noopener noreferrer"
 * (an injected link then earns no search ranking and the target page cannot reach back through window.opener);
 * links to the site's own hosts (`hostSendiri`) keep no rel. Images: relative (same-site) paths or https only.
 *
 * Run it on the server when saving AND treat its output as the only HTML ever rendered raw.
 */
import { Parser } from 'htmlparser2';
import sanitizeHtml from 'sanitize-html';

/** Video players always allowed in an iframe (with the path prefix their embed URLs use). */
const IFRAME_BAWAAN: readonly { host: string; path: RegExp }[] = [
  { host: 'www.youtube-nocookie.com', path: /^\/embed\/[\w-]+$/ },
  { host: 'www.youtube.com', path: /^\/embed\/[\w-]+$/ },
  { host: 'youtube.com', path: /^\/embed\/[\w-]+$/ },
  { host: 'player.vimeo.com', path: /^\/video\/\d+$/ },
];

/** The only elements kept. */
// biome-ignore format: a word list
const TAG = [
  'p', 'br', 'hr', 'h2', 'h3', 'h4', 'strong', 'em', 'u', 's', 'a', 'ul', 'ol', 'li', 'blockquote',
  'figure', 'figcaption', 'img', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'iframe',
];
/** Elements dropped with everything inside them, text included (other disallowed tags keep their text). */
// biome-ignore format: a word list
const TANPA_TEKS_TAG = [
  'script', 'style', 'textarea', 'option', 'select', 'noscript', 'noembed', 'noframes', 'xmp', 'template',
  'title', 'head', 'svg', 'math', 'object', 'embed', 'applet', 'iframe', 'frameset', 'button',
];

/** The only classes kept (layout helpers the site's CSS knows). */
const KELAS_RATA = ['rata-kiri', 'rata-tengah', 'rata-kanan'];

export interface OpsiSanitasi {
  /**
   * iframe hosts besides the YouTube/Vimeo embeds: pass env BALAI_IFRAME_HOSTS (CCTV players). Any https path on
   * an extra host is allowed; YouTube/Vimeo hosts only with their embed paths.
   */
  hostIframe?: readonly string[];
  /** the site's own host names: absolute links to them get no rel="nofollow" */
  hostSendiri?: readonly string[];
}

/** Whether an iframe src is https on an allowlisted host (and, for the built-in players, an embed path). */
export function iframeDiizinkan(src: string, hostTambahan: readonly string[] = []): boolean {
  let url: URL;
  try {
    url = new URL(src);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return false;
  const host = url.hostname.toLowerCase();
  // a built-in player host only with its embed path, even when it is also listed in BALAI_IFRAME_HOSTS
  const bawaan = IFRAME_BAWAAN.filter((p) => p.host === host);
  if (bawaan.length > 0) return bawaan.some((p) => p.path.test(url.pathname));
  return hostTambahan.some((h) => h.toLowerCase() === host);
}

function hostDari(href: string): string | null {
  if (!/^https?:\/\//i.test(href)) return null;
  try {
    return new URL(href).hostname.toLowerCase();
  } catch {
    return null;
  }
}

function opsiUntuk(opsi: OpsiSanitasi): sanitizeHtml.IOptions {
  const hostIframe = opsi.hostIframe ?? [];
  const sendiri = new Set((opsi.hostSendiri ?? []).map((h) => h.toLowerCase()));
  return {
    allowedTags: TAG,
    allowedAttributes: {
      a: ['href', 'title', 'rel'],
      img: ['src', 'alt', 'width', 'height', 'loading'],
      iframe: ['src', 'title', 'width', 'height', 'allowfullscreen', 'loading', 'referrerpolicy', 'sandbox'],
      th: ['colspan', 'rowspan', 'scope'],
      td: ['colspan', 'rowspan'],
      ol: ['start'],
      '*': ['class'],
    },
    allowedClasses: { p: KELAS_RATA, h2: KELAS_RATA, h3: KELAS_RATA, h4: KELAS_RATA, figure: KELAS_RATA },
    allowedStyles: {},
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['https'], iframe: ['https'] },
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
    allowProtocolRelative: false,
    allowedIframeHostnames: [...IFRAME_BAWAAN.map((p) => p.host), ...hostIframe],
    allowIframeRelativeUrls: false,
    nonTextTags: TANPA_TEKS_TAG,
    disallowedTagsMode: 'discard',
    nestingLimit: 40,
    transformTags: {
      b: 'strong',
      i: 'em',
      strike: 's',
      del: 's',
      h1: 'h2',
      h5: 'h4',
      h6: 'h4',
      div: 'p',
      a: (tagName, attribs) => {
        const { rel: _rel, ...rest } = attribs;
        const host = attribs.href ? hostDari(attribs.href) : null;
        return {
          tagName,
          attribs: host && !sendiri.has(host) ? { ...rest, rel: 'nofollow noopener noreferrer' } : rest,
        };
      },
      img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, loading: 'lazy' } }),
      iframe: (tagName, attribs) => ({
        tagName,
        attribs: {
          ...(attribs.src ? { src: attribs.src } : {}),
          ...(attribs.title ? { title: attribs.title } : {}),
          ...(attribs.width ? { width: attribs.width } : {}),
          ...(attribs.height ? { height: attribs.height } : {}),
          allowfullscreen: '',
          loading: 'lazy',
          referrerpolicy: 'strict-origin-when-cross-origin',
          sandbox: 'allow-scripts allow-same-origin allow-presentation',
        },
      }),
    },
    // an iframe whose src is not an allowlisted embed goes entirely, so does an image left without src; a link left
    // without href (e.g. javascript:) keeps only its text
    exclusiveFilter: (frame) => {
      if (frame.tag === 'iframe') return !frame.attribs.src || !iframeDiizinkan(frame.attribs.src, hostIframe);
      if (frame.tag === 'img') return !frame.attribs.src;
      if (frame.tag === 'a' && !frame.attribs.href) return 'excludeTag';
      return false;
    },
  };
}

/** The allowlisted subset of `html`, safe to render unescaped. */
export function sanitasiHtml(html: string, opsi: OpsiSanitasi = {}): string {
  return sanitizeHtml(html, opsiUntuk(opsi)).trim();
}

const TANPA_TEKS = new Set(TANPA_TEKS_TAG);
const BLOK = new Set(['p', 'br', 'div', 'li', 'tr', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote']);

/**
 * Plain text of an HTML fragment (entities decoded, whitespace collapsed), for summaries, meta descriptions and
 * search. The result is TEXT: escape it when rendering (JSX does).
 */
export function teksPolos(html: string, panjangMaks?: number): string {
  const parts: string[] = [];
  let skip = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (TANPA_TEKS.has(name)) skip++;
        else if (BLOK.has(name)) parts.push(' ');
      },
      onclosetag(name) {
        if (TANPA_TEKS.has(name)) skip = Math.max(0, skip - 1);
        else if (BLOK.has(name)) parts.push(' ');
      },
      ontext(text) {
        if (skip === 0) parts.push(text);
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  const teks = parts.join('').replace(/\s+/g, ' ').trim();
  if (panjangMaks === undefined || teks.length <= panjangMaks) return teks;
  const potong = teks.slice(0, panjangMaks);
  const spasi = potong.lastIndexOf(' ');
  return `${(spasi > panjangMaks * 0.6 ? potong.slice(0, spasi) : potong).trimEnd()}…`;
}
