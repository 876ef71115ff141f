import type { Deps } from './deps.js';
import type { RouteDef } from './lib/http/route.js';

/**
 * The public websites (desa sites, kecamatan and kabupaten portals), their editing, cameras and complaints:
 * part of the one route table that src/routes.ts builds.
 */
export function situsRoutesTable(_d: Deps): RouteDef[] {
  return [];
}
