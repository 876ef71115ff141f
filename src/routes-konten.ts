import type { Deps } from './deps.js';
import type { RouteDef } from './lib/http/route.js';

/** Route table slot: konten (see src/routes.ts). */
export function kontenRoutesTable(_d: Deps): RouteDef[] {
  return [];
}
