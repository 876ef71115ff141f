import type { Deps } from './deps.js';
import { anjunganRouteDefs } from './features/anjungan/anjungan.route-table.js';
import { mandiriOperatorRoutes } from './features/mandiri/mandiri-operator.routes.js';
import { wargaRoutes } from './features/mandiri/warga.routes.js';
import { notifikasiRouteDefs } from './features/notifikasi/notifikasi.routes.js';
import { pendaftaranRouteDefs } from './features/pendaftaran-warga/pendaftaran.routes.js';
import { permohonanRouteDefs } from './features/permohonan/permohonan.routes.js';
import { regionTarget } from './features/wilayah/wilayah.routes.js';
import type { RouteDef } from './lib/http/route.js';

/**
 * Layanan mandiri: resident accounts and pages, letter requests and their queue, kiosks (anjungan), the
 * Telegram bot: part of the one route table that src/routes.ts builds.
 */
export function mandiriRoutesTable(d: Deps): RouteDef[] {
  const warga = wargaRoutes(d);
  const operator = mandiriOperatorRoutes(d);
  return [
    // the resident's sign-in (NIK + PIN), sign-out, PIN change and home
    { method: 'GET', url: '/layanan-mandiri/masuk', access: 'public', handler: warga.showMasuk },
    { method: 'POST', url: '/layanan-mandiri/masuk', access: 'public', handler: warga.masuk },
    {
      method: 'POST',
      url: '/layanan-mandiri/keluar',
      access: 'warga',
      duringPasswordChange: true,
      handler: warga.keluar,
    },
    { method: 'GET', url: '/layanan-mandiri/pin', access: 'warga', duringPasswordChange: true, handler: warga.showPin },
    { method: 'POST', url: '/layanan-mandiri/pin', access: 'warga', duringPasswordChange: true, handler: warga.pin },
    { method: 'GET', url: '/layanan-mandiri', access: 'warga', handler: warga.beranda },

    // the office: resident accounts of a desa
    {
      method: 'GET',
      url: '/desa/:kode/mandiri',
      access: 'manage:mandiri',
      target: regionTarget,
      handler: operator.list,
    },
    {
      method: 'POST',
      url: '/desa/:kode/mandiri',
      access: 'manage:mandiri',
      target: regionTarget,
      handler: operator.act,
    },
    // letter requests, the resident's own pages (data, documents, messages, access log), the office queue
    ...permohonanRouteDefs(d),
    // kiosks (anjungan): the office's page, pairing a kiosk, the kiosk's pages
    ...anjunganRouteDefs(d),
    // self-registration (where the desa allows it) and the office's queue of registrations
    ...pendaftaranRouteDefs(d),
    // notifications, the Telegram bot webhook, the resident's account page, the installable app (PWA)
    ...notifikasiRouteDefs(d),
  ];
}
