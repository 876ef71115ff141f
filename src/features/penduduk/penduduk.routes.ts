import type { Deps } from '#src/deps.js';
import { pendudukCreateRoutes } from './penduduk-create.routes.js';
import { pendudukDetailRoutes } from './penduduk-detail.routes.js';
import { pendudukEditRoutes } from './penduduk-edit.routes.js';
import { pendudukListRoutes } from './penduduk-list.routes.js';
import { pendudukPeristiwaRoutes } from './penduduk-peristiwa.routes.js';
import { pendudukTargets } from './penduduk-scope.js';

/**
 * The operator screens of the resident register: list and export, birth/arrival forms, the person's page
 * (edit, events and their reversal, print, photo) and the data-quality list. Handlers live in the
 * penduduk-*.routes.ts modules; src/routes.ts declares who may call each.
 */
export function pendudukRoutes(d: Deps) {
  const detail = pendudukDetailRoutes(d);
  return {
    targets: pendudukTargets(d.db),
    ...pendudukListRoutes(d),
    ...pendudukCreateRoutes(d),
    ...pendudukEditRoutes(d),
    ...detail,
    ...pendudukPeristiwaRoutes(d, detail),
  };
}
