import type { Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { iframeDiizinkan, sanitasiHtml, teksPolos } from './sanitasi.js';

const TAG_AMAN = new Set(
  'p br hr h2 h3 h4 strong em u s a ul ol li blockquote figure figcaption img table caption thead tbody tfoot tr th td iframe'.split(
    ' ',
  ),
);
const ATRIBUT_AMAN = new Set(
  'href title rel src alt width height loading allowfullscreen referrerpolicy sandbox colspan rowspan scope start class'.split(
    ' ',
  ),
);
const CCTV = 'cctv.rembangkab.go.id';

/** Walks the sanitised output as a browser would parse it and lists anything executable or hiding. */
function bahaya(html: string): string[] {
  const masalah: string[] = [];
  const jalan = (nodes: ReturnType<typeof parseDocument>['children']) => {
    for (const n of nodes) {
      if (n.type === 'comment') masalah.push('komentar');
      if (n.type !== 'tag' && n.type !== 'script' && n.type !== 'style') continue;
      const el = n as Element;
      if (!TAG_AMAN.has(el.name)) masalah.push(`<${el.name}>`);
      for (const [k, v] of Object.entries(el.attribs)) {
        if (!ATRIBUT_AMAN.has(k)) masalah.push(`${el.name}[${k}]`);
        if (k === 'href' || k === 'src') {
          // what a browser does with the value: control characters and whitespace ignored, case folded
          // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
          const url = v.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
          if (/^[a-z][a-z0-9+.-]*:/.test(url) && !/^(https?|mailto):/.test(url)) masalah.push(`${k}=${v}`);
          if (url.startsWith('//')) masalah.push(`${k}=${v}`);
          if (el.name === 'img' && url.startsWith('http:')) masalah.push(`img http ${v}`);
        }
        if (k === 'class' && !/^(rata-(kiri|tengah|kanan)\s*)+$/.test(v)) masalah.push(`class=${v}`);
      }
      if (el.name === 'iframe' && !iframeDiizinkan(el.attribs.src ?? '', [CCTV]))
        masalah.push(`iframe ${el.attribs.src}`);
      jalan(el.children);
    }
  };
  jalan(parseDocument(html).children);
  const polos = html.toLowerCase();
  for (const kata of ['javascript:', 'vbscript:', 'data:', '<script', 'onerror', 'onload', 'expression(', 'style='])
    if (polos.includes(kata)) masalah.push(kata);
  return masalah;
}

const sanitasi = (html: string) => sanitasiHtml(html, { hostIframe: [CCTV], hostSendiri: ['mojowarno.desa.id'] });

/** XSS and hiding vectors (OWASP cheat sheet, PortSwigger, injected-gambling samples). */
const KORPUS = {
  script: '<p>a</p><script>alert(1)</script><SCRIPT SRC=//x.js></SCRIPT>',
  'script split': '<scr<script>ipt>alert(1)</scr</script>ipt>',
  'svg onload': '<svg onload=alert(1)><circle r=10 /></svg><svg><script>alert(1)</script></svg>',
  'img onerror': '<img src=x onerror=alert(1)><IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>',
  'javascript href': '<a href="javascript:alert(1)">a</a>',
  'mixed case': '<a href="JaVaScRiPt:alert(1)">a</a><a href="  JAVASCRIPT:alert(1)">b</a>',
  'entity encoded':
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">a</a><a href="&#x6A;avascript&colon;alert(1)">b</a><a href="javascript&#0000058alert(1)">c</a>',
  'tab and newline in scheme':
    '<a href="jav&#x09;ascript:alert(1)">a</a><a href="java\nscript:alert(1)">b</a><a href="\x01javascript:alert(1)">c</a>',
  'data url':
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">a</a><img src="data:image/svg+xml,<svg onload=alert(1)>">',
  vbscript: '<a href="vbscript:msgbox(1)">a</a><a href="VBSCRIPT:x">b</a>',
  'css expression':
    '<p style="width:expression(alert(1))">a</p><div style="background:url(javascript:alert(1))">b</div>',
  'style block': '<style>@import "//evil/x.css"; body{background:url("javascript:alert(1)")}</style><p>teks</p>',
  'iframe off allowlist':
    '<iframe src="https://evil.example/embed/x"></iframe><iframe src="javascript:alert(1)"></iframe><iframe srcdoc="<script>alert(1)</script>"></iframe><iframe src="http://www.youtube.com/embed/abc"></iframe><iframe src="https://www.youtube.com/watch?v=abc"></iframe>',
  'hidden link':
    '<div style="display:none"><a href="https://slot-gacor.example">slot gacor</a></div><a href="https://x.example" style="position:absolute;left:-9999px">x</a><p hidden>h</p><span aria-hidden="true" class="spam">s</span>',
  math: '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  base: '<base href="https://evil.example/"><p>a</p>',
  'meta refresh': '<meta http-equiv="refresh" content="0;url=https://slot.example">',
  'object embed form':
    '<object data="x.swf"></object><embed src="x.swf"><form action="https://evil"><input name=q><button formaction="javascript:alert(1)">b</button></form>',
  'mxss noscript': '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  'mxss textarea': '<textarea><img src=x onerror=alert(1)></textarea><title><img src=x onerror=alert(1)></title>',
  'mxss nested':
    '<p><a href="/"><svg><p><style><a title="</style><img src=x onerror=alert(1)>">x</a></style></p></svg></a></p>',
  comments: '<!--<img src=x onerror=alert(1)>--><p>a</p><!--[if IE]><script>alert(1)</script><![endif]-->',
  'protocol relative': '<a href="//evil.example/x">a</a><img src="//evil.example/x.png">',
  'event attributes': '<p onclick="alert(1)" onmouseover=alert(1)>a</p><a href="/" onfocus=alert(1) autofocus>b</a>',
  'class outside allowlist': '<p class="rata-tengah sembunyi">a</p><h2 class="x">b</h2>',
  'template and xmp': '<template><img src=x onerror=alert(1)></template><xmp><img src=x onerror=alert(1)></xmp>',
  'link and import': '<link rel="stylesheet" href="//evil/x.css"><link rel="import" href="x.html">',
  'deep nesting': `${'<blockquote>'.repeat(300)}a${'</blockquote>'.repeat(300)}`,
} satisfies Record<string, string>;

describe('sanitasiHtml against the XSS corpus', () => {
  for (const [nama, html] of Object.entries(KORPUS)) {
    it(`leaves nothing executable or hidden: ${nama}`, () => {
      const keluar = sanitasi(html);
      expect(bahaya(keluar)).toEqual([]);
      // idempotent: a second pass changes nothing (no mutation on re-parse)
      expect(sanitasi(keluar)).toBe(keluar);
    });
  }

  it('the checker itself sees the danger in the raw corpus (so the assertions above can fail)', () => {
    for (const [nama, html] of Object.entries(KORPUS)) {
      if (nama !== 'deep nesting') expect(bahaya(html), nama).not.toEqual([]);
    }
  });

  it('drops hidden wrappers but keeps their text visible (nothing stays hidden)', () => {
    const keluar = sanitasi(KORPUS['hidden link']);
    expect(keluar).toContain('slot gacor');
    expect(keluar).not.toMatch(/hidden|display|position|aria/);
  });

  it('keeps no script text, style text or comment text at all', () => {
    const keluar = sanitasi(KORPUS.script + KORPUS['style block'] + KORPUS.comments);
    expect(keluar).not.toContain('alert');
    expect(keluar).not.toContain('@import');
    expect(keluar).toBe('<p>a</p><p>teks</p><p>a</p>');
  });

  it('refuses iframes except allowlisted embeds over https', () => {
    const keluar = sanitasi(KORPUS['iframe off allowlist']);
    expect(keluar).toBe('');
    expect(iframeDiizinkan('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ')).toBe(true);
    expect(iframeDiizinkan('https://player.vimeo.com/video/123')).toBe(true);
    expect(iframeDiizinkan('https://player.vimeo.com/video/123/../../evil')).toBe(false);
    expect(iframeDiizinkan('https://www.youtube.com/embed/abc', ['www.youtube.com'])).toBe(true);
    expect(iframeDiizinkan('https://www.youtube.com/redirect?q=x', ['www.youtube.com'])).toBe(false);
    expect(iframeDiizinkan(`https://${CCTV}/kamera/3`)).toBe(false);
    expect(iframeDiizinkan(`https://${CCTV}/kamera/3`, [CCTV])).toBe(true);
    expect(iframeDiizinkan(`https://${CCTV}.evil.example/`, [CCTV])).toBe(false);
    expect(iframeDiizinkan(`https://user@${CCTV}/`, [CCTV])).toBe(false);
    expect(iframeDiizinkan(`http://${CCTV}/`, [CCTV])).toBe(false);
  });

  it('sandboxes an allowed embed and drops attributes it did not ask for', () => {
    const keluar = sanitasi(
      '<iframe src="https://www.youtube-nocookie.com/embed/abc" onload="x()" style="display:none" srcdoc="x" title="Video"></iframe>',
    );
    expect(keluar).toBe(
      '<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Video" allowfullscreen loading="lazy" referrerpolicy="strict-origin-when-cross-origin" sandbox="allow-scripts allow-same-origin allow-presentation"></iframe>',
    );
  });
});

describe('sanitasiHtml keeps normal content', () => {
  it('keeps an article as written by the editor', () => {
    const artikel = [
      '<h2>Musyawarah Desa</h2>',
      '<p class="rata-tengah">Warga <strong>Mojowarno</strong> hadir, <em>tertib</em>, <u>tepat</u> <s>lambat</s>.<br />Baris dua.</p>',
      '<ul><li>satu</li></ul><ol start="3"><li>tiga</li></ol>',
      '<blockquote>Kutipan</blockquote>',
      '<figure><img src="/media/33.17.09.2001/abc-640.webp" alt="Balai desa" width="640" height="480" loading="lazy" /><figcaption>Balai</figcaption></figure>',
      '<table><caption>Anggaran</caption><thead><tr><th scope="col">Pos</th></tr></thead><tbody><tr><td colspan="2">Rp 1.000</td></tr></tbody></table>',
      '<p><a href="/berita/musdes">internal</a> <a href="https://mojowarno.desa.id/x">sendiri</a> <a href="mailto:desa@mojowarno.desa.id">surel</a></p>',
      '<p>5 &lt; 7 &amp; "kutip"</p>',
    ].join('');
    expect(sanitasi(artikel)).toBe(artikel);
  });

  it('marks off-site links nofollow/noopener and replaces a rel the author set', () => {
    expect(sanitasi('<a href="https://kompas.com/x" rel="follow">k</a>')).toBe(
      '<a href="https://kompas.com/x" rel="nofollow noopener noreferrer">k</a>',
    );
    expect(sanitasi('<a href="https://mojowarno.desa.id/x" rel="x">k</a>')).toBe(
      '<a href="https://mojowarno.desa.id/x">k</a>',
    );
  });

  it('maps old or pasted markup onto the allowlist', () => {
    expect(sanitasi('<h1>J</h1><b>b</b><i>i</i><div>d</div><h6>k</h6><span>s</span>')).toBe(
      '<h2>J</h2><strong>b</strong><em>i</em><p>d</p><h4>k</h4>s',
    );
  });

  it('keeps the text of a link whose address was refused, without the link', () => {
    expect(sanitasi('<p><a href="javascript:alert(1)">klik</a></p>')).toBe('<p>klik</p>');
  });

  it('allows images over https and same-site paths only', () => {
    expect(sanitasi('<img src="http://x.example/a.png"><img src="https://x.example/a.png" alt="a">')).toBe(
      '<img src="https://x.example/a.png" alt="a" loading="lazy" />',
    );
  });
});

describe('teksPolos', () => {
  it('gives the readable text only, entities decoded and blocks separated', () => {
    expect(
      teksPolos(
        '<h2>Judul</h2><p>A &amp; B&nbsp;C</p><script>alert(1)</script><style>p{}</style><ul><li>x</li><li>y</li></ul>',
      ),
    ).toBe('Judul A & B C x y');
  });

  it('cuts at a word boundary with an ellipsis', () => {
    expect(teksPolos('<p>satu dua tiga empat lima</p>', 14)).toBe('satu dua tiga…');
    expect(teksPolos('<p>pendek</p>', 14)).toBe('pendek');
  });

  it('returns the text of hostile markup as plain text (to be escaped by the view)', () => {
    expect(teksPolos('<p>&lt;script&gt;x&lt;/script&gt;</p>')).toBe('<script>x</script>');
  });
});
