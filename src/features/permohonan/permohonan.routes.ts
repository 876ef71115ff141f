import type { Deps } from '#src/deps.js';
import { wargaPortalRouteDefs } from '#src/features/warga-portal/warga-portal.routes.js';
import type { RouteDef } from '#src/lib/http/route.js';
import { permohonanKantorRouteDefs } from './permohonan-kantor.routes.js';
import { wargaSuratRouteDefs } from './warga-surat.routes.js';

/** Letter requests (the resident's pages and the office's queue) and the resident's own pages. */
export function permohonanRouteDefs(d: Deps): RouteDef[] {
  return [...wargaSuratRouteDefs(d), ...wargaPortalRouteDefs(d), ...permohonanKantorRouteDefs(d)];
}
