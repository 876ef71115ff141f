import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { Deps } from '#src/deps.js';
import { getInstallationKabupaten } from '#src/features/instalasi/instalasi.service.js';
import { listLivingMembers } from '#src/features/keluarga/keluarga.service.js';
import { placeName } from '#src/features/penduduk/penduduk.service.js';
import { findGrant, type Target } from '#src/lib/auth/grants.js';
import { badRequest, notFound } from '#src/lib/errors.js';
import { parseForm } from '#src/lib/forms/form.js';
import { setFlash } from '#src/lib/http/flash.js';
import { pageCtx, sendPage } from '#src/lib/http/page.js';
import { actorOf, grantsOf, intParam, param, redirect } from '#src/lib/http/request.js';
import { TerimaPindahSchema, TutupPindahSchema } from './pindah.schema.js';
import { closeTransfer, confirmTransfer, findTransfer, listTransfers } from './pindah.service.js';
import { PindahPage, type TransferItem } from './pindah.views.js';

export function pindahRoutes(d: Deps) {
  /** Targets: the desa of origin answers a request; the receiving desa may withdraw it. */
  const transferTarget =
    (side: 'dari_desa' | 'ke_desa') =>
    async (req: FastifyRequest): Promise<Target> => {
      const t = await findTransfer(d.db, intParam(req, 'id'));
      if (!t) throw notFound('pindahTidakDitemukan');
      return { kode: t[side] };
    };

  return {
    originTarget: transferTarget('dari_desa'),
    destinationTarget: transferTarget('ke_desa'),

    async list(req: FastifyRequest, reply: FastifyReply) {
      const kode = param(req, 'kode');
      const rows = await listTransfers(d.db, kode);
      const names = new Map<string, string>();
      const name = async (k: string) => {
        if (!names.has(k)) names.set(k, await placeName(d.db, k));
        return names.get(k) ?? k;
      };
      const items: TransferItem[] = [];
      for (const r of rows) {
        const item: TransferItem = { ...r, dari_nama: await name(r.dari_desa), ke_nama: await name(r.ke_desa) };
        if (r.status === 'menunggu' && r.dari_desa === kode) {
          const person = await d.db
            .selectFrom('penduduk')
            .select(['keluarga_id', 'kk_level'])
            .where('id', '=', r.penduduk_id)
            .executeTakeFirst();
          if (person?.kk_level === 1 && person.keluarga_id !== null) {
            item.anggota = (await listLivingMembers(d.db, person.keluarga_id))
              .filter((m) => m.id !== r.penduduk_id)
              .map((m) => ({ id: m.id, nama: m.nama }));
          }
        }
        items.push(item);
      }
      const canAct = findGrant(grantsOf(req), 'record:peristiwa', { kode }) !== null;
      const installation = (await getInstallationKabupaten(d.db))?.nama ?? null;
      return sendPage(
        reply,
        200,
        h(PindahPage, {
          ctx: pageCtx(req, reply, installation),
          keluar: items.filter((x) => x.status === 'menunggu' && x.dari_desa === kode),
          masuk: items.filter((x) => x.status === 'menunggu' && x.ke_desa === kode),
          riwayat: items.filter((x) => x.status !== 'menunggu'),
          canAct,
        }),
      );
    },

    async accept(req: FastifyRequest, reply: FastifyReply) {
      const t = await findTransfer(d.db, intParam(req, 'id'));
      if (!t) throw notFound('pindahTidakDitemukan');
      const parsed = parseForm(TerimaPindahSchema, req.body, req.m);
      if (!parsed.ok) throw badRequest('pilihanTidakValid');
      await confirmTransfer(d.db, actorOf(req), t.id, parsed.data.kepala_baru_id);
      setFlash(reply, req.m.registry.antrian.pindahDiterima);
      return redirect(reply, `/desa/${t.dari_desa}/pindah`);
    },

    close: (status: 'ditolak' | 'batal') => async (req: FastifyRequest, reply: FastifyReply) => {
      const t = await findTransfer(d.db, intParam(req, 'id'));
      if (!t) throw notFound('pindahTidakDitemukan');
      const parsed = parseForm(TutupPindahSchema, req.body, req.m);
      if (!parsed.ok) throw badRequest('invalid');
      await closeTransfer(d.db, actorOf(req), t.id, status, parsed.data.alasan);
      setFlash(reply, req.m.registry.antrian.pindahDitutup);
      return redirect(reply, `/desa/${status === 'ditolak' ? t.dari_desa : t.ke_desa}/pindah`);
    },
  };
}
