import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { Deps } from '#src/deps.js';
import { cleanNumber } from '#src/domain/nik.js';
import { levelOf } from '#src/domain/region-code.js';
import { getInstallationKabupaten } from '#src/features/instalasi/instalasi.service.js';
import { findGrant, grantsWith } from '#src/lib/auth/grants.js';
import { pageCtx, sendPage } from '#src/lib/http/page.js';
import { grantsOf, query } from '#src/lib/http/request.js';
import { CariPendudukPage, type CariRow } from './penduduk-cari.views.js';
import { PendudukListQuerySchema } from './penduduk-list.schema.js';
import { searchPenduduk } from './penduduk-list.service.js';

const LIMIT = 50;
/** across a kecamatan or kabupaten, counting stops here */
const COUNT_CAP = 1000;

/**
 * Find a person anywhere in one's scopes (kecamatan and kabupaten staff search across their desa): a name
 * prefix, or an exact NIK for those who may see NIKs. Each scope is searched with the same indexed query.
 */
export function cariRoutes(d: Deps) {
  return {
    async search(req: FastifyRequest, reply: FastifyReply) {
      const q = (query(req).q ?? '').trim().slice(0, 100);
      const grants = grantsWith(grantsOf(req), 'read:penduduk');
      const scopes = [...new Set(grants.map((g) => `${g.lingkupKode}#${g.lingkunganId ?? ''}`))].map((s) => {
        const [kode = '', unit] = s.split('#');
        return { kode, unit: unit ? Number(unit) : null };
      });
      const isNik = /^\d{16}$/.test(cleanNumber(q));
      const rows: CariRow[] = [];
      let total = 0;
      let nikRefused = false;
      let capped = false;
      if (q) {
        for (const scope of scopes) {
          if (isNik && !findGrant(grantsOf(req), 'read:nik', { kode: scope.kode })) {
            nikRefused = true;
            continue;
          }
          const village = levelOf(scope.kode) === 3;
          const result = await searchPenduduk(
            d.db,
            village ? { desaKode: scope.kode, lingkunganId: scope.unit } : { under: scope.kode, countCap: COUNT_CAP },
            PendudukListQuerySchema.parse({ q, per: String(LIMIT) }),
          );
          total += result.total;
          capped ||= result.capped;
          for (const r of result.rows) {
            rows.push({ ...r, fullNumbers: findGrant(grantsOf(req), 'read:nik', { kode: r.desa_kode }) !== null });
          }
        }
      }
      rows.sort((a, b) => a.nama.localeCompare(b.nama, 'id'));
      const installation = (await getInstallationKabupaten(d.db))?.nama ?? null;
      return sendPage(
        reply,
        200,
        h(CariPendudukPage, {
          ctx: pageCtx(req, reply, installation),
          q,
          rows: rows.slice(0, LIMIT),
          total,
          capped,
          nikRefused,
        }),
      );
    },
  };
}
