import type { Deps } from '#src/deps.js';
import { regionTarget } from '#src/features/wilayah/wilayah.routes.js';
import type { RouteDef } from '#src/lib/http/route.js';
import { suratArsipRoutes } from './surat-arsip.routes.js';
import { suratDetailRoutes } from './surat-detail.routes.js';
import { suratFormRoutes } from './surat-form.routes.js';

/**
 * The operator's letter screens of a desa: archive, new letter (type → form → preview/draft/submit), the letter
 * page with its PDF and approval actions, and the Buku Agenda Surat Keluar. Every route is about one desa
 * (`:kode`); a letter id of another desa answers 404. Approving and rejecting are open to readers of the
 * desa's letters at the route and checked by the service against the user's step (403 otherwise), because
 * two permissions (sekretaris, kepala desa) approve.
 */
export function suratRouteDefs(d: Deps): RouteDef[] {
  const arsip = suratArsipRoutes(d);
  const form = suratFormRoutes(d);
  const detail = suratDetailRoutes(d);
  const base = '/desa/:kode/surat';
  const read = { access: 'read:surat', target: regionTarget } as const;
  // approvers (sekretaris, kepala desa); the service checks the step the letter waits at
  const approve = { access: 'approve:surat', target: regionTarget } as const;
  const write = { access: 'write:surat', target: regionTarget } as const;

  return [
    { method: 'GET', url: base, ...read, handler: arsip.list },
    { method: 'GET', url: `${base}/agenda`, ...read, handler: arsip.agenda },
    { method: 'GET', url: `${base}/agenda.xlsx`, ...read, handler: arsip.agendaXlsx },
    { method: 'GET', url: `${base}/baru`, ...write, handler: arsip.pilihJenis },
    { method: 'GET', url: `${base}/baru/:slug`, ...write, handler: form.showNew },
    { method: 'POST', url: `${base}/baru/:slug`, ...write, handler: form.create },
    { method: 'GET', url: `${base}/:id`, ...read, handler: detail.show },
    { method: 'GET', url: `${base}/:id/pdf`, ...read, handler: detail.pdf },
    { method: 'GET', url: `${base}/:id/ubah`, ...write, handler: form.showEdit },
    { method: 'POST', url: `${base}/:id/ubah`, ...write, handler: form.saveEdit },
    { method: 'POST', url: `${base}/:id/ajukan`, ...write, handler: detail.ajukan },
    { method: 'POST', url: `${base}/:id/setujui`, ...approve, handler: detail.setujui },
    { method: 'POST', url: `${base}/:id/tolak`, ...approve, handler: detail.tolak },
    { method: 'POST', url: `${base}/:id/batalkan`, ...write, handler: detail.batalkan },
  ];
}
