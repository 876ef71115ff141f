import type { Deps } from './deps.js';
import { suratRouteDefs } from './features/surat/surat.routes.js';
import { suratSetelanRouteDefs } from './features/surat/surat-setelan.routes.js';
import type { RouteDef } from './lib/http/route.js';

/**
 * The letters' routes (issuing, approval, archive, agenda, settings, templates, letter types): part of the one
 * route table that src/routes.ts builds. The public verification page is listed in routes.ts with the other
 * public routes.
 */
export function suratRoutesTable(d: Deps): RouteDef[] {
  return [...suratRouteDefs(d), ...suratSetelanRouteDefs(d)];
}
