import type { FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.js';
import { isRegionCode } from '#src/domain/region-code.js';
import type { Db } from '#src/lib/db/connect.js';
import { notFound } from '#src/lib/errors.js';
import { param } from '#src/lib/http/request.js';
import { capitalise } from '#src/lib/views/region-title.js';
import * as repo from './situs.repository.js';
import { type Situs, situsLevel } from './situs-context.js';
import { situsHostKode } from './situs-host.js';

/**
 * Which public site a request is for, from its `:kode` and whether it came through the desa's own host name.
 * Unknown codes, desa not activated in Balai, and kecamatan/kabupaten without any active desa → 404.
 */
export async function resolveSitus(d: Pick<Deps, 'db'>, req: FastifyRequest): Promise<Situs> {
  const kode = param(req, 'kode');
  const viaHost = situsHostKode(req.raw) === kode;
  return findSitus(d.db, kode, viaHost ? '' : `/situs/${kode}`);
}

export async function findSitus(db: Db, kode: string, base: string): Promise<Situs> {
  const level = isRegionCode(kode) ? situsLevel(kode) : null;
  if (level === 'desa') {
    const desa = await repo.findDesaSitus(db, kode);
    if (!desa) throw notFound('desaBelumAktif', { kode });
    return {
      level,
      kode,
      nama: `${capitalise(desa.sebutan)} ${desa.nama}`,
      base,
      induk: { kode: desa.kecamatan_kode, nama: `Kecamatan ${desa.kecamatan}` },
    };
  }
  if (level === null) throw notFound();
  const [wilayah, aktif] = await Promise.all([repo.findWilayah(db, kode), repo.hasActiveDesaUnder(db, kode)]);
  if (!wilayah || !aktif) throw notFound();
  if (level === 'kecamatan') {
    const kab = wilayah.induk ? await repo.findWilayah(db, wilayah.induk) : undefined;
    return {
      level,
      kode,
      nama: `Kecamatan ${wilayah.nama}`,
      base,
      induk: kab ? { kode: kab.kode, nama: kab.nama } : null,
    };
  }
  // kabupaten/kota names in the official codes already carry their prefix ("Kabupaten Rembang")
  return { level, kode, nama: wilayah.nama, base, induk: null };
}

/** This request's host as a browser writes it: the default port left out. */
export function hostIni(req: FastifyRequest): string {
  return req.host.replace(req.protocol === 'https' ? /:443$/ : /:80$/, '');
}

/** The absolute address of a site page: on the desa's host when it has one, else under /situs on this host. */
export function absolut(req: FastifyRequest, situs: Situs, path: string, host: string | null): string {
  const proto = req.protocol;
  const here = hostIni(req);
  if (situs.base === '') return `${proto}://${here}${path}`;
  if (host) return `${proto}://${host}${path}`;
  return `${proto}://${here}${situs.base}${path === '/' ? '' : path}`;
}
