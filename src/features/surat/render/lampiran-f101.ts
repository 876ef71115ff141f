/**
 * F-1.01 Formulir Biodata Keluarga (Permendagri 109/2019), on a landscape page: the region, the family (KK) data
 * and a table of its members, then signatures of the head of family and the kepala desa.
 *
 * values (keys, lower case; a missing or empty key prints the empty-value text):
 *   nama_provinsi, nama_kabupaten, nama_kecamatan, nama_desa, kode_desa   region
 *   no_kk, nama_kepala_keluarga, alamat, rt, rw, nama_dusun, kode_pos, telepon
 * anggota[] (one map per member, in KK order):
 *   nama, nik, jenis_kelamin, tempat_lahir, tanggal_lahir, agama, pendidikan, pekerjaan, status_kawin,
 *   shdk (status hubungan dalam keluarga), nama_ayah, nama_ibu
 */
import { halamanFormulir, isianTyp, nipBaris, pembaca, ttdTyp, wilayahTyp } from './lampiran-bantu.js';
import type { LampiranInput, LampiranKonteks } from './surat-render.types.js';
import { typStr } from './typst-teks.js';

const KOLOM: Array<[judul: string, lebar: string]> = [
  ['No', '0.7cm'],
  ['Nama Lengkap', '1.6fr'],
  ['NIK', '2.9cm'],
  ['Jenis Kelamin', '1.6cm'],
  ['Tempat/Tanggal Lahir', '1.5fr'],
  ['Agama', '1.4cm'],
  ['Pendidikan', '1fr'],
  ['Pekerjaan', '1fr'],
  ['Status Kawin', '1.6cm'],
  ['SHDK', '1.7cm'],
  ['Nama Ayah', '1.2fr'],
  ['Nama Ibu', '1.2fr'],
];

function barisAnggota(a: Record<string, string>, nomor: number, kosong: string): string[] {
  const v = pembaca(a, kosong);
  const tempat = (a.tempat_lahir ?? '').trim();
  const tanggal = (a.tanggal_lahir ?? '').trim();
  const ttl = [tempat, tanggal].filter(Boolean).join(', ') || kosong;
  return [
    String(nomor),
    v('nama'),
    v('nik'),
    v('jenis_kelamin'),
    ttl,
    v('agama'),
    v('pendidikan'),
    v('pekerjaan'),
    v('status_kawin'),
    v('shdk'),
    v('nama_ayah'),
    v('nama_ibu'),
  ];
}

export function lampiranF101(input: LampiranInput, ctx: LampiranKonteks): string {
  const v = pembaca(input.values, ctx.kosong);
  const anggota = input.anggota ?? [];
  const rows = anggota.map((a, i) =>
    barisAnggota(a, i + 1, ctx.kosong)
      .map(typStr)
      .join(', '),
  );
  const rt = `${v('rt')} / ${v('rw')}`;
  const tabel = `#block(width: 100%, table(
  columns: (${KOLOM.map(([, l]) => l).join(', ')}),
  inset: 3pt,
  stroke: 0.5pt,
  align: (x, y) => if y == 0 { center + horizon } else { left + top },
  table.header(${KOLOM.map(([j]) => `strong(${typStr(j)})`).join(', ')}),
  ${rows.length > 0 ? `${rows.join(',\n  ')},` : `table.cell(colspan: ${KOLOM.length}, align: center, ${typStr('Tidak ada anggota keluarga')}),`}
))`;
  const isi = [
    '#kode-formulir("F-1.01")',
    '#judul-formulir("FORMULIR BIODATA KELUARGA")',
    '#grid(columns: (1fr, 1fr), column-gutter: 1cm,',
    `[${wilayahTyp(v)}],`,
    `[${isianTyp(
      'DATA KELUARGA',
      [
        ['Nomor Kartu Keluarga', v('no_kk')],
        ['Nama Kepala Keluarga', v('nama_kepala_keluarga')],
        ['Alamat', v('alamat')],
        ['RT / RW', rt],
        ['Dusun', v('nama_dusun')],
        ['Kode Pos / Telepon', `${v('kode_pos')} / ${v('telepon')}`],
      ],
      '4.5cm',
    )}])`,
    '#text(weight: "bold", "DATA ANGGOTA KELUARGA")',
    '#set text(size: 8.5pt)',
    tabel,
    '#set text(size: 10pt)',
    ttdTyp([
      [`Mengetahui,\n${ctx.penandatangan.jabatan}`, ctx.penandatangan.nama, nipBaris(ctx.penandatangan.nip)],
      [`${ctx.tempatTanggal}\nKepala Keluarga`, v('nama_kepala_keluarga'), null],
    ]),
  ].join('\n');
  return halamanFormulir(ctx, true, isi);
}
