import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { Deps } from '#src/deps.js';
import { halaman, konteksOf, pelakuOf } from '#src/features/surat/surat-halaman.js';
import { findJenis } from '#src/features/surat/surat-jenis.repository.js';
import { fromRow } from '#src/features/surat/surat-jenis.service.js';
import { bacaBerkas } from '#src/features/warga-portal/dokumen.service.js';
import { kirimPesan, kotakPesanDesa, percakapan, tandaiDibaca } from '#src/features/warga-portal/pesan.service.js';
import { sendBerkas } from '#src/features/warga-portal/warga-portal.routes.js';
import { regionTarget } from '#src/features/wilayah/wilayah.routes.js';
import { audit } from '#src/lib/audit/audit.js';
import { notFound } from '#src/lib/errors.js';
import { type FormState, formStateFromError, parseForm } from '#src/lib/forms/form.js';
import { setFlash } from '#src/lib/http/flash.js';
import { sendPage } from '#src/lib/http/page.js';
import { actorOf, intParam, param, query, redirect } from '#src/lib/http/request.js';
import type { RouteDef } from '#src/lib/http/route.js';
import { findPenilaian } from './permohonan.repository.js';
import { AlasanTolakSchema, PesanSchema } from './permohonan.schema.js';
import { dokumenOf, isianOf } from './permohonan.service.js';
import {
  antrianDesa,
  permohonanDesa,
  serahkanPermohonan,
  terimaPermohonan,
  tolakPermohonan,
} from './permohonan-kantor.service.js';
import { AntrianPage, KotakPesanPage, PermohonanKantorPage, PesanKantorPage } from './permohonan-kantor.views.js';
import { SEMUA_STATUS } from './permohonan-status.js';

const access = 'process:permohonan' as const;

/** The office's queue of residents' requests and the messages with residents, per desa. */
export function permohonanKantorRouteDefs(d: Deps): RouteDef[] {
  async function detail(req: FastifyRequest, reply: FastifyReply, status: number, state?: FormState) {
    const kode = param(req, 'kode');
    const row = await permohonanDesa(d.db, kode, intParam(req, 'id'));
    const jenis = await findJenis(d.db, row.jenis_id);
    const ids = dokumenOf(row);
    const dokumen =
      ids.length === 0
        ? []
        : await d.db
            .selectFrom('warga_dokumen')
            .select(['id', 'jenis', 'nama'])
            .where('penduduk_id', '=', row.penduduk_id)
            .where('id', 'in', ids)
            .execute();
    if (status === 200) await tandaiDibaca(d.db, kode, row.penduduk_id, 'warga');
    const props = {
      ctx: await halaman(d, req, reply),
      kode,
      row,
      fields: jenis ? fromRow(jenis).isian : [],
      isian: isianOf(row),
      dokumen,
      pesan: await percakapan(d.db, kode, row.penduduk_id),
      penilaian: (await findPenilaian(d.db, row.id)) ?? null,
    };
    return sendPage(reply, status, h(PermohonanKantorPage, state ? { ...props, state } : props));
  }

  async function thread(req: FastifyRequest, reply: FastifyReply, status: number, state?: FormState) {
    const kode = param(req, 'kode');
    const pendudukId = intParam(req, 'penduduk');
    const p = await d.db
      .selectFrom('penduduk')
      .select(['nama', 'desa_kode'])
      .where('id', '=', pendudukId)
      .executeTakeFirst();
    if (!p || p.desa_kode !== kode) throw notFound();
    if (status === 200) await tandaiDibaca(d.db, kode, pendudukId, 'warga');
    const props = {
      ctx: await halaman(d, req, reply),
      kode,
      nama: p.nama,
      pendudukId,
      pesan: await percakapan(d.db, kode, pendudukId),
    };
    return sendPage(reply, status, h(PesanKantorPage, state ? { ...props, state } : props));
  }

  return [
    {
      method: 'GET',
      url: '/desa/:kode/permohonan',
      access,
      target: regionTarget,
      handler: async (req, reply) => {
        const kode = param(req, 'kode');
        const s = Number(query(req).status);
        const status = query(req).status && SEMUA_STATUS.includes(s as never) ? s : null;
        const rows = await antrianDesa(d.db, kode, status);
        return sendPage(reply, 200, h(AntrianPage, { ctx: await halaman(d, req, reply), kode, rows, status }));
      },
    },
    {
      method: 'GET',
      url: '/desa/:kode/permohonan/pesan',
      access,
      target: regionTarget,
      handler: async (req, reply) => {
        const kode = param(req, 'kode');
        const rows = await kotakPesanDesa(d.db, kode);
        return sendPage(reply, 200, h(KotakPesanPage, { ctx: await halaman(d, req, reply), kode, rows }));
      },
    },
    {
      method: 'GET',
      url: '/desa/:kode/permohonan/pesan/:penduduk',
      access,
      target: regionTarget,
      handler: (req, reply) => thread(req, reply, 200),
    },
    {
      method: 'POST',
      url: '/desa/:kode/permohonan/pesan/:penduduk',
      access,
      target: regionTarget,
      handler: async (req, reply) => {
        const kode = param(req, 'kode');
        const pendudukId = intParam(req, 'penduduk');
        const parsed = parseForm(PesanSchema, req.body, req.m);
        if (!parsed.ok) return thread(req, reply, 400, parsed.state);
        await kirimPesan(d.db, actorOf(req), { desaKode: kode, pendudukId, arah: 'desa', isi: parsed.data.isi });
        setFlash(reply, req.m.permohonan.kantor.pesanTerkirim);
        return redirect(reply, `/desa/${kode}/permohonan/pesan/${pendudukId}`);
      },
    },
    {
      method: 'GET',
      url: '/desa/:kode/permohonan/:id',
      access,
      target: regionTarget,
      handler: (req, reply) => detail(req, reply, 200),
    },
    {
      method: 'POST',
      url: '/desa/:kode/permohonan/:id',
      access,
      target: regionTarget,
      handler: async (req, reply) => {
        const kode = param(req, 'kode');
        const id = intParam(req, 'id');
        const row = await permohonanDesa(d.db, kode, id);
        const body = (req.body ?? {}) as Record<string, unknown>;
        const t = req.m.permohonan.kantor;
        let pesan: string;
        try {
          switch (body.intent) {
            case 'terima': {
              const r = await terimaPermohonan(konteksOf(d, req), pelakuOf(req), kode, id);
              pesan = r.diajukan ? t.diterima : t.diterimaDraf;
              break;
            }
            case 'tolak': {
              const parsed = parseForm(AlasanTolakSchema, body, req.m);
              if (!parsed.ok) return detail(req, reply, 400, parsed.state);
              await tolakPermohonan(d.db, pelakuOf(req), kode, id, parsed.data.alasan);
              pesan = t.ditolak;
              break;
            }
            case 'serahkan':
              await serahkanPermohonan(d.db, pelakuOf(req), kode, id);
              pesan = t.diserahkan;
              break;
            case 'pesan': {
              const parsed = parseForm(PesanSchema, body, req.m);
              if (!parsed.ok) return detail(req, reply, 400, parsed.state);
              await kirimPesan(d.db, actorOf(req), {
                desaKode: kode,
                pendudukId: row.penduduk_id,
                arah: 'desa',
                isi: parsed.data.isi,
                permohonanId: id,
              });
              pesan = t.pesanTerkirim;
              break;
            }
            default:
              return detail(req, reply, 400, { values: {}, errors: {}, message: req.m.err.invalid });
          }
        } catch (error) {
          const f = formStateFromError(error, body, req.m);
          if (!f || f.status === 404) throw error;
          return detail(req, reply, f.status, f.state);
        }
        setFlash(reply, pesan);
        return redirect(reply, `/desa/${kode}/permohonan/${id}`);
      },
    },
    {
      method: 'GET',
      url: '/desa/:kode/permohonan/:id/dokumen/:dok',
      access,
      target: regionTarget,
      handler: async (req, reply) => {
        const kode = param(req, 'kode');
        const row = await permohonanDesa(d.db, kode, intParam(req, 'id'));
        const dokId = intParam(req, 'dok');
        if (!dokumenOf(row).includes(dokId)) throw notFound();
        const dok = await d.db.selectFrom('warga_dokumen').selectAll().where('id', '=', dokId).executeTakeFirst();
        if (!dok || dok.penduduk_id !== row.penduduk_id) throw notFound();
        const data = await bacaBerkas(d.files, dok);
        // a resident's document is personal data: the read is in the audit trail (and on their access page)
        await audit.recordRead(d.db, actorOf(req), {
          aksi: 'baca',
          entitas: 'warga_dokumen',
          entitasId: dok.id,
          desaKode: kode,
        });
        const ext = dok.mime === 'application/pdf' ? 'pdf' : 'jpg';
        return sendBerkas(reply, data, dok.mime, `dokumen-${dok.id}.${ext}`);
      },
    },
  ];
}
