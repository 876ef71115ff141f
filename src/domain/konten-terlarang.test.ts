import { describe, expect, it } from 'vitest';
import { domainDikenal, periksaKonten, type Temuan } from './konten-terlarang.js';

const OPSI = { domainDikenal: ['mojowarno.desa.id', 'www.youtube-nocookie.com'] };
const periksa = (html: string) => periksaKonten(html, OPSI);
const jenis = (t: Temuan[]) => [...new Set(t.map((x) => x.jenis))].sort();
const BERITA = '<h2>Musdes RKPDes 2027</h2><p>Pemerintah Desa Mojowarno menggelar musyawarah desa di balai desa.</p>';

/** Shapes of the 2024 injections into .go.id/.desa.id sites: a normal article with something appended. */
const SUNTIKAN: Record<string, string> = {
  'display:none block of links': `${BERITA}<div style="display:none"><a href="https://situs-slot88.xyz/">slot gacor</a> <a href="https://toto-macau.top/">toto macau</a> <a href="https://rtp-live.icu/">rtp live</a></div>`,
  'off-screen paragraph': `${BERITA}<p style="position: absolute; left: -5000px; top: -5000px"><a href="https://daftar.maxwin77.com">daftar</a></p>`,
  'one-pixel box with overflow hidden': `${BERITA}<div style="width:1px;height:1px;overflow:hidden"><a href="https://bandar.example">link</a></div>`,
  'zero font size': `${BERITA}<span style="font-size:0"><a href="https://x.example">.</a></span>`,
  'text-indent': `${BERITA}<h4 style="text-indent:-9999px"><a href="https://kasino.example">kasino</a></h4>`,
  'opacity 0': `${BERITA}<div style="opacity:0.0"><a href="https://x.example">x</a></div>`,
  'visibility hidden, upper case, !important': `${BERITA}<div style="VISIBILITY: HIDDEN !important"><a href="https://x.example">x</a></div>`,
  'style comment trick': `${BERITA}<div style="display:/**/none"><a href="https://x.example">x</a></div>`,
  'entity-encoded style': `${BERITA}<div style="display&#58;none"><a href="https://x.example">x</a></div>`,
  'class hidden by a style block': `<style>.ss { display : none }</style>${BERITA}<div class="konten ss"><a href="https://x.example">x</a></div>`,
  'id hidden by a style block in a media rule': `${BERITA}<style>@media all { div#kk { visibility: hidden } }</style><div id="kk"><a href="https://x.example">x</a></div>`,
  'hidden attribute': `${BERITA}<div hidden><a href="https://x.example">x</a></div>`,
  'aria-hidden link': `${BERITA}<a aria-hidden="true" tabindex="-1" href="https://x.example">x</a>`,
  'clip rect': `${BERITA}<span style="position:absolute;clip:rect(0 0 0 0)"><a href="https://x.example">x</a></span>`,
  'transform scale(0)': `${BERITA}<span style="transform:scale(0)"><a href="https://x.example">x</a></span>`,
  'zero height': `${BERITA}<div style="height:0"><a href="https://x.example">x</a></div>`,
  'noscript wrapper': `${BERITA}<noscript><a href="https://x.example">x</a></noscript>`,
};

describe('periksaKonten: hidden links', () => {
  for (const [nama, html] of Object.entries(SUNTIKAN)) {
    it(`flags ${nama}`, () => {
      const temuan = periksa(html);
      expect(temuan.map((t) => t.jenis)).toContain('tautan-tersembunyi');
      expect(temuan.find((t) => t.jenis === 'tautan-tersembunyi')?.detail).toMatch(/^https:\/\//);
    });
  }

  it('says how a link was hidden, one finding per link', () => {
    const temuan = periksa(SUNTIKAN['display:none block of links'] as string).filter(
      (t) => t.jenis === 'tautan-tersembunyi',
    );
    expect(temuan).toEqual([
      { jenis: 'tautan-tersembunyi', detail: 'https://situs-slot88.xyz/ (display:none)' },
      { jenis: 'tautan-tersembunyi', detail: 'https://toto-macau.top/ (display:none)' },
      { jenis: 'tautan-tersembunyi', detail: 'https://rtp-live.icu/ (display:none)' },
    ]);
    expect(periksa(SUNTIKAN['class hidden by a style block'] as string)[0]?.detail).toBe(
      'https://x.example (.ss {display:none})',
    );
  });

  it('does not flag hidden things without links, nor visible links, nor ordinary styling', () => {
    expect(periksa(`${BERITA}<div style="display:none">catatan</div>`)).toEqual([]);
    expect(
      periksa(
        '<p style="text-align:center;font-size:14px;margin-left:-10px;opacity:0.9"><a href="/berita/1">Baca</a></p><div style="height:200px;width:100%"><a href="https://mojowarno.desa.id/x">x</a></div>',
      ),
    ).toEqual([]);
    expect(
      periksa(
        '<style>.judul{font-weight:bold}a:hover{display:none}[data-x]{display:none}</style><a class="judul" href="/">x</a>',
      ),
    ).toEqual([]);
  });

  it('caps the findings of a huge injection', () => {
    const banyak = Array.from({ length: 200 }, (_, i) => `<a href="https://s${i}.example">s</a>`).join('');
    const temuan = periksa(`<div style="display:none">${banyak}</div>`);
    expect(temuan.filter((t) => t.jenis === 'tautan-tersembunyi')).toHaveLength(20);
    expect(temuan.find((t) => t.jenis === 'domain-asing')?.detail).toMatch(
      /^200 tautan ke 200 situs: s0\.example, .*, …$/,
    );
  });
});

describe('periksaKonten: links in bulk to unknown sites', () => {
  const tautan = (hosts: string[]) => hosts.map((h, i) => `<a href="https://${h}/${i}">${i}</a>`).join(' ');

  it('flags 5 links to unknown sites, or 3 different unknown hosts', () => {
    expect(
      jenis(periksa(`<p>${tautan(['a.example', 'a.example', 'a.example', 'a.example', 'a.example'])}</p>`)),
    ).toEqual(['domain-asing']);
    expect(jenis(periksa(`<p>${tautan(['a.example', 'b.example', 'c.example'])}</p>`))).toEqual(['domain-asing']);
  });

  it('lets a news item cite one or two outside sources', () => {
    expect(
      periksa(
        `${BERITA}<p>Sumber: ${tautan(['www.kompas.com', 'news.detik.com', 'www.kompas.com', 'news.detik.com'])}</p>`,
      ),
    ).toEqual([]);
  });

  it('counts the desa own hosts, their subdomains and public-sector domains as known', () => {
    const dikenal = tautan([
      'mojowarno.desa.id',
      'ppid.mojowarno.desa.id',
      'rembangkab.go.id',
      'jdih.rembangkab.go.id',
      'www.undip.ac.id',
      'sman1rembang.sch.id',
      'www.youtube-nocookie.com',
    ]);
    expect(periksa(`<p>${dikenal}${dikenal}</p>`)).toEqual([]);
    expect(domainDikenal('mojowarno.desa.id.evil.com', OPSI.domainDikenal)).toBe(false);
    expect(domainDikenal('notgo.id', [])).toBe(false);
    expect(domainDikenal('www.mojowarno.desa.id', ['www.mojowarno.desa.id'])).toBe(true);
  });

  it('ignores relative, mailto and fragment links', () => {
    expect(
      periksa(
        '<a href="/a">a</a><a href="#b">b</a><a href="mailto:a@b.c">c</a><a href="tel:1">d</a><a href="x/y">e</a>'.repeat(
          3,
        ),
      ),
    ).toEqual([]);
  });

  it('treats protocol-relative links as links to that host', () => {
    expect(jenis(periksa('<a href="//a.example">a</a><a href="//b.example">b</a><a href="//c.example">c</a>'))).toEqual(
      ['domain-asing'],
    );
  });
});

describe('periksaKonten: gambling words', () => {
  const judi = (html: string) => periksa(html).find((t) => t.jenis === 'kata-judi')?.detail ?? null;

  it('flags spam phrases in visible text', () => {
    expect(judi('<p>Situs SLOT GACOR hari ini gampang MAXWIN!</p>')).toBe('situs slot, gacor hari ini, maxwin');
    expect(judi('<p>Link alternatif slot88 resmi, daftar akun togel</p>')).toBe('link alternatif slot, akun togel');
    expect(judi('<p>RTP Live tertinggi, scatter hitam mahjong ways</p>')).toBe('rtp live, scatter hitam, mahjong ways');
    expect(judi('<p>Bandar togel terpercaya, toto 4d, depo 10k</p>')).toBe('bandar togel, toto 4d, depo 10k');
    expect(judi('<p>pragmatic play, gates of olympus, starlight princess, sbobet, casino online</p>')).toBe(
      'pragmatic play, gates of olympus, starlight princess, sbobet, casino online',
    );
  });

  it('sees through look-alike letters and invisible characters', () => {
    expect(judi('<p>𝐬𝐥𝐨𝐭 𝐠𝐚𝐜𝐨𝐫</p>')).toBe('slot gacor');
    expect(judi('<p>ｓｌｏｔ ｇａｃｏｒ</p>')).toBe('slot gacor');
    expect(judi('<p>ma\u200bxwin</p>')).toBe('maxwin');
  });

  it('flags words in image alt/title text and in link addresses', () => {
    expect(judi('<img src="/a.jpg" alt="slot gacor maxwin">')).toBe('slot gacor, maxwin');
    expect(judi('<a href="https://slotgacor.example/">Klik</a>')).toBe('slotgacor');
  });

  it('flags an ambiguous word only inside a link to an unknown site', () => {
    expect(judi('<p>Baca <a href="https://promo.example/">bonus jackpot</a></p>')).toBe('jackpot');
    expect(judi('<p><a href="https://x.example/toto">Pak Toto</a></p>')).toBe('toto');
    expect(judi('<p><a href="https://mojowarno.desa.id/toto">Pak Toto</a></p>')).toBeNull();
  });

  it('does not flag innocent Indonesian text', () => {
    const polos = [
      '<p>Jadwal slot waktu pelayanan posyandu dibuka pukul 08.00; slot antrean terbatas.</p>',
      '<p>Sambutan Pak Toto Sutarto, Ketua BPD, di Bandar Udara Ahmad Yani.</p>',
      '<p>Pemdes mengimbau warga menjauhi judi online (judol) dan pinjaman daring ilegal. Satgas memberantas situs judi.</p>',
      '<p>Lomba burung kicau gacor se-Kecamatan Kaliori.</p>',
      '<p>Pentas seni: kisah Zeus dan Hera. Spin-off drama anak. Deposit sampah di bank sampah desa.</p>',
      '<p>Taruhan nyawa: relawan menyeberangi sungai saat banjir.</p>',
      '<p>Togelan bukan kata, tapi <em>slotted</em> juga bukan.</p>',
    ];
    for (const html of polos) expect(periksa(html), html).toEqual([]);
  });

  it('flags an anti-gambling article that suddenly promotes a site', () => {
    expect(judi('<p>Bahaya judi online. Daftar di situs toto terpercaya!</p>')).toBe('situs toto');
  });
});

describe('periksaKonten: a realistic injected page', () => {
  it('reports all three kinds for a BSSN-style injection and nothing for the clean original', () => {
    const html = `${BERITA}<div style="position:absolute;left:-9999px;top:-9999px">${Array.from(
      { length: 12 },
      (_, i) => `<a href="https://slot${i}.top/">SLOT GACOR ${i}</a>`,
    ).join(' ')}</div>`;
    expect(jenis(periksa(html))).toEqual(['domain-asing', 'kata-judi', 'tautan-tersembunyi']);
    expect(periksa(BERITA)).toEqual([]);
  });

  it('never throws on broken markup', () => {
    for (const html of ['', '<', '<a href=', '<div style="', '<style>{{{</style>', '<a href="https://[::1">x</a>'])
      expect(() => periksa(html)).not.toThrow();
  });
});
