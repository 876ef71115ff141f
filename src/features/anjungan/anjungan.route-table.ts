import type { Deps } from '#src/deps.js';
import { regionTarget } from '#src/features/wilayah/wilayah.routes.js';
import type { RouteDef } from '#src/lib/http/route.js';
import { anjunganRoutes } from './anjungan.routes.js';
import { anjunganKelolaRoutes } from './anjungan-kelola.routes.js';

/** Kiosk routes: the office's kiosk page, pairing a kiosk's browser, and the kiosk itself (part of routes-mandiri). */
export function anjunganRouteDefs(d: Deps): RouteDef[] {
  const kelola = anjunganKelolaRoutes(d);
  const k = anjunganRoutes(d);
  const target = regionTarget;
  return [
    { method: 'GET', url: '/desa/:kode/anjungan', access: 'manage:anjungan', target, handler: kelola.list },
    { method: 'POST', url: '/desa/:kode/anjungan', access: 'manage:anjungan', target, handler: kelola.act },
    // the kiosk's browser opens its one-time code (no device token yet: public; wrong codes are throttled)
    { method: 'GET', url: '/anjungan/pasang', access: 'public', handler: kelola.showPasang },
    { method: 'POST', url: '/anjungan/pasang', access: 'public', handler: kelola.pasang },
    // the kiosk: a registered device only
    { method: 'GET', url: '/anjungan', access: 'anjungan', handler: k.beranda },
    { method: 'POST', url: '/anjungan/kartu', access: 'anjungan', handler: k.kartu },
    { method: 'POST', url: '/anjungan/pin', access: 'anjungan', handler: k.pin },
    { method: 'GET', url: '/anjungan/nik', access: 'anjungan', handler: k.showNik },
    { method: 'POST', url: '/anjungan/nik', access: 'anjungan', handler: k.nik },
    { method: 'GET', url: '/anjungan/layanan', access: 'anjungan', handler: k.layanan },
    { method: 'GET', url: '/anjungan/kartu-saya', access: 'anjungan', handler: k.showKartuSaya },
    { method: 'POST', url: '/anjungan/kartu-saya', access: 'anjungan', handler: k.kartuSaya },
    { method: 'GET', url: '/anjungan/tiket/:id', access: 'anjungan', handler: k.tiket },
    // GET too: the idle refresh without JavaScript (and the "back to start" link) can only GET. A GET that changes
    // state is safe here because all it can do is END the resident session of this kiosk's browser, never start
    // or change anything; the device cookie is SameSite=Lax and HttpOnly, and a forged link at worst signs the
    // resident out, which the idle timer does anyway
    { method: 'GET', url: '/anjungan/selesai', access: 'anjungan', handler: k.selesai },
    { method: 'POST', url: '/anjungan/selesai', access: 'anjungan', handler: k.selesai },
  ];
}
