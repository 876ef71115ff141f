import type { Deps } from './deps.js';
import { kontenJagaRoutes } from './features/konten-jaga/konten-jaga.routes.js';
import { regionTarget } from './features/wilayah/wilayah.routes.js';
import type { RouteDef } from './lib/http/route.js';

/**
 * The injected-content guard's review pages: part of the one route table that src/routes.ts builds. Holding
 * happens in the content services and the nightly scan; here an admin releases or rejects held content.
 */
export function jagaRoutesTable(d: Deps): RouteDef[] {
  const jaga = kontenJagaRoutes(d);
  return [
    { method: 'GET', url: '/desa/:kode/web/temuan', access: 'review:konten', target: regionTarget, handler: jaga.desa },
    {
      method: 'POST',
      url: '/desa/:kode/web/temuan',
      access: 'review:konten',
      target: regionTarget,
      handler: jaga.putuskan,
    },
    { method: 'GET', url: '/kabupaten/web/temuan', access: 'review:konten', handler: jaga.wilayah },
  ];
}
