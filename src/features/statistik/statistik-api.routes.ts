import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.js';
import type { BarisTabel } from '#src/domain/statistik-hitung.js';
import { param, query } from '#src/lib/http/request.js';
import { type StatistikContext, tabelWilayah } from './statistik.service.js';

/** A count as published: exact, or "<N" for 1…N-1 when small cells are hidden (0 stays 0). */
export function samarkan(n: number, min: number): number | string {
  return min > 0 && n > 0 && n < min ? `<${min}` : n;
}

/**
 * The open-data statistics API: aggregates only, never persons. `GET /api/v1/statistik/{kode}/{kategori}`
 * for a desa, kecamatan or kabupaten code, `?per=YYYY-MM-DD` for a past date. The rows are the category's
 * codes and the "belum mengisi" row (kode 777), so that they add up to `total`.
 */
export function statistikApiRoutes(d: Deps) {
  const ctx: StatistikContext = { db: d.db, dialect: d.dialect };
  const min = d.env.BALAI_STATISTIK_SEL_MIN;
  const row = (b: BarisTabel) => ({
    kode: b.kode,
    label: b.label,
    laki: samarkan(b.laki, min),
    perempuan: samarkan(b.perempuan, min),
    jumlah: samarkan(b.jumlah, min),
  });
  return {
    async kategori(req: FastifyRequest, reply: FastifyReply) {
      const t = await tabelWilayah(ctx, param(req, 'kode'), param(req, 'kategori'), query(req).per);
      reply.header('cache-control', 'public, max-age=60');
      return reply.send({
        kode: t.kode,
        kategori: t.kategori,
        label: t.label,
        per_tanggal: t.tanggal,
        baris: [...t.baris.map(row), row(t.belumMengisi)],
        jumlah: row(t.jumlah),
        total: t.total.jumlah,
        total_rinci: row(t.total),
        sel_minimum: min,
      });
    },
  };
}
