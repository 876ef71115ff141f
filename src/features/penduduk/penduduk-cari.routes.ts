import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { Deps } from '#src/deps.js';
import { isPersonalNumber } from '#src/domain/nik.js';
import { levelOf } from '#src/domain/region-code.js';
import { getInstallationKabupaten } from '#src/features/instalasi/instalasi.service.js';
import { findGrant, grantsWith } from '#src/lib/auth/grants.js';
import { forbidden } from '#src/lib/errors.js';
import { parseForm } from '#src/lib/forms/form.js';
import { pageCtx, sendPage } from '#src/lib/http/page.js';
import { grantsOf, query, redirect } from '#src/lib/http/request.js';
import { CariPendudukPage, type CariPendudukProps, type CariRow } from './penduduk-cari.views.js';
import { NikLookupSchema, PendudukListQuerySchema } from './penduduk-list.schema.js';
import { findPendudukByNik, type ListScope, searchPenduduk } from './penduduk-list.service.js';

const LIMIT = 50;
/** across a kecamatan or kabupaten, counting stops here */
const COUNT_CAP = 1000;

interface Scope {
  kode: string;
  unit: number | null;
}

/** Where the user reads residents: each desa (a dusun/RW/RT operator's unit) or region, once. */
function scopesOf(req: FastifyRequest): Scope[] {
  const grants = grantsWith(grantsOf(req), 'read:penduduk');
  return [...new Set(grants.map((g) => `${g.lingkupKode}#${g.lingkunganId ?? ''}`))].map((s) => {
    const [kode = '', unit] = s.split('#');
    return { kode, unit: unit ? Number(unit) : null };
  });
}

const mayReadNik = (req: FastifyRequest, kode: string) => findGrant(grantsOf(req), 'read:nik', { kode }) !== null;

/** One search over several scopes: rows (numbers shown as the viewer may see them) sorted by name. */
async function acrossScopes(
  req: FastifyRequest,
  scopes: readonly Scope[],
  search: (scope: ListScope) => ReturnType<typeof searchPenduduk>,
) {
  const rows: CariRow[] = [];
  let total = 0;
  let capped = false;
  for (const scope of scopes) {
    const village = levelOf(scope.kode) === 3;
    const result = await search(
      village ? { desaKode: scope.kode, lingkunganId: scope.unit } : { under: scope.kode, countCap: COUNT_CAP },
    );
    total += result.total;
    capped ||= result.capped;
    for (const r of result.rows) rows.push({ ...r, fullNumbers: mayReadNik(req, r.desa_kode) });
  }
  rows.sort((a, b) => a.nama.localeCompare(b.nama, 'id'));
  return { rows: rows.slice(0, LIMIT), total, capped };
}

/**
 * Find a person anywhere in one's scopes (kecamatan and kabupaten staff search across their desa): a name
 * prefix by GET, or — for those who may see NIKs — an exact NIK by POST ("Cari NIK"), so that the NIK never
 * appears in a URL. Each scope is searched with the same indexed query.
 */
export function cariRoutes(d: Deps) {
  async function render(
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    props: Omit<CariPendudukProps, 'ctx' | 'canLookUp'>,
  ) {
    const installation = (await getInstallationKabupaten(d.db))?.nama ?? null;
    // a page answering a POST look-up names the search page as its place (language switch, navigation)
    const ctx = { ...pageCtx(req, reply, installation), path: '/penduduk' };
    const canLookUp = grantsWith(grantsOf(req), 'read:nik').length > 0;
    return sendPage(reply, status, h(CariPendudukPage, { ctx, canLookUp, ...props }));
  }

  const nothing = { rows: [], total: 0, capped: false };

  return {
    async search(req: FastifyRequest, reply: FastifyReply) {
      const typed = (query(req).q ?? '').trim().slice(0, 100);
      // the name box is for names: a NIK in the URL is not searched (and not shown again)
      const numberIgnored = isPersonalNumber(typed);
      const q = numberIgnored ? '' : typed;
      const filters = PendudukListQuerySchema.parse({ q, per: String(LIMIT) });
      const result = q ? await acrossScopes(req, scopesOf(req), (s) => searchPenduduk(d.db, s, filters)) : nothing;
      return render(req, reply, 200, { q, ...result, numberIgnored, lookup: null });
    },

    /**
     * "Cari NIK" (POST): one record → its page; none → "not found"; several → listed in this response.
     * Only the scopes where the user may see NIKs are searched; without read:nik anywhere, refused.
     */
    async lookupNik(req: FastifyRequest, reply: FastifyReply) {
      const scopes = scopesOf(req).filter((s) => mayReadNik(req, s.kode));
      if (scopes.length === 0) throw forbidden('cariNikDitolak');
      const parsed = parseForm(NikLookupSchema, req.body, req.m);
      const base = { q: '', numberIgnored: false, ...nothing };
      if (!parsed.ok) return render(req, reply, 400, { ...base, lookup: { state: parsed.state } });
      const nik = parsed.data.nik;
      const found = await acrossScopes(req, scopes, (s) => findPendudukByNik(d.db, s, nik));
      const [only] = found.rows;
      if (found.total === 1 && only) return redirect(reply, `/penduduk/${only.id}`);
      const state = { values: { nik }, errors: {} };
      const c = req.m.pendudukUi.cariNik;
      if (found.total === 0)
        return render(req, reply, 404, { ...base, lookup: { state, message: c.tidakDitemukanWilayah } });
      return render(req, reply, 200, { ...base, ...found, lookup: { state, message: c.beberapa(found.total) } });
    },
  };
}
