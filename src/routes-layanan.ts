import type { Deps } from './deps.js';
import type { RouteDef } from './lib/http/route.js';

/** Route table slot: layanan (see src/routes.ts). */
export function layananRoutesTable(_d: Deps): RouteDef[] {
  return [];
}
