import { PassThrough } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type BarisTabel, persen } from '#src/domain/statistik-hitung.js';
import { unitLabels } from '#src/features/penduduk/penduduk-units.js';
import { regionTitle } from '#src/lib/views/region-title.js';
import { createXlsxWriter } from '#src/lib/xlsx/xlsx-write.js';
import type { KategoriHalaman } from './statistik-kategori.service.js';
import { teksStatistik } from './statistik-tampil.js';

/**
 * A category as a workbook (streamed): the reference's rows and summary rows with counts and shares, then where
 * and when it was counted. Shares are numbers (33.33 = 33,33%), as in the table on the page.
 */
export function kirimXlsx(req: FastifyRequest, reply: FastifyReply, data: KategoriHalaman) {
  const t = teksStatistik(req.lang);
  const k = t.kategori;
  const { tabel, wilayah, def } = data;
  const total = tabel.total.jumlah;
  const out = new PassThrough();
  const xlsx = createXlsxWriter({ stream: out });
  const sheet = xlsx.addSheet({
    name: t.xlsx.lembar,
    headers: [
      k.no,
      req.m.common.kode,
      k.kelompok,
      k.jumlah,
      `${k.jumlah} ${k.persen}`,
      k.laki,
      `${k.laki} ${k.persen}`,
      k.perempuan,
      `${k.perempuan} ${k.persen}`,
    ],
    textColumns: [1],
    widths: [5, 8, 36, 10, 10, 10, 10, 10, 10],
  });
  const baris = (b: BarisTabel, no: number | null) =>
    sheet.addRow([
      no,
      b.kode,
      b.label,
      b.jumlah,
      persen(b.jumlah, total),
      b.laki,
      persen(b.laki, total),
      b.perempuan,
      persen(b.perempuan, total),
    ]);
  tabel.baris.forEach((b, i) => {
    baris(b, i + 1);
  });
  for (const b of [tabel.jumlah, tabel.belumMengisi, tabel.total]) baris(b, null);
  const unit = data.unit?.dipilih ? unitLabels(data.unit.units, req.m).get(data.unit.dipilih) : undefined;
  sheet.addRow([]);
  sheet.addRow([
    null,
    null,
    t.xlsx.wilayah,
    [regionTitle(req.m, wilayah.tingkat, wilayah.nama), unit].filter(Boolean).join(' — '),
  ]);
  sheet.addRow([null, null, t.xlsx.kategori, def.label]);
  sheet.addRow([null, null, t.xlsx.perTanggal, new Date(data.tanggal)]);
  sheet.addRow([null, null, t.per.catatan, k.persenKet]);
  xlsx.commit().catch((error: unknown) => {
    req.log.error({ err: error }, 'statistik xlsx gagal');
    out.destroy(error as Error);
  });
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="statistik-${def.slug}-${wilayah.kode}-${data.tanggal}.xlsx"`)
    .header('cache-control', 'no-store')
    .send(out);
}
