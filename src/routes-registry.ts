import type { Deps } from './deps.js';
import { duplikatRoutes } from './features/duplikat/duplikat.routes.js';
import { eksporRoutes } from './features/ekspor/ekspor-penduduk.routes.js';
import { imporRoutes } from './features/impor/impor.routes.js';
import { keluargaRoutes } from './features/keluarga/keluarga.routes.js';
import { keluargaDesaRoutes } from './features/keluarga/keluarga-desa.routes.js';
import { rumahTanggaRoutes } from './features/keluarga/rumah-tangga.routes.js';
import { pendudukRoutes } from './features/penduduk/penduduk.routes.js';
import { cariRoutes } from './features/penduduk/penduduk-cari.routes.js';
import { pendudukApiRoutes } from './features/penduduk-api/penduduk-api.routes.js';
import { peristiwaApiRoutes } from './features/penduduk-api/peristiwa-api.routes.js';
import { pindahRoutes } from './features/peristiwa/pindah.routes.js';
import { regionTarget } from './features/wilayah/wilayah.routes.js';
import type { RouteDef } from './lib/http/route.js';

/**
 * The resident registry's routes (residents, families and households, OpenSID import/export, the JSON API,
 * transfers, data quality, duplicates): part of the one route table that src/routes.ts builds.
 */
export function registryRoutes(d: Deps): RouteDef[] {
  const keluarga = keluargaRoutes(d);
  const keluargaDesa = keluargaDesaRoutes(d);
  const rumahTangga = rumahTanggaRoutes(d);
  const penduduk = pendudukRoutes(d);
  const cari = cariRoutes(d);
  const ekspor = eksporRoutes(d);
  const impor = imporRoutes(d);
  const pindah = pindahRoutes(d);
  const duplikat = duplikatRoutes(d);
  const api = pendudukApiRoutes(d);
  const apiEvents = peristiwaApiRoutes(d);

  return [
    // ——— resident registry: residents (list, forms, detail, events, print, photo) ———
    {
      method: 'GET',
      url: '/desa/:kode/penduduk',
      access: 'read:penduduk',
      target: penduduk.targets.desaList('read:penduduk'),
      handler: penduduk.list,
    },
    {
      method: 'POST',
      url: '/desa/:kode/penduduk/cari-nik',
      access: 'read:penduduk',
      target: penduduk.targets.desaList('read:penduduk'),
      handler: penduduk.lookupNik,
    },
    {
      method: 'GET',
      url: '/desa/:kode/penduduk/ekspor.xlsx',
      access: 'export:penduduk',
      target: penduduk.targets.desaList('export:penduduk'),
      handler: penduduk.exportXlsx,
    },
    {
      method: 'GET',
      url: '/desa/:kode/penduduk/ekspor-opensid',
      access: 'export:penduduk',
      target: penduduk.targets.desaList('export:penduduk'),
      handler: ekspor.desa,
    },
    {
      method: 'GET',
      url: '/wilayah/:kode/penduduk/ekspor-opensid',
      access: 'export:penduduk',
      target: regionTarget,
      handler: ekspor.wilayah,
    },
    // OpenSID import: upload → preview → apply (one transaction) → report
    { method: 'GET', url: '/desa/:kode/impor', access: 'import:penduduk', target: regionTarget, handler: impor.page },
    {
      method: 'POST',
      url: '/desa/:kode/impor',
      access: 'import:penduduk',
      target: regionTarget,
      bodyLimit: d.env.BALAI_IMPORT_LIMIT + 64 * 1024,
      fileLimit: d.env.BALAI_IMPORT_LIMIT,
      handler: impor.upload,
    },
    {
      method: 'GET',
      url: '/desa/:kode/impor/templat.xlsx',
      access: 'import:penduduk',
      target: regionTarget,
      handler: impor.template,
    },
    {
      method: 'GET',
      url: '/desa/:kode/impor/:id',
      access: 'import:penduduk',
      target: regionTarget,
      handler: impor.job,
    },
    {
      method: 'POST',
      url: '/desa/:kode/impor/:id/terapkan',
      access: 'import:penduduk',
      target: regionTarget,
      handler: impor.commit,
    },
    {
      method: 'POST',
      url: '/desa/:kode/impor/:id/batal',
      access: 'import:penduduk',
      target: regionTarget,
      handler: impor.cancel,
    },
    {
      method: 'GET',
      url: '/desa/:kode/impor/:id/laporan.xlsx',
      access: 'import:penduduk',
      target: regionTarget,
      handler: impor.report,
    },
    {
      method: 'GET',
      url: '/desa/:kode/kualitas-data',
      access: 'read:penduduk',
      target: penduduk.targets.desaList('read:penduduk'),
      handler: penduduk.quality,
    },
    {
      method: 'GET',
      url: '/desa/:kode/penduduk/baru',
      access: 'record:peristiwa',
      target: regionTarget,
      handler: penduduk.showNew,
    },
    {
      method: 'POST',
      url: '/desa/:kode/penduduk/lahir',
      access: 'record:peristiwa',
      target: regionTarget,
      handler: penduduk.birth,
    },
    {
      method: 'POST',
      url: '/desa/:kode/penduduk/masuk',
      access: 'record:peristiwa',
      target: regionTarget,
      handler: penduduk.arrival,
    },
    {
      method: 'GET',
      url: '/penduduk/:id',
      access: 'read:penduduk',
      target: penduduk.targets.person,
      handler: penduduk.show,
    },
    {
      method: 'GET',
      url: '/penduduk/:id/ubah',
      access: 'write:penduduk',
      target: penduduk.targets.person,
      handler: penduduk.showEdit,
    },
    {
      method: 'POST',
      url: '/penduduk/:id/ubah',
      access: 'write:penduduk',
      target: penduduk.targets.person,
      handler: penduduk.saveEdit,
    },
    {
      method: 'GET',
      url: '/penduduk/:id/peristiwa/:jenis',
      access: 'record:peristiwa',
      target: penduduk.targets.person,
      handler: penduduk.showEvent,
    },
    {
      method: 'POST',
      url: '/penduduk/:id/peristiwa/:jenis',
      access: 'record:peristiwa',
      target: penduduk.targets.person,
      handler: penduduk.recordEvent,
    },
    {
      method: 'POST',
      url: '/peristiwa/:id/batal',
      access: 'record:peristiwa',
      target: penduduk.targets.event,
      handler: penduduk.reverse,
    },
    {
      method: 'GET',
      url: '/penduduk/:id/cetak',
      access: 'read:penduduk',
      target: penduduk.targets.person,
      handler: penduduk.print,
    },
    {
      method: 'GET',
      url: '/penduduk/:id/foto',
      access: 'read:penduduk',
      target: penduduk.targets.person,
      handler: penduduk.foto,
    },
    {
      method: 'POST',
      url: '/penduduk/:id/foto',
      access: 'write:penduduk',
      target: penduduk.targets.person,
      bodyLimit: d.env.BALAI_UPLOAD_LIMIT + 64 * 1024,
      handler: penduduk.uploadFoto,
    },
    { method: 'GET', url: '/penduduk', access: 'read:penduduk', handler: cari.search },
    { method: 'POST', url: '/penduduk/cari-nik', access: 'read:penduduk', handler: cari.lookupNik },
    // ——— end residents ———

    // ——— resident registry: families and households ———
    {
      method: 'GET',
      url: '/desa/:kode/keluarga',
      access: 'read:penduduk',
      target: regionTarget,
      handler: keluargaDesa.list,
    },
    {
      method: 'POST',
      url: '/desa/:kode/keluarga/cari-kk',
      access: 'read:penduduk',
      target: regionTarget,
      handler: keluargaDesa.lookupKk,
    },
    {
      method: 'GET',
      url: '/desa/:kode/keluarga/baru',
      access: 'write:penduduk',
      target: regionTarget,
      handler: keluargaDesa.showNew,
    },
    {
      method: 'POST',
      url: '/desa/:kode/keluarga/baru',
      access: 'write:penduduk',
      target: regionTarget,
      handler: keluargaDesa.create,
    },
    { method: 'GET', url: '/keluarga/:id', access: 'read:penduduk', target: keluarga.target, handler: keluarga.show },
    { method: 'POST', url: '/keluarga/:id', access: 'write:penduduk', target: keluarga.target, handler: keluarga.act },
    {
      method: 'GET',
      url: '/keluarga/:id/cetak',
      access: 'read:penduduk',
      target: keluarga.target,
      handler: keluarga.print,
    },
    {
      method: 'GET',
      url: '/desa/:kode/rumah-tangga',
      access: 'read:penduduk',
      target: regionTarget,
      handler: rumahTangga.list,
    },
    {
      method: 'POST',
      url: '/desa/:kode/rumah-tangga',
      access: 'write:penduduk',
      target: regionTarget,
      handler: rumahTangga.create,
    },
    {
      method: 'GET',
      url: '/rumah-tangga/:id',
      access: 'read:penduduk',
      target: rumahTangga.target,
      handler: rumahTangga.show,
    },
    {
      method: 'POST',
      url: '/rumah-tangga/:id',
      access: 'write:penduduk',
      target: rumahTangga.target,
      handler: rumahTangga.act,
    },
    // ——— end families and households ———

    // ——— resident registry: API ———
    { method: 'GET', url: '/api/v1/openapi.json', access: 'public', handler: api.openapi },
    {
      method: 'GET',
      url: '/api/v1/desa/:kode/penduduk',
      access: 'read:penduduk',
      target: regionTarget,
      handler: api.search,
    },
    {
      method: 'POST',
      url: '/api/v1/desa/:kode/penduduk',
      access: 'write:penduduk',
      target: regionTarget,
      handler: api.create,
    },
    {
      method: 'GET',
      url: '/api/v1/penduduk/:id',
      access: 'read:penduduk',
      target: api.personTarget,
      handler: api.show,
    },
    {
      method: 'PUT',
      url: '/api/v1/penduduk/:id',
      access: 'write:penduduk',
      target: api.personTarget,
      handler: api.update,
    },
    {
      method: 'POST',
      url: '/api/v1/penduduk/:id/peristiwa',
      access: 'record:peristiwa',
      target: api.personTarget,
      handler: apiEvents.leave,
    },
    {
      method: 'POST',
      url: '/api/v1/desa/:kode/peristiwa/lahir',
      access: 'record:peristiwa',
      target: regionTarget,
      handler: apiEvents.birth,
    },
    {
      method: 'POST',
      url: '/api/v1/desa/:kode/peristiwa/pindah-masuk',
      access: 'record:peristiwa',
      target: regionTarget,
      handler: apiEvents.arrival,
    },
    {
      method: 'POST',
      url: '/api/v1/peristiwa/:id/batal',
      access: 'record:peristiwa',
      target: api.eventTarget,
      handler: apiEvents.reverse,
    },
    {
      method: 'GET',
      url: '/api/v1/desa/:kode/keluarga',
      access: 'read:penduduk',
      target: regionTarget,
      handler: api.families,
    },
    {
      method: 'GET',
      url: '/api/v1/keluarga/:id',
      access: 'read:penduduk',
      target: api.familyTarget,
      handler: api.family,
    },
    // ——— end API ———

    // ——— resident registry: transfers, data quality, duplicates ———
    { method: 'GET', url: '/desa/:kode/pindah', access: 'read:penduduk', target: regionTarget, handler: pindah.list },
    {
      method: 'POST',
      url: '/pindah/:id/terima',
      access: 'record:peristiwa',
      target: pindah.originTarget,
      handler: pindah.accept,
    },
    {
      method: 'POST',
      url: '/pindah/:id/tolak',
      access: 'record:peristiwa',
      target: pindah.originTarget,
      handler: pindah.close('ditolak'),
    },
    {
      method: 'POST',
      url: '/pindah/:id/batal',
      access: 'record:peristiwa',
      target: pindah.destinationTarget,
      handler: pindah.close('batal'),
    },
    { method: 'GET', url: '/duplikat', access: 'review:duplikat', handler: duplikat.allQueue },
    {
      method: 'GET',
      url: '/desa/:kode/duplikat',
      access: 'review:duplikat',
      target: regionTarget,
      handler: duplikat.desaQueue,
    },
    {
      method: 'POST',
      url: '/desa/:kode/duplikat/pindai',
      access: 'review:duplikat',
      target: regionTarget,
      handler: duplikat.scan,
    },
    {
      method: 'POST',
      url: '/duplikat/:id',
      access: 'review:duplikat',
      target: duplikat.pairTarget,
      handler: duplikat.act,
    },
    // ——— end transfers, data quality, duplicates ———
  ];
}
