import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { Deps } from '#src/deps.js';
import { HEADERS, KODE_DATA, kodeDataSheet, TEXT_COLUMNS } from '#src/features/ekspor/ekspor-baris.js';
import { getInstallationKabupaten } from '#src/features/instalasi/instalasi.service.js';
import { isHttpError, notFound } from '#src/lib/errors.js';
import { setFlash } from '#src/lib/http/flash.js';
import { pageCtx, sendPage } from '#src/lib/http/page.js';
import { actorOf, intParam, param, redirect } from '#src/lib/http/request.js';
import { localise } from '#src/lib/i18n/messages.js';
import { XlsxRejected } from '#src/lib/xlsx/xlsx-check.js';
import { createXlsxWriter } from '#src/lib/xlsx/xlsx-write.js';
import { ImporUploadSchema } from './impor.schema.js';
import { ImporJobPage, ImporPage } from './impor.views.js';
import { writeReport } from './impor-laporan.service.js';
import {
  cancelImport,
  commitImport,
  getJob,
  type ImporContext,
  importLimits,
  listJobs,
  startImport,
} from './impor-tugas.service.js';

/** The OpenSID import screens of a desa: upload → preview (counts, problems) → apply or cancel → report. */
export function imporRoutes(d: Deps) {
  const ctx: ImporContext = {
    db: d.db,
    dataDir: d.env.BALAI_DATA_DIR,
    limits: importLimits(d.env),
  };
  const installation = async () => (await getInstallationKabupaten(d.db))?.nama ?? null;

  async function page(req: FastifyRequest, reply: FastifyReply, status = 200, error: string | null = null) {
    const kode = param(req, 'kode');
    const jobs = await listJobs(ctx, kode);
    const maxMb = Math.floor(d.env.BALAI_IMPORT_LIMIT / 1024 / 1024);
    return sendPage(
      reply,
      status,
      h(ImporPage, { ctx: pageCtx(req, reply, await installation()), kode, jobs, maxMb, error }),
    );
  }

  /** A job of this desa (another desa's job id → 404, as if it did not exist). */
  async function jobOf(req: FastifyRequest) {
    const job = await getJob({ ...ctx, log: req.log }, intParam(req, 'id'));
    if (job.desa_kode !== param(req, 'kode')) throw notFound();
    return job;
  }

  return {
    page: (req: FastifyRequest, reply: FastifyReply) => page(req, reply),

    async upload(req: FastifyRequest, reply: FastifyReply) {
      const kode = param(req, 'kode');
      const parsed = ImporUploadSchema.safeParse(req.body);
      if (!parsed.success) return page(req, reply, 400, req.m.err.imporTanpaBerkas);
      const dir = join(resolve(ctx.dataDir), 'impor');
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const tmp = join(dir, `unggah-${randomUUID()}.xlsx`);
      await writeFile(tmp, parsed.data.berkas, { mode: 0o600 });
      try {
        const id = await startImport({ ...ctx, log: req.log }, actorOf(req), {
          desaKode: kode,
          jenis: parsed.data.jenis,
          path: tmp,
          nama: parsed.data.nama,
          ukuran: parsed.data.berkas.length,
        });
        return redirect(reply, `/desa/${kode}/impor/${id}`);
      } catch (error) {
        if (error instanceof XlsxRejected) return page(req, reply, 400, error.message);
        if (isHttpError(error) && error.status === 409) return page(req, reply, 409, localise(error.key, req.m));
        throw error;
      }
    },

    async job(req: FastifyRequest, reply: FastifyReply) {
      const job = await jobOf(req);
      return sendPage(reply, 200, h(ImporJobPage, { ctx: pageCtx(req, reply, await installation()), job }));
    },

    async commit(req: FastifyRequest, reply: FastifyReply) {
      const job = await jobOf(req);
      await commitImport({ ...ctx, log: req.log }, actorOf(req), job.id);
      return redirect(reply, `/desa/${job.desa_kode}/impor/${job.id}`);
    },

    async cancel(req: FastifyRequest, reply: FastifyReply) {
      const job = await jobOf(req);
      await cancelImport(ctx, job.id);
      setFlash(reply, req.m.impor.dibatalkanPesan);
      return redirect(reply, `/desa/${job.desa_kode}/impor`);
    },

    async report(req: FastifyRequest, reply: FastifyReply) {
      const job = await jobOf(req);
      if (!job.hasil || !['siap', 'menerapkan', 'selesai'].includes(job.status)) throw notFound();
      const out = new PassThrough();
      writeReport(ctx, job.id, job.hasil, req.m, out).catch((error: unknown) => {
        req.log.error({ err: error }, 'laporan impor gagal');
        out.destroy(error as Error);
      });
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="laporan-impor-${job.id}.xlsx"`)
        .header('cache-control', 'no-store')
        .send(out);
    },

    /** An empty workbook in the OpenSID layout: the 43 headers, the `###` marker, and the code sheet. */
    async template(_req: FastifyRequest, reply: FastifyReply) {
      const out = new PassThrough();
      const xlsx = createXlsxWriter({ stream: out });
      const data = xlsx.addSheet({ name: 'Data Penduduk', headers: [...HEADERS], textColumns: [...TEXT_COLUMNS] });
      data.addRow([
        '',
        '###',
        'Isi data di atas baris ini (sisipkan baris). Kolom nik, no_kk, ayah_nik, ibu_nik: teks 16 angka.',
      ]);
      data.commit();
      const codes = kodeDataSheet();
      const sheet = xlsx.addSheet({ name: KODE_DATA, headers: codes.headers });
      for (const row of codes.rows) sheet.addRow(row);
      sheet.commit();
      void xlsx.commit();
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="FormatImporExcel-Balai.xlsx"')
        .send(out);
    },
  };
}
