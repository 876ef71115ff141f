import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { Deps } from '#src/deps.js';
import { maskNumber } from '#src/domain/nik.js';
import { bolehDibatalkan, bolehDiubah, langkahTertinggi, setelahDisetujui } from '#src/domain/surat-alur.js';
import { findPenduduk } from '#src/features/penduduk/penduduk.repository.js';
import { readJson } from '#src/lib/db/time.js';
import { isHttpError, notFound } from '#src/lib/errors.js';
import { type FormState, formStateFromError, parseForm } from '#src/lib/forms/form.js';
import { setFlash } from '#src/lib/http/flash.js';
import { sendPage } from '#src/lib/http/page.js';
import { intParam, param, redirect } from '#src/lib/http/request.js';
import { localise } from '#src/lib/i18n/messages.js';
import * as repo from './surat.repository.js';
import { AlasanSchema } from './surat.schema.js';
import {
  ajukanSurat,
  batalkanSurat,
  dataOf,
  langkahPelaku,
  type Pelaku,
  rantaiDesa,
  setujuiSurat,
  suratDesa,
  tolakSurat,
} from './surat.service.js';
import { publicUrlOf } from './surat-context.factory.js';
import type { SuratContext } from './surat-context.js';
import { type Boleh, type OrangSurat, SuratDetailPage } from './surat-detail.views.js';
import { boleh, desaRefOf, halaman, konteksOf, pelakuOf, sendPdf } from './surat-halaman.js';
import { findJenis } from './surat-jenis.repository.js';
import { fromRow } from './surat-jenis.service.js';
import { pratinjauTersimpan } from './surat-pratinjau.service.js';

type Gagal = { form: 'tolak' | 'batalkan'; state: FormState };

/** The letter page, its PDF, and the approval actions (each posts, then back to the page with a message). */
export function suratDetailRoutes(d: Deps) {
  /** Who is in the letter, NIK whole only for those who may read NIKs. */
  async function orangOf(kode: string, surat: repo.SuratRow, def: ReturnType<typeof fromRow>, fullNik: boolean) {
    const data = dataOf(surat);
    const out: OrangSurat[] = [];
    const resident = async (judul: string, id: number) => {
      const p = await findPenduduk(d.db, id);
      if (!p || p.desa_kode !== kode) return;
      const nik = p.nik ?? p.nik_sementara ?? '';
      out.push({ judul, nama: p.nama, nik: fullNik ? nik : maskNumber(nik), luar: false });
    };
    for (const b of def.blok) {
      const s = data.subjek[b.kode];
      if (!s) continue;
      if ('penduduk_id' in s) await resident(b.judul, s.penduduk_id);
      else if ('anggota' in s) for (const id of s.anggota) await resident(b.judul, id);
      else {
        const nik = s.luar.nik ?? '';
        out.push({ judul: b.judul, nama: s.luar.nama ?? '', nik: fullNik ? nik : maskNumber(nik), luar: true });
      }
    }
    return { out, isian: data.isian };
  }

  async function bolehOf(req: FastifyRequest, pelaku: Pelaku, surat: repo.SuratRow): Promise<Boleh> {
    const kode = surat.desa_kode;
    const tulis = boleh(req, 'write:surat', kode);
    let setujui: Boleh['setujui'] = null;
    const tertinggi = langkahTertinggi(langkahPelaku(pelaku, kode));
    if (surat.status === 'diajukan' && surat.langkah && tertinggi) {
      const next = setelahDisetujui(await rantaiDesa(d.db, kode), surat.langkah, tertinggi);
      if (next) setujui = { sebagai: req.m.surat.ui.langkahNama[tertinggi] ?? tertinggi, terbit: next.ke === 'terbit' };
    }
    return {
      ubah: tulis && bolehDiubah(surat.status),
      ajukan: tulis && bolehDiubah(surat.status),
      setujui,
      batalkan: tulis && bolehDibatalkan(surat.status),
    };
  }

  async function show(req: FastifyRequest, reply: FastifyReply, status = 200, gagal: Gagal | null = null) {
    const kode = param(req, 'kode');
    const surat = await suratDesa(d.db, kode, intParam(req, 'id'));
    const row = await findJenis(d.db, surat.jenis_id);
    if (!row) throw notFound();
    const def = fromRow(row);
    const { out, isian } = await orangOf(kode, surat, def, boleh(req, 'read:nik', kode));
    return sendPage(
      reply,
      status,
      h(SuratDetailPage, {
        ctx: await halaman(d, req, reply),
        desa: await desaRefOf(d, kode),
        surat,
        jenis: def,
        orang: out,
        isian,
        riwayat: await repo.listRiwayat(d.db, surat.id),
        penandatangan: readJson(surat.penandatangan) ?? null,
        boleh: await bolehOf(req, pelakuOf(req), surat),
        verifyUrl: surat.token ? `${publicUrlOf(d.env)}/v/${surat.token}` : null,
        gagal,
      }),
    );
  }

  type Aksi = (ctx: SuratContext, pelaku: Pelaku, kode: string, id: number) => Promise<void>;

  /** Run one action; a conflict (someone else acted first) comes back as the page's message; a refusal is a 403. */
  async function act(
    req: FastifyRequest,
    reply: FastifyReply,
    aksi: Aksi,
    pesan: (s: repo.SuratRow) => string,
    form?: Gagal['form'],
  ) {
    const kode = param(req, 'kode');
    const id = intParam(req, 'id');
    await suratDesa(d.db, kode, id);
    try {
      await aksi(konteksOf(d, req), pelakuOf(req), kode, id);
    } catch (error) {
      if (!isHttpError(error) || error.status >= 500 || error.status === 404 || error.status === 403) throw error;
      if (form && error.status === 400) {
        const failed = formStateFromError(error, req.body, req.m);
        if (failed) return show(req, reply, 400, { form, state: failed.state });
      }
      setFlash(reply, localise(error.key, req.m, error.params));
      return redirect(reply, `/desa/${kode}/surat/${id}`);
    }
    const after = await repo.findSurat(d.db, id);
    if (after) setFlash(reply, pesan(after));
    return redirect(reply, `/desa/${kode}/surat/${id}`);
  }

  /** Reject and cancel need a reason: checked here first, so the form shows the message next to the box. */
  async function withAlasan(
    req: FastifyRequest,
    reply: FastifyReply,
    form: Gagal['form'],
    run: (alasan: string) => Aksi,
  ) {
    const parsed = parseForm(AlasanSchema, req.body, req.m);
    if (!parsed.ok) {
      await suratDesa(d.db, param(req, 'kode'), intParam(req, 'id'));
      return show(req, reply, 400, { form, state: parsed.state });
    }
    const p = req.m.surat.ui.pesan;
    return act(req, reply, run(parsed.data.alasan), () => (form === 'tolak' ? p.ditolak : p.dibatalkan), form);
  }

  const terbitAtau = (req: FastifyRequest, lain: string) => (s: repo.SuratRow) =>
    s.status === 'selesai' && s.nomor ? req.m.surat.ui.pesan.terbit(s.nomor) : lain;

  return {
    show: (req: FastifyRequest, reply: FastifyReply) => show(req, reply),

    /** The signed PDF as stored when issued; before that, the draft preview (nothing saved). */
    async pdf(req: FastifyRequest, reply: FastifyReply) {
      const surat = await suratDesa(d.db, param(req, 'kode'), intParam(req, 'id'));
      if (surat.pdf_berkas) {
        const pdf = await d.files.read(surat.pdf_berkas);
        if (!pdf) throw notFound('suratPdfTidakAda');
        return sendPdf(reply, pdf, `${surat.nomor ?? `surat-${surat.id}`}.pdf`);
      }
      return sendPdf(reply, await pratinjauTersimpan(konteksOf(d, req), surat), `draf-surat-${surat.id}.pdf`);
    },

    ajukan: (req: FastifyRequest, reply: FastifyReply) =>
      act(req, reply, ajukanSurat, terbitAtau(req, req.m.surat.ui.pesan.diajukan)),

    setujui: (req: FastifyRequest, reply: FastifyReply) =>
      act(req, reply, setujuiSurat, terbitAtau(req, req.m.surat.ui.pesan.disetujui)),

    tolak: (req: FastifyRequest, reply: FastifyReply) =>
      withAlasan(req, reply, 'tolak', (alasan) => (ctx, pelaku, kode, id) => tolakSurat(ctx, pelaku, kode, id, alasan)),

    batalkan: (req: FastifyRequest, reply: FastifyReply) =>
      withAlasan(
        req,
        reply,
        'batalkan',
        (alasan) => (ctx, pelaku, kode, id) => batalkanSurat(ctx, pelaku, kode, id, alasan),
      ),
  };
}
