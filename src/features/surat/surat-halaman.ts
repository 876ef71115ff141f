import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.js';
import { findDesaWithRegion } from '#src/features/desa/desa.repository.js';
import { getInstallationKabupaten } from '#src/features/instalasi/instalasi.service.js';
import { findGrant } from '#src/lib/auth/grants.js';
import type { Permission } from '#src/lib/auth/roles.js';
import { notFound } from '#src/lib/errors.js';
import { pageCtx } from '#src/lib/http/page.js';
import { actorOf, grantsOf } from '#src/lib/http/request.js';
import type { Pelaku } from './surat.service.js';
import { suratContext } from './surat-context.factory.js';
import type { SuratContext } from './surat-context.js';
import type { DesaRef } from './surat-list.views.js';

/** Plumbing shared by the letter screens: who acts, the services' context, the desa, the page context. */

export function pelakuOf(req: FastifyRequest): Pelaku {
  const user = req.auth?.user;
  if (!user) throw new Error('pelakuOf dipanggil tanpa pengguna');
  return { actor: actorOf(req), grants: grantsOf(req), nama: user.nama };
}

export const konteksOf = (d: Deps, req: FastifyRequest): SuratContext => suratContext(d.db, d.env, d.files, req.log);

export const boleh = (req: FastifyRequest, permission: Permission, kode: string) =>
  findGrant(grantsOf(req), permission, { kode }) !== null;

export async function desaRefOf(d: Deps, kode: string): Promise<DesaRef> {
  const desa = await findDesaWithRegion(d.db, kode);
  if (!desa) throw notFound('desaBelumAktif', { kode });
  return { kode, nama: desa.nama };
}

export async function halaman(d: Deps, req: FastifyRequest, reply: FastifyReply) {
  return pageCtx(req, reply, (await getInstallationKabupaten(d.db))?.nama ?? null);
}

/** A PDF shown in the browser (not downloaded straight away), never cached. */
export function sendPdf(reply: FastifyReply, pdf: Uint8Array, filename: string) {
  const safe = filename.replace(/[^A-Za-z0-9._-]+/g, '-');
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `inline; filename="${safe}"`)
    .header('cache-control', 'no-store')
    .send(Buffer.from(pdf));
}
