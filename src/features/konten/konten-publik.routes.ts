import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { Deps } from '#src/deps.js';
import * as situsRepo from '#src/features/situs/situs.repository.js';
import { absolut, resolveSitus } from '#src/features/situs/situs.service.js';
import { kirimHalaman } from '#src/features/situs/situs-kirim.js';
import { notFound } from '#src/lib/errors.js';
import { intParam, param, query } from '#src/lib/http/request.js';
import { teksPolos } from '#src/lib/sanitasi/sanitasi.js';
import * as repo from './konten.repository.js';
import type { JenisArtikel } from './konten.table.js';
import { ArtikelPublikPage } from './konten-artikel-publik.views.js';
import { bukaAlbum, daftarAlbum } from './konten-galeri.service.js';
import { AlbumPublikPage, GaleriPublikPage } from './konten-galeri-publik.views.js';
import { bacaMedia } from './konten-media.service.js';
import { mediaPath, pickWidth, widthsOf } from './konten-media-url.js';
import { findPublik, listPublik, PER_HALAMAN_PUBLIK } from './konten-publik.repository.js';
import { DaftarPublikPage } from './konten-publik.views.js';

/** The list page of each kind of article, and its path on the site. */
export const DAFTAR: Record<JenisArtikel, string> = {
  berita: '/artikel',
  pengumuman: '/pengumuman',
  agenda: '/agenda',
  'produk-hukum': '/produk-hukum',
  'informasi-publik': '/informasi-publik',
};

function halamanDari(req: FastifyRequest): number {
  const raw = query(req).halaman;
  if (raw === undefined) return 1;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 1 || n > 10_000) throw notFound();
  return n;
}

/**
 * The desa site's content pages: lists, one article, the gallery and the stored media. Public, the same for
 * every visitor (ETag, one minute of caching); media files are immutable (their names change with the content).
 */
export function kontenPublikRoutes(d: Deps) {
  async function desaSitus(req: FastifyRequest) {
    const situs = await resolveSitus(d, req);
    if (situs.level !== 'desa') throw notFound();
    const host = situs.base !== '' ? ((await situsRepo.listHosts(d.db, situs.kode))[0] ?? null) : null;
    return { situs, abs: (path: string) => absolut(req, situs, path, host) };
  }

  function daftar(jenis: JenisArtikel) {
    return async (req: FastifyRequest, reply: FastifyReply) => {
      const { situs, abs } = await desaSitus(req);
      const halaman = halamanDari(req);
      const slug = jenis === 'berita' ? (req.params as { slug?: string }).slug : undefined;
      const kat = slug === undefined ? undefined : await repo.findKategoriBySlug(d.db, situs.kode, slug);
      if (slug !== undefined && !kat) throw notFound();
      const { rows, total } = await listPublik(d.db, situs.kode, jenis, {
        halaman,
        ...(kat ? { kategoriId: kat.id } : {}),
      });
      if (halaman > 1 && rows.length === 0) throw notFound();
      const path = kat ? `/artikel/kategori/${kat.slug}` : DAFTAR[jenis];
      const judul = kat ? req.m.konten.publik.kategori.replace('{nama}', kat.nama) : req.m.konten.jenis[jenis];
      const kategori = jenis === 'berita' ? await repo.listKategori(d.db, situs.kode) : undefined;
      return kirimHalaman(
        req,
        reply,
        h(DaftarPublikPage, {
          situs,
          m: req.m,
          jenis,
          judul,
          items: rows,
          total,
          per: PER_HALAMAN_PUBLIK,
          halaman,
          path,
          ...(kategori ? { kategori } : {}),
          canonical: abs(halaman === 1 ? path : `${path}?halaman=${halaman}`),
        }),
      );
    };
  }

  return {
    berita: daftar('berita'),
    pengumuman: daftar('pengumuman'),
    agenda: daftar('agenda'),
    produkHukum: daftar('produk-hukum'),
    informasiPublik: daftar('informasi-publik'),

    async artikel(req: FastifyRequest, reply: FastifyReply) {
      const { situs, abs } = await desaSitus(req);
      const a = await findPublik(d.db, situs.kode, param(req, 'slug'));
      if (!a) throw notFound();
      const w = a.g_berkas ? pickWidth(widthsOf(a.g_varian), 1200) : null;
      // embedded players (allowlisted by the sanitiser) need their hosts in this page's frame-src
      if (a.isi_html.includes('<iframe')) allowFrames(reply, d.env.BALAI_IFRAME_HOSTS);
      return kirimHalaman(
        req,
        reply,
        h(ArtikelPublikPage, {
          situs,
          m: req.m,
          a,
          canonical: abs(`/artikel/${a.slug}`),
          gambarAbsolut: a.g_berkas && w ? abs(mediaPath(a.g_berkas, w, 'jpg')) : null,
          daftar: { path: DAFTAR[a.jenis], judul: req.m.konten.jenis[a.jenis] },
          deskripsi: teksPolos(a.isi_html, 200),
        }),
      );
    },

    async galeri(req: FastifyRequest, reply: FastifyReply) {
      const { situs, abs } = await desaSitus(req);
      const album = await daftarAlbum(d.db, situs.kode, true);
      return kirimHalaman(req, reply, h(GaleriPublikPage, { situs, m: req.m, album, canonical: abs('/galeri') }));
    },

    async album(req: FastifyRequest, reply: FastifyReply) {
      const { situs, abs } = await desaSitus(req);
      const id = intParam(req, 'id');
      const { album, foto } = await bukaAlbum(d.db, situs.kode, id, true);
      return kirimHalaman(
        req,
        reply,
        h(AlbumPublikPage, { situs, m: req.m, album, foto, canonical: abs(`/galeri/${id}`) }),
      );
    },

    async media(req: FastifyRequest, reply: FastifyReply) {
      const { situs } = await desaSitus(req);
      const { data, type } = await bacaMedia(d.files, situs.kode, param(req, 'file'));
      return reply
        .header('content-type', type)
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', type === 'application/pdf' ? 'attachment' : 'inline')
        .send(data);
    },
  };
}

function allowFrames(reply: FastifyReply, hosts: readonly string[]) {
  const csp = reply.getHeader('content-security-policy');
  if (typeof csp !== 'string' || hosts.length === 0) return;
  const frames = ['www.youtube-nocookie.com', 'www.youtube.com', 'player.vimeo.com', ...hosts];
  const src = [...new Set(frames)].map((host) => `https://${host}`).join(' ');
  reply.header('content-security-policy', `${csp}; frame-src ${src}`);
}
