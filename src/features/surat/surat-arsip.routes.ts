import { PassThrough } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { Deps } from '#src/deps.js';
import { todayIn } from '#src/domain/age.js';
import { langkahTertinggi } from '#src/domain/surat-alur.js';
import { sendPage } from '#src/lib/http/page.js';
import { param, query } from '#src/lib/http/request.js';
import { createXlsxWriter } from '#src/lib/xlsx/xlsx-write.js';
import { listAgenda, searchSurat } from './surat.repository.js';
import { AgendaQuerySchema, ArsipQuerySchema, JenisQuerySchema } from './surat.schema.js';
import { langkahPelaku } from './surat.service.js';
import { AgendaPage, agendaCells } from './surat-agenda.views.js';
import { boleh, desaRefOf, halaman, pelakuOf } from './surat-halaman.js';
import { listJenisForDesa } from './surat-jenis.repository.js';
import { ensureJenisBawaan } from './surat-jenis.service.js';
import { ArsipPage, type JenisItem, PilihJenisPage } from './surat-list.views.js';

const PAGE = 50;
const MENUNGGU = 10;

/** The letters residents ask for most, listed first when choosing a type (matched on the type's name). */
const SERING = [
  /keterangan domisili$/i,
  /keterangan usaha$/i,
  /kurang mampu/i,
  /skck/i,
  /keterangan kelahiran$/i,
  /keterangan kematian$/i,
  /pindah penduduk/i,
];

/** The archive (search, waiting list), the type picker, and the Buku Agenda Surat Keluar (page and xlsx). */
export function suratArsipRoutes(d: Deps) {
  async function jenisAktif(kode: string) {
    await ensureJenisBawaan(d.db);
    return (await listJenisForDesa(d.db, kode)).filter((j) => j.aktif === 1 && j.nonaktif_desa !== 1);
  }

  const tahunOf = (req: FastifyRequest) => AgendaQuerySchema.parse(query(req)).tahun ?? Number(todayIn().slice(0, 4));

  return {
    async list(req: FastifyRequest, reply: FastifyReply) {
      const kode = param(req, 'kode');
      const f = ArsipQuerySchema.parse(query(req));
      const page = f.halaman ?? 1;
      const tertinggi = langkahTertinggi(langkahPelaku(pelakuOf(req), kode));
      // a kepala desa may also approve letters still waiting for the sekretaris; a sekretaris only those
      const langkahSaya = tertinggi === 'sekdes' ? ('sekdes' as const) : undefined;
      const menungguSaya = f.status === 'menunggu' && tertinggi !== null;
      const rows = await searchSurat(d.db, {
        desaKode: kode,
        ...(f.status && (f.status !== 'menunggu' || menungguSaya) ? { status: f.status } : {}),
        ...(menungguSaya && langkahSaya ? { langkah: langkahSaya } : {}),
        ...(f.q ? { q: f.q } : {}),
        ...(f.jenis ? { jenisId: f.jenis } : {}),
        ...(f.dari ? { dari: f.dari } : {}),
        ...(f.sampai ? { sampai: f.sampai } : {}),
        limit: PAGE + 1,
        offset: (page - 1) * PAGE,
      });
      // the waiting list comes first on the archive's first page (not when the filter already shows just that)
      const menunggu =
        tertinggi && page === 1 && !menungguSaya
          ? await searchSurat(d.db, {
              desaKode: kode,
              status: 'menunggu',
              ...(langkahSaya ? { langkah: langkahSaya } : {}),
              limit: MENUNGGU,
              offset: 0,
            })
          : null;
      const keep = ['q', 'jenis', 'status', 'dari', 'sampai'] as const;
      return sendPage(
        reply,
        200,
        h(ArsipPage, {
          ctx: await halaman(d, req, reply),
          desa: await desaRefOf(d, kode),
          query: Object.fromEntries(keep.map((k) => [k, f[k] === undefined ? '' : String(f[k])])),
          rows: rows.slice(0, PAGE),
          page,
          hasNext: rows.length > PAGE,
          menunggu,
          bisaMenyetujui: tertinggi !== null,
          jenis: (await jenisAktif(kode)).map((j) => ({ id: j.id, nama: j.nama })),
          canWrite: boleh(req, 'write:surat', kode),
          canSetting: boleh(req, 'setting:surat', kode),
        }),
      );
    },

    async pilihJenis(req: FastifyRequest, reply: FastifyReply) {
      const kode = param(req, 'kode');
      const q = (JenisQuerySchema.parse(query(req)).q ?? '').toLowerCase();
      const all: JenisItem[] = (await jenisAktif(kode)).map((j) => ({ slug: j.slug, kode: j.kode, nama: j.nama }));
      const semua = q ? all.filter((j) => `${j.nama} ${j.kode}`.toLowerCase().includes(q)) : all;
      const sering = q
        ? []
        : SERING.map((re) => all.find((j) => re.test(j.nama))).filter((j): j is JenisItem => j !== undefined);
      return sendPage(
        reply,
        200,
        h(PilihJenisPage, { ctx: await halaman(d, req, reply), desa: await desaRefOf(d, kode), q, sering, semua }),
      );
    },

    async agenda(req: FastifyRequest, reply: FastifyReply) {
      const kode = param(req, 'kode');
      const tahun = tahunOf(req);
      const sekarang = Number(todayIn().slice(0, 4));
      const tahunPilihan = [...new Set([sekarang, sekarang - 1, sekarang - 2, sekarang - 3, sekarang - 4, tahun])].sort(
        (a, b) => b - a,
      );
      return sendPage(
        reply,
        200,
        h(AgendaPage, {
          ctx: await halaman(d, req, reply),
          desa: await desaRefOf(d, kode),
          tahun,
          tahunPilihan,
          rows: await listAgenda(d.db, kode, tahun),
        }),
      );
    },

    /** The same register as a workbook (streamed). */
    async agendaXlsx(req: FastifyRequest, reply: FastifyReply) {
      const kode = param(req, 'kode');
      const tahun = tahunOf(req);
      const rows = await listAgenda(d.db, kode, tahun);
      const a = req.m.surat.ui.agenda;
      const out = new PassThrough();
      const xlsx = createXlsxWriter({ stream: out });
      const sheet = xlsx.addSheet({
        name: a.lembar,
        headers: [
          a.kolomNo,
          a.kolomNomor,
          a.kolomTanggal,
          a.kolomJenis,
          a.kolomPerihal,
          a.kolomPenandatangan,
          a.kolomKeterangan,
        ],
        textColumns: [1],
        widths: [5, 32, 12, 36, 30, 36, 36],
      });
      rows.forEach((r, i) => {
        const c = agendaCells(r, req.m);
        sheet.addRow([
          i + 1,
          c.nomor,
          r.tanggal ? new Date(r.tanggal) : null,
          c.jenis,
          c.perihal,
          c.penandatangan,
          c.keterangan,
        ]);
      });
      xlsx.commit().catch((error: unknown) => {
        req.log.error({ err: error }, 'agenda surat xlsx gagal');
        out.destroy(error as Error);
      });
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="agenda-surat-keluar-${kode}-${tahun}.xlsx"`)
        .header('cache-control', 'no-store')
        .send(out);
    },
  };
}
