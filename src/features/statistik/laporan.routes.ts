import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { Deps } from '#src/deps.js';
import { findDesaWithRegion } from '#src/features/desa/desa.repository.js';
import { getInstallationKabupaten } from '#src/features/instalasi/instalasi.service.js';
import { can } from '#src/features/penduduk/penduduk-scope.js';
import { findRegion } from '#src/features/wilayah/wilayah.repository.js';
import { regionTarget } from '#src/features/wilayah/wilayah.routes.js';
import { audit } from '#src/lib/audit/audit.js';
import { forbidden, isHttpError, notFound } from '#src/lib/errors.js';
import { pageCtx, sendPage } from '#src/lib/http/page.js';
import { actorOf, param, query } from '#src/lib/http/request.js';
import type { RouteDef } from '#src/lib/http/route.js';
import { localise } from '#src/lib/i18n/messages.js';
import { regionTitle } from '#src/lib/views/region-title.js';
import { daftarPemilih } from './dpt.service.js';
import { DptPage } from './dpt.views.js';
import { BulanQuerySchema, DptQuerySchema, RentanQuerySchema } from './laporan.schema.js';
import { laporanBulanan } from './laporan-bulanan.service.js';
import { BulananPage } from './laporan-bulanan.views.js';
import { LaporanIndeksPage } from './laporan-indeks.views.js';
import { laporanRentan } from './laporan-rentan.service.js';
import { RentanPage } from './laporan-rentan.views.js';
import { type DesaRef, teksUntuk } from './laporan-ui.js';
import { kirimXlsx, tulisBulanan, tulisDpt, tulisRekap, tulisRentan } from './laporan-xlsx.js';
import { rekapBulanan } from './rekap.service.js';
import { RekapPage } from './rekap.views.js';
import type { StatistikContext } from './statistik.service.js';

/**
 * A report, or the message of a bad month/date (the page then answers 400 with the form and no report).
 * `pesan` words the error for the field of that page; by default the service's message.
 */
async function coba<T>(
  req: FastifyRequest,
  fn: () => Promise<T>,
  pesan?: (key: string) => string,
): Promise<{ data: T | null; galat: string | null }> {
  try {
    return { data: await fn(), galat: null };
  } catch (error) {
    if (isHttpError(error) && error.status === 400)
      return { data: null, galat: pesan ? pesan(error.key) : localise(error.key, req.m) };
    throw error;
  }
}

/**
 * The population reports of a desa (/desa/:kode/laporan/…: monthly report, recap book B3, vulnerable groups,
 * DPT; pages and .xlsx) and the monthly report of any region (/statistik/:kode/laporan-bulanan). Every route
 * asks read:penduduk on the region; the DPT workbook (full NIKs) also read:nik, and is audited.
 */
export function laporanRouteDefs(d: Deps): RouteDef[] {
  const ctx: StatistikContext = { db: d.db, dialect: d.dialect };
  const halaman = async (req: FastifyRequest, reply: FastifyReply) =>
    pageCtx(req, reply, (await getInstallationKabupaten(d.db))?.nama ?? null);
  const desaOf = async (req: FastifyRequest): Promise<DesaRef> => {
    const kode = param(req, 'kode');
    const desa = await findDesaWithRegion(d.db, kode);
    if (!desa) throw notFound('desaBelumAktif', { kode });
    return { kode, nama: desa.nama };
  };
  const bulanOf = (req: FastifyRequest) => BulanQuerySchema.parse(query(req)).bulan;
  const t = (req: FastifyRequest) => teksUntuk(req.lang);
  const galatBulan = (req: FastifyRequest) => (key: string) =>
    key === 'statistikTanggalNanti' ? t(req).galat.bulanNanti : t(req).galat.bulanSalah;

  const read = { access: 'read:penduduk', target: regionTarget } as const;
  const base = '/desa/:kode/laporan';
  return [
    {
      method: 'GET',
      url: base,
      ...read,
      handler: async (req, reply) =>
        sendPage(reply, 200, h(LaporanIndeksPage, { ctx: await halaman(req, reply), desa: await desaOf(req) })),
    },
    {
      method: 'GET',
      url: `${base}/bulanan`,
      ...read,
      handler: async (req, reply) => {
        const desa = await desaOf(req);
        const r = await coba(req, () => laporanBulanan(ctx, desa.kode, bulanOf(req)), galatBulan(req));
        const page = h(BulananPage, {
          ctx: await halaman(req, reply),
          base: `/desa/${desa.kode}/laporan/bulanan`,
          desa,
          judulWilayah: desa.nama,
          bulan: r.data?.rentang.bulan ?? bulanOf(req) ?? '',
          laporan: r.data,
          galat: r.galat,
        });
        return sendPage(reply, r.galat ? 400 : 200, page);
      },
    },
    {
      method: 'GET',
      url: `${base}/bulanan.xlsx`,
      ...read,
      handler: async (req, reply) => {
        const l = await laporanBulanan(ctx, (await desaOf(req)).kode, bulanOf(req));
        return kirimXlsx(req, reply, `laporan-bulanan-${l.kode}-${l.rentang.bulan}.xlsx`, (w) =>
          tulisBulanan(w, l, t(req), true),
        );
      },
    },
    {
      method: 'GET',
      url: `${base}/rekap`,
      ...read,
      handler: async (req, reply) => {
        const desa = await desaOf(req);
        const r = await coba(req, () => rekapBulanan(ctx, desa.kode, bulanOf(req)), galatBulan(req));
        const page = h(RekapPage, {
          ctx: await halaman(req, reply),
          desa,
          bulan: r.data?.rentang.bulan ?? bulanOf(req) ?? '',
          rekap: r.data,
          galat: r.galat,
        });
        return sendPage(reply, r.galat ? 400 : 200, page);
      },
    },
    {
      method: 'GET',
      url: `${base}/rekap.xlsx`,
      ...read,
      handler: async (req, reply) => {
        const rekap = await rekapBulanan(ctx, (await desaOf(req)).kode, bulanOf(req));
        return kirimXlsx(req, reply, `rekapitulasi-penduduk-${rekap.kode}-${rekap.rentang.bulan}.xlsx`, (w) =>
          tulisRekap(w, rekap, t(req)),
        );
      },
    },
    {
      method: 'GET',
      url: `${base}/rentan`,
      ...read,
      handler: async (req, reply) => {
        const desa = await desaOf(req);
        const q = RentanQuerySchema.parse(query(req));
        const r = await coba(req, () => laporanRentan(ctx, desa.kode, q.per, q.tingkat));
        const page = h(RentanPage, {
          ctx: await halaman(req, reply),
          desa,
          per: r.data?.tanggal ?? q.per ?? '',
          tingkat: q.tingkat ?? 'dusun',
          laporan: r.data,
          galat: r.galat,
        });
        return sendPage(reply, r.galat ? 400 : 200, page);
      },
    },
    {
      method: 'GET',
      url: `${base}/rentan.xlsx`,
      ...read,
      handler: async (req, reply) => {
        const q = RentanQuerySchema.parse(query(req));
        const l = await laporanRentan(ctx, (await desaOf(req)).kode, q.per, q.tingkat);
        return kirimXlsx(req, reply, `kelompok-rentan-${l.kode}-${l.tanggal}.xlsx`, (w) => tulisRentan(w, l, t(req)));
      },
    },
    {
      method: 'GET',
      url: `${base}/dpt`,
      ...read,
      handler: async (req, reply) => {
        const desa = await desaOf(req);
        const pemilu = DptQuerySchema.parse(query(req)).pemilu;
        const nikPenuh = can(req, 'read:nik', { kode: desa.kode });
        const r = pemilu
          ? await coba(
              req,
              () => daftarPemilih(ctx, desa.kode, pemilu, nikPenuh),
              () => t(req).galat.pemiluSalah,
            )
          : { data: null, galat: null };
        const page = h(DptPage, {
          ctx: await halaman(req, reply),
          desa,
          pemilu: pemilu ?? '',
          dpt: r.data,
          nikPenuh,
          galat: r.galat,
        });
        return sendPage(reply, r.galat ? 400 : 200, page);
      },
    },
    {
      method: 'GET',
      url: `${base}/dpt.xlsx`,
      ...read,
      handler: async (req, reply) => {
        const desa = await desaOf(req);
        if (!can(req, 'read:nik', { kode: desa.kode })) throw forbidden();
        const dpt = await daftarPemilih(ctx, desa.kode, DptQuerySchema.parse(query(req)).pemilu ?? '', true);
        await audit.recordRead(d.db, actorOf(req), {
          aksi: 'ekspor',
          entitas: 'penduduk',
          desaKode: desa.kode,
          alasan: `DPT pemilihan ${dpt.tanggalPemilu}; ${dpt.daftar.length} baris; NIK lengkap`,
        });
        return kirimXlsx(req, reply, `dpt-${desa.kode}-${dpt.tanggalPemilu}.xlsx`, (w) => tulisDpt(w, dpt, t(req)));
      },
    },

    // the monthly report of a kecamatan or kabupaten (the sum of its active desa; a desa code works too)
    {
      method: 'GET',
      url: '/statistik/:kode/laporan-bulanan',
      ...read,
      handler: async (req, reply) => {
        const kode = param(req, 'kode');
        const region = await findRegion(d.db, kode);
        if (!region) throw notFound();
        const r = await coba(req, () => laporanBulanan(ctx, kode, bulanOf(req)), galatBulan(req));
        const page = h(BulananPage, {
          ctx: await halaman(req, reply),
          base: `/statistik/${kode}/laporan-bulanan`,
          desa: null,
          judulWilayah: regionTitle(req.m, region.tingkat, region.nama),
          bulan: r.data?.rentang.bulan ?? bulanOf(req) ?? '',
          laporan: r.data,
          galat: r.galat,
        });
        return sendPage(reply, r.galat ? 400 : 200, page);
      },
    },
    {
      method: 'GET',
      url: '/statistik/:kode/laporan-bulanan.xlsx',
      ...read,
      handler: async (req, reply) => {
        const l = await laporanBulanan(ctx, param(req, 'kode'), bulanOf(req));
        return kirimXlsx(req, reply, `laporan-bulanan-${l.kode}-${l.rentang.bulan}.xlsx`, (w) =>
          tulisBulanan(w, l, t(req), false),
        );
      },
    },
  ];
}
