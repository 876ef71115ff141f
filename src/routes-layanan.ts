import type { Deps } from './deps.js';
import { kameraRoutes } from './features/kamera/kamera.routes.js';
import { kameraPublikRoutes } from './features/kamera/kamera-publik.routes.js';
import { pengaduanRoutes } from './features/pengaduan/pengaduan.routes.js';
import { BATAS_FOTO } from './features/pengaduan/pengaduan.service.js';
import { pengaduanPublikRoutes } from './features/pengaduan/pengaduan-publik.routes.js';
import { regionTarget } from './features/wilayah/wilayah.routes.js';
import type { RouteDef } from './lib/http/route.js';

/**
 * Layanan informasi: live cameras (staff pages per region, public map/grid/player per site) and complaints
 * (public form, list and tracking page per desa site; the staff queue per desa). Part of the one route table.
 */
export function layananRoutesTable(d: Deps): RouteDef[] {
  const kamera = kameraRoutes(d);
  const kameraPublik = kameraPublikRoutes(d);
  const aduan = pengaduanRoutes(d);
  const aduanPublik = pengaduanPublikRoutes(d);
  return [
    // public: cameras of a site's region and below; snapshots proxied by Balai; the stream only on request
    { method: 'GET', url: '/situs/:kode/kamera', access: 'public', handler: kameraPublik.list },
    { method: 'GET', url: '/situs/:kode/kamera/:id', access: 'public', handler: kameraPublik.player },
    { method: 'GET', url: '/situs/:kode/kamera/:id/snapshot', access: 'public', handler: kameraPublik.snapshot },
    // public: complaints — the form, the list without contacts, the tracking page, the re-encoded photo
    { method: 'GET', url: '/situs/:kode/pengaduan', access: 'public', handler: aduanPublik.page },
    {
      method: 'POST',
      url: '/situs/:kode/pengaduan',
      access: 'public',
      fileLimit: BATAS_FOTO,
      handler: aduanPublik.file,
    },
    { method: 'GET', url: '/situs/:kode/pengaduan/:nomor', access: 'public', handler: aduanPublik.track },
    { method: 'GET', url: '/situs/:kode/pengaduan/:nomor/foto', access: 'public', handler: aduanPublik.foto },

    // staff: cameras of a region (kabupaten, kecamatan or desa) and below
    {
      method: 'GET',
      url: '/wilayah/:kode/kamera',
      access: 'manage:kamera',
      target: regionTarget,
      handler: kamera.list,
    },
    {
      method: 'POST',
      url: '/wilayah/:kode/kamera',
      access: 'manage:kamera',
      target: regionTarget,
      handler: kamera.create,
    },
    {
      method: 'GET',
      url: '/wilayah/:kode/kamera/:id',
      access: 'manage:kamera',
      target: regionTarget,
      handler: kamera.show,
    },
    {
      method: 'POST',
      url: '/wilayah/:kode/kamera/:id',
      access: 'manage:kamera',
      target: regionTarget,
      handler: kamera.act,
    },
    // staff: the desa's complaint queue, one complaint with its contact, replies and state changes
    {
      method: 'GET',
      url: '/desa/:kode/pengaduan',
      access: 'manage:pengaduan',
      target: regionTarget,
      handler: aduan.queue,
    },
    {
      method: 'GET',
      url: '/desa/:kode/pengaduan/:id',
      access: 'manage:pengaduan',
      target: regionTarget,
      handler: aduan.show,
    },
    {
      method: 'POST',
      url: '/desa/:kode/pengaduan/:id',
      access: 'manage:pengaduan',
      target: regionTarget,
      handler: aduan.reply,
    },
    {
      method: 'GET',
      url: '/desa/:kode/pengaduan/:id/foto',
      access: 'manage:pengaduan',
      target: regionTarget,
      handler: aduan.foto,
    },
  ];
}
