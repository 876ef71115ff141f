import type { Deps } from './deps.js';
import { situsRoutes } from './features/situs/situs.routes.js';
import { situsAdminRoutes } from './features/situs/situs-admin.routes.js';
import { regionTarget } from './features/wilayah/wilayah.routes.js';
import type { RouteDef } from './lib/http/route.js';

/**
 * The public websites (desa sites, kecamatan and kabupaten portals) and their editing: part of the one route
 * table that src/routes.ts builds. On a desa's own host name every path is rewritten under /situs/{kode}
 * (src/features/situs/situs-host.ts). Articles, cameras and complaints add their pages in their own tables.
 */
export function situsRoutesTable(d: Deps): RouteDef[] {
  const situs = situsRoutes(d);
  const admin = situsAdminRoutes(d);
  return [
    { method: 'GET', url: '/robots.txt', access: 'public', handler: situs.robotsUtama },
    { method: 'GET', url: '/situs/:kode', access: 'public', handler: situs.beranda },
    { method: 'GET', url: '/situs/:kode/profil', access: 'public', handler: situs.profil },
    { method: 'GET', url: '/situs/:kode/kontak', access: 'public', handler: situs.kontak },
    { method: 'GET', url: '/situs/:kode/statistik', access: 'public', handler: situs.statistik },
    { method: 'GET', url: '/situs/:kode/statistik/:kategori', access: 'public', handler: situs.kategori },
    { method: 'GET', url: '/situs/:kode/rss.xml', access: 'public', handler: situs.rss },
    { method: 'GET', url: '/situs/:kode/sitemap.xml', access: 'public', handler: situs.sitemap },
    { method: 'GET', url: '/situs/:kode/robots.txt', access: 'public', handler: situs.robots },

    // the site's own words, perangkat desa and lembaga, kept by the desa's web editors
    { method: 'GET', url: '/desa/:kode/situs', access: 'write:web', target: regionTarget, handler: admin.show },
    { method: 'POST', url: '/desa/:kode/situs', access: 'write:web', target: regionTarget, handler: admin.save },
  ];
}
