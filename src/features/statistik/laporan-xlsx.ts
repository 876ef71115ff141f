import { PassThrough } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GARIS_KELUAR, GARIS_MASUK } from '#src/domain/laporan-mutasi.js';
import { createXlsxWriter, type WritableCell, type XlsxWriter } from '#src/lib/xlsx/xlsx-write.js';
import type { Dpt } from './dpt.service.js';
import { jkSingkat } from './dpt.views.js';
import type { LaporanBulanan, Susulan } from './laporan-bulanan.service.js';
import { barisBulanan, selBulanan, selRingkas } from './laporan-bulanan.views.js';
import type { LaporanRentan } from './laporan-rentan.service.js';
import { kepalaRentan, selRentan } from './laporan-rentan.views.js';
import { namaWilayah, type Teks } from './laporan-ui.js';
import { kolomRekap, type Rekap } from './rekap.service.js';
import { teksKeterangan } from './rekap.views.js';

/** The reports as workbooks (streamed, exceljs), with the same cells as the pages. */

export function kirimXlsx(req: FastifyRequest, reply: FastifyReply, filename: string, tulis: (w: XlsxWriter) => void) {
  const out = new PassThrough();
  const xlsx = createXlsxWriter({ stream: out });
  tulis(xlsx);
  xlsx.commit().catch((error: unknown) => {
    req.log.error({ err: error }, 'laporan xlsx gagal');
    out.destroy(error as Error);
  });
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]+/g, '-')}"`)
    .header('cache-control', 'no-store')
    .send(out);
}

function lembarSusulan(w: XlsxWriter, rows: readonly Susulan[], t: Teks) {
  const s = t.susulan;
  const sheet = w.addSheet({
    name: t.lembar.susulan,
    headers: [s.nama, s.peristiwa, s.tglPeristiwa, s.tglLapor, s.jenis],
    widths: [30, 16, 14, 14, 22],
  });
  for (const r of rows)
    sheet.addRow([
      r.nama,
      t.peristiwa[r.kode] ?? String(r.kode),
      new Date(r.tglPeristiwa),
      new Date(r.tglLapor),
      s[r.jenis],
    ]);
}

export function tulisBulanan(w: XlsxWriter, l: LaporanBulanan, t: Teks, desa: boolean) {
  const k = t.kolom;
  const main = w.addSheet({
    name: t.lembar.bulanan,
    headers: [
      k.rincian,
      `${k.wni} ${k.laki}`,
      `${k.wni} ${k.perempuan}`,
      `${k.wna} ${k.laki}`,
      `${k.wna} ${k.perempuan}`,
      k.laki,
      k.perempuan,
      k.jiwa,
      k.kk,
    ],
    widths: [36, 9, 9, 9, 9, 9, 9, 9, 9],
  });
  for (const b of barisBulanan(l.total, t)) main.addRow([b.sub ? `  ${b.label}` : b.label, ...selBulanan(b.angka)]);
  main.addRow([]);
  main.addRow([k.wilayah, `${l.nama} (${l.kode})`]);
  main.addRow([t.bulan, l.rentang.bulan]);
  main.addRow([t.garis.awal, new Date(l.rentang.awal)]);
  main.addRow([t.garis.akhir, new Date(l.rentang.akhir)]);
  for (const c of t.catatanBulanan) main.addRow([c]);

  const rows = w.addSheet({
    name: t.lembar.baris,
    headers: [
      desa ? k.dusun : k.desa,
      t.garis.awal,
      ...GARIS_MASUK.map((g) => t.garis[g]),
      ...GARIS_KELUAR.map((g) => t.garis[g]),
      t.garis.akhir,
      k.kkAwal,
      k.kkAkhir,
    ],
    widths: [28, 12, 10, 10, 10, 10, 10, 10, 12, 12, 12],
  });
  for (const b of l.baris) rows.addRow([b.nama || t.tanpaDusun, ...selRingkas(b.mutasi)]);
  rows.addRow([k.jumlah, ...selRingkas(l.total)]);
  lembarSusulan(w, l.susulan, t);
}

/** The 33 columns with their book numbers, flattened into one header row. */
function kepalaRekap(t: Teks): string[] {
  const r = t.rekap;
  const k = t.kolom;
  const wj = [`${k.wna} ${k.laki}`, `${k.wna} ${k.perempuan}`, `${k.wni} ${k.laki}`, `${k.wni} ${k.perempuan}`];
  const keadaan = (g: string) => [
    ...wj.map((x) => `${g}: ${x}`),
    `${g}: ${r.jumlahKk}`,
    `${g}: ${r.anggota}`,
    `${g}: ${r.jiwa}`,
  ];
  const names = [
    k.no,
    r.nama,
    ...keadaan(r.awal),
    ...[r.lahir, r.datang, r.meninggal, r.pindah].flatMap((g) => wj.map((x) => `${g}: ${x}`)),
    ...keadaan(r.akhir),
    r.keterangan,
  ];
  return names.map((n, i) => `${i + 1}. ${n}`);
}

export function tulisRekap(w: XlsxWriter, rekap: Rekap, t: Teks) {
  const sheet = w.addSheet({
    name: t.lembar.rekap,
    headers: kepalaRekap(t),
    widths: [5, 24, ...Array.from({ length: 30 }, () => 10), 30],
  });
  for (const b of [...rekap.baris, rekap.total]) {
    const row: WritableCell[] = [b.no, b.no === null ? t.rekap.jumlah : b.nama || t.tanpaDusun];
    sheet.addRow([...row, ...kolomRekap(b.mutasi), teksKeterangan(b.mutasi, t)]);
  }
  lembarSusulan(w, rekap.susulan, t);
}

export function tulisRentan(w: XlsxWriter, l: LaporanRentan, t: Teks) {
  const heads = kepalaRentan(t);
  const sheet = w.addSheet({
    name: t.lembar.rentan,
    headers: [t.kolom.wilayah, ...heads],
    widths: [32, ...heads.map(() => 11)],
  });
  for (const b of l.baris) sheet.addRow([namaWilayah(b.wilayah, t), ...selRentan(b.rentan)]);
  sheet.addRow([t.rentan.jumlah, ...selRentan(l.total)]);
  sheet.addRow([]);
  sheet.addRow([t.per, new Date(l.tanggal)]);
  for (const c of t.rentan.catatan) sheet.addRow([c]);
}

export function tulisDpt(w: XlsxWriter, dpt: Dpt, t: Teks) {
  const d = t.dpt;
  const sheet = w.addSheet({
    name: t.lembar.dpt,
    headers: [
      t.kolom.no,
      d.nama,
      d.nik,
      d.jk,
      d.umur,
      d.alamat,
      t.tingkatNama.dusun,
      t.tingkatNama.rw,
      t.tingkatNama.rt,
    ],
    textColumns: [2],
    widths: [6, 30, 19, 5, 6, 30, 16, 6, 6],
  });
  dpt.daftar.forEach((p, i) => {
    sheet.addRow([
      i + 1,
      p.nama,
      p.nik,
      jkSingkat(p.sex, t),
      p.umur,
      p.alamat,
      p.wilayah.dusun?.nama ?? '',
      p.wilayah.rw?.nama ?? '',
      p.wilayah.rt?.nama ?? '',
    ]);
  });
}
