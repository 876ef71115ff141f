import type { Deps } from './deps.js';
import { assetRoutes } from './features/assets/assets.routes.js';
import { auditRoutes } from './features/audit/audit.routes.js';
import { authRoutes } from './features/auth/auth.routes.js';
import { dashboardRoutes } from './features/dashboard/dashboard.routes.js';
import { desaRoutes } from './features/desa/desa.routes.js';
import { healthRoutes } from './features/health/health.routes.js';
import { instalasiRoutes } from './features/instalasi/instalasi.routes.js';
import { lingkunganRoutes } from './features/lingkungan/lingkungan.routes.js';
import { penggunaRoutes } from './features/pengguna/pengguna.routes.js';
import { statistikApiRoutes } from './features/statistik/statistik-api.routes.js';
import { suratVerifikasiRoutes } from './features/surat/surat-verifikasi.routes.js';
import { regionTarget, wilayahRoutes } from './features/wilayah/wilayah.routes.js';
import type { RouteDef } from './lib/http/route.js';
import { jagaRoutesTable } from './routes-jaga.js';
import { kontenRoutesTable } from './routes-konten.js';
import { layananRoutesTable } from './routes-layanan.js';
import { mandiriRoutesTable } from './routes-mandiri.js';
import { registryRoutes } from './routes-registry.js';
import { situsRoutesTable } from './routes-situs.js';
import { statistikRoutesTable } from './routes-statistik.js';
import { suratRoutesTable } from './routes-surat.js';

/**
 * Every route of Balai, in one table: method, path, who may call it (permission on a target, any signed-in
 * user, or public) and the handler. The resident registry's routes are listed in routes-registry.ts and
 * spliced in here. app.ts registers exactly these; the role × route test walks them.
 */
export function buildRoutes(d: Deps): RouteDef[] {
  const assets = assetRoutes(d);
  const health = healthRoutes(d);
  const auth = authRoutes(d);
  const setup = instalasiRoutes(d);
  const dashboard = dashboardRoutes(d);
  const wilayah = wilayahRoutes(d);
  const desa = desaRoutes(d);
  const lingkungan = lingkunganRoutes(d);
  const pengguna = penggunaRoutes(d);
  const audit = auditRoutes(d);
  const verifikasi = suratVerifikasiRoutes(d);
  const statistikApi = statistikApiRoutes(d);

  return [
    // public: health, assets, open data, login, first-time setup, language
    { method: 'GET', url: '/healthz', access: 'public', handler: health.health },
    { method: 'GET', url: '/aset/:file', access: 'public', handler: assets.file },
    { method: 'GET', url: '/api/v1/wilayah', access: 'public', handler: wilayah.apiProvinces },
    { method: 'GET', url: '/api/v1/wilayah/:kode', access: 'public', handler: wilayah.apiRegion },
    // public: statistics as aggregates only (small cells hidden)
    { method: 'GET', url: '/api/v1/statistik/:kode/:kategori', access: 'public', handler: statistikApi.kategori },
    { method: 'GET', url: '/desa/:kode/logo', access: 'public', handler: desa.logo },
    // public: letter verification (the QR's target) and the keys to check QR tokens offline
    { method: 'GET', url: '/v/kunci.json', access: 'public', handler: verifikasi.keys },
    { method: 'GET', url: '/v/:token', access: 'public', handler: verifikasi.page },
    { method: 'POST', url: '/v/:token', access: 'public', fileLimit: 20_971_520, handler: verifikasi.upload },
    { method: 'GET', url: '/masuk', access: 'public', handler: auth.showLogin },
    { method: 'POST', url: '/masuk', access: 'public', handler: auth.login },
    { method: 'GET', url: '/setup/:token', access: 'public', handler: setup.showSetup },
    { method: 'POST', url: '/setup/:token', access: 'public', handler: setup.setup },
    { method: 'POST', url: '/bahasa', access: 'public', handler: auth.setLanguage },

    // any signed-in user: their own account
    { method: 'POST', url: '/keluar', access: 'authenticated', duringPasswordChange: true, handler: auth.logout },
    {
      method: 'POST',
      url: '/keluar-semua',
      access: 'authenticated',
      duringPasswordChange: true,
      handler: auth.logoutEverywhere,
    },
    {
      method: 'GET',
      url: '/akun/sandi',
      access: 'authenticated',
      duringPasswordChange: true,
      handler: auth.showChangePassword,
    },
    {
      method: 'POST',
      url: '/akun/sandi',
      access: 'authenticated',
      duringPasswordChange: true,
      handler: auth.changePassword,
    },
    { method: 'GET', url: '/api/v1/saya', access: 'authenticated', handler: auth.me },

    // dashboard and regions
    { method: 'GET', url: '/', access: 'read:dashboard', handler: dashboard.show },
    { method: 'GET', url: '/wilayah', access: 'read:wilayah', handler: wilayah.browseRoot },
    { method: 'GET', url: '/wilayah/:kode', access: 'read:wilayah', target: regionTarget, handler: wilayah.browse },
    {
      method: 'POST',
      url: '/wilayah/:kode/aktifkan',
      access: 'activate:desa',
      target: regionTarget,
      handler: wilayah.activate,
    },

    // desa profile and its dusun → RW → RT tree
    { method: 'GET', url: '/desa/:kode', access: 'read:desa', target: regionTarget, handler: desa.show },
    { method: 'POST', url: '/desa/:kode', access: 'update:desa', target: regionTarget, handler: desa.update },
    {
      method: 'POST',
      url: '/desa/:kode/logo',
      access: 'update:desa',
      target: regionTarget,
      bodyLimit: d.env.BALAI_UPLOAD_LIMIT + 64 * 1024,
      handler: desa.uploadLogo,
    },
    { method: 'GET', url: '/api/v1/desa/:kode', access: 'read:desa', target: regionTarget, handler: desa.api },
    {
      method: 'GET',
      url: '/desa/:kode/lingkungan',
      access: 'read:lingkungan',
      target: regionTarget,
      handler: lingkungan.show,
    },
    {
      method: 'POST',
      url: '/desa/:kode/lingkungan',
      access: 'update:lingkungan',
      target: regionTarget,
      handler: lingkungan.edit,
    },
    {
      method: 'GET',
      url: '/api/v1/desa/:kode/lingkungan',
      access: 'read:lingkungan',
      target: regionTarget,
      handler: lingkungan.api,
    },
    {
      method: 'GET',
      url: '/lingkungan/:id',
      access: 'read:lingkungan',
      target: lingkungan.unitTarget,
      handler: lingkungan.unit,
    },

    // accounts and roles
    { method: 'GET', url: '/pengguna', access: 'read:pengguna', handler: pengguna.list },
    { method: 'GET', url: '/pengguna/baru', access: 'manage:pengguna', handler: pengguna.showNew },
    { method: 'POST', url: '/pengguna', access: 'manage:pengguna', handler: pengguna.create },
    {
      method: 'GET',
      url: '/pengguna/:id',
      access: 'read:pengguna',
      target: pengguna.userTarget,
      handler: pengguna.show,
    },
    {
      method: 'POST',
      url: '/pengguna/:id',
      access: 'manage:pengguna',
      target: pengguna.userTarget,
      handler: pengguna.act,
    },

    // audit trail
    { method: 'GET', url: '/audit', access: 'read:audit', handler: audit.browse },

    ...registryRoutes(d),
    ...suratRoutesTable(d),
    ...statistikRoutesTable(d),
    ...mandiriRoutesTable(d),
    ...situsRoutesTable(d),
    ...kontenRoutesTable(d),
    ...layananRoutesTable(d),
    ...jagaRoutesTable(d),
  ];
}
