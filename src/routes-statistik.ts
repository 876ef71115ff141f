import type { Deps } from './deps.js';
import { laporanRouteDefs } from './features/statistik/laporan.routes.js';
import { statistikPageRouteDefs } from './features/statistik/statistik.routes.js';
import type { RouteDef } from './lib/http/route.js';

/** The statistics pages and reports: part of the one route table that src/routes.ts builds. */
export function statistikRoutesTable(d: Deps): RouteDef[] {
  return [...statistikPageRouteDefs(d), ...laporanRouteDefs(d)];
}
