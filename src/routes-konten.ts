import type { Deps } from './deps.js';
import { kontenAdminRoutes } from './features/konten/konten-admin.routes.js';
import { kontenLainRoutes } from './features/konten/konten-lain.routes.js';
import { kontenPublikRoutes } from './features/konten/konten-publik.routes.js';
import { regionTarget } from './features/wilayah/wilayah.routes.js';
import type { RouteDef } from './lib/http/route.js';

/**
 * The desa sites' content (see src/routes.ts): public pages under /situs/{kode} (also served on the desa's own
 * host by the site core's URL rewrite) and their editing in the office under /desa/{kode}/web. Writing drafts
 * needs write:web; publishing, scheduling and archiving publish:web — both on the desa in the URL.
 */
export function kontenRoutesTable(d: Deps): RouteDef[] {
  const pub = kontenPublikRoutes(d);
  const admin = kontenAdminRoutes(d);
  const lain = kontenLainRoutes(d);
  const upload = { bodyLimit: d.env.BALAI_UPLOAD_LIMIT + 64 * 1024 };
  const w = { access: 'write:web', target: regionTarget } as const;
  const p = { access: 'publish:web', target: regionTarget } as const;
  const web = '/desa/:kode/web';

  return [
    // ——— public: the desa site's content ———
    { method: 'GET', url: '/situs/:kode/artikel', access: 'public', handler: pub.berita },
    { method: 'GET', url: '/situs/:kode/artikel/kategori/:slug', access: 'public', handler: pub.berita },
    { method: 'GET', url: '/situs/:kode/artikel/:slug', access: 'public', handler: pub.artikel },
    { method: 'GET', url: '/situs/:kode/pengumuman', access: 'public', handler: pub.pengumuman },
    { method: 'GET', url: '/situs/:kode/agenda', access: 'public', handler: pub.agenda },
    { method: 'GET', url: '/situs/:kode/produk-hukum', access: 'public', handler: pub.produkHukum },
    { method: 'GET', url: '/situs/:kode/informasi-publik', access: 'public', handler: pub.informasiPublik },
    { method: 'GET', url: '/situs/:kode/galeri', access: 'public', handler: pub.galeri },
    { method: 'GET', url: '/situs/:kode/galeri/:id', access: 'public', handler: pub.album },
    { method: 'GET', url: '/situs/:kode/media/:file', access: 'public', handler: pub.media },

    // ——— office: articles ———
    { method: 'GET', url: `${web}/artikel`, ...w, handler: admin.daftar },
    { method: 'GET', url: `${web}/artikel/baru`, ...w, handler: admin.baru },
    { method: 'POST', url: `${web}/artikel/baru`, ...w, handler: admin.buat },
    { method: 'GET', url: `${web}/artikel/:id`, ...w, handler: admin.ubah },
    { method: 'POST', url: `${web}/artikel/:id`, ...w, handler: admin.simpan },
    { method: 'POST', url: `${web}/artikel/:id/status`, ...p, handler: admin.status },
    { method: 'POST', url: `${web}/artikel/:id/gambar`, ...w, ...upload, handler: admin.gambar },
    { method: 'POST', url: `${web}/artikel/:id/lampiran`, ...w, ...upload, handler: admin.lampiran },
    { method: 'GET', url: `${web}/artikel/:id/revisi`, ...w, handler: lain.revisiDaftar },
    { method: 'GET', url: `${web}/artikel/:id/revisi/:rev`, ...w, handler: lain.revisi },
    { method: 'POST', url: `${web}/artikel/:id/revisi/:rev`, ...w, handler: lain.pulihkan },
    // ——— office: categories and gallery ———
    { method: 'GET', url: `${web}/kategori`, ...w, handler: lain.kategori },
    { method: 'POST', url: `${web}/kategori`, ...w, handler: lain.buatKategori },
    { method: 'POST', url: `${web}/kategori/:id`, ...w, handler: lain.kategoriAksi },
    { method: 'GET', url: `${web}/galeri`, ...w, handler: lain.galeri },
    { method: 'POST', url: `${web}/galeri`, ...w, handler: lain.buatAlbum },
    { method: 'GET', url: `${web}/galeri/:id`, ...w, handler: lain.album },
    { method: 'POST', url: `${web}/galeri/:id`, ...p, handler: lain.albumAksi },
    { method: 'POST', url: `${web}/galeri/:id/foto`, ...w, ...upload, handler: lain.foto },
  ];
}
