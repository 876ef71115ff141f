import type { Deps } from './deps.js';
import type { RouteDef } from './lib/http/route.js';

/**
 * Layanan mandiri: resident accounts and pages, letter requests and their queue, kiosks (anjungan), the
 * Telegram bot: part of the one route table that src/routes.ts builds.
 */
export function mandiriRoutesTable(_d: Deps): RouteDef[] {
  return [];
}
