#!/usr/bin/env node
/**
 * Generate a valid OpenSID resident workbook for benchmarks: `node scripts/bench/gen-opensid.mjs ROWS OUT.xlsx`.
 * Deterministic (seeded), families of 1–6 with one head each, valid unique NIKs (Kaliori prefix 331709),
 * unique KK numbers, codes as numbers, dates in the three accepted text forms, RW/RT and dusun names as
 * OpenSID writes them. Streams the workbook (flat memory at 1,000,000 rows). The file is not committed.
 */
import ExcelJS from 'exceljs';

const HEADERS = [
  'alamat',
  'dusun',
  'rw',
  'rt',
  'nama',
  'no_kk',
  'nik',
  'sex',
  'tempatlahir',
  'tanggallahir',
  'agama_id',
  'pendidikan_kk_id',
  'pendidikan_sedang_id',
  'pekerjaan_id',
  'status_kawin',
  'kk_level',
  'warganegara_id',
  'ayah_nik',
  'nama_ayah',
  'ibu_nik',
  'nama_ibu',
  'golongan_darah_id',
  'akta_lahir',
  'dokumen_pasport',
  'tanggal_akhir_paspor',
  'dokumen_kitas',
  'akta_perkawinan',
  'tanggalperkawinan',
  'akta_perceraian',
  'tanggalperceraian',
  'cacat_id',
  'cara_kb_id',
  'hamil',
  'ktp_el',
  'status_rekam',
  'alamat_sekarang',
  'status_dasar',
  'suku',
  'tag_id_card',
  'id_asuransi',
  'no_asuransi',
  'lat',
  'lng',
];
const FIRST = [
  'Budi',
  'Siti',
  'Agus',
  'Sri',
  'Joko',
  'Dewi',
  'Slamet',
  'Wati',
  'Bambang',
  'Yuni',
  'Eko',
  'Rina',
  'Teguh',
  'Ani',
  'Hadi',
  'Nur',
  'Ahmad',
  'Dian',
  'Fajar',
  'Indah',
  'Rizki',
  'Putri',
  'Sigit',
  'Lina',
  'Wahyu',
  'Ratna',
  'Bayu',
  'Endang',
  'Gilang',
  'Tuti',
];
const MIDDLE = [
  '',
  'Adi',
  'Dwi',
  'Tri',
  'Eka',
  'Nur',
  'Sri',
  'Budi',
  'Wahyu',
  'Puspa',
  'Arum',
  'Jaya',
  'Mulya',
  'Sari',
  'Tirta',
  'Bagus',
  'Ayu',
  'Catur',
  'Panca',
  'Dewa',
];
const LAST = [
  'Santoso',
  'Rahayu',
  'Wibowo',
  'Lestari',
  'Susanto',
  'Purnomo',
  'Hidayat',
  'Wulandari',
  'Prasetyo',
  'Kurniawan',
  'Saputra',
  'Handayani',
  'Setiawan',
  'Nugroho',
  'Utami',
  'Permana',
  'Suryani',
  'Gunawan',
  'Maharani',
  'Firmansyah',
  'Pratama',
  'Safitri',
  'Hartono',
  'Yulianti',
  'Haryanto',
  'Kusuma',
];

export async function generate(rows, out) {
  // mulberry32: a small seeded generator with 32-bit integer arithmetic (no precision loss)
  let seed = 20261128;
  const rand = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const serials = new Map();
  const nik = (date, sex) => {
    const [y, m, d] = date.split('-');
    const key = `${date}${sex}`;
    const serial = (serials.get(key) ?? 0) + 1;
    serials.set(key, serial);
    return `331709${String(Number(d) + (sex === 2 ? 40 : 0)).padStart(2, '0')}${m}${y.slice(2)}${String(serial).padStart(4, '0')}`;
  };
  const date = (from, to) => {
    const t = Date.UTC(from, 0, 1) + Math.floor(rand() * (Date.UTC(to, 0, 1) - Date.UTC(from, 0, 1)));
    return new Date(t).toISOString().slice(0, 10);
  };
  const asText = (iso, i) => {
    const [y, m, d] = iso.split('-');
    return i % 3 === 0 ? iso : i % 3 === 1 ? `${d}-${m}-${y}` : `${d}/${m}/${y}`;
  };
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet('Data Penduduk');
  ws.addRow(HEADERS).commit();
  let written = 0;
  let family = 0;
  while (written < rows) {
    family += 1;
    const kk = `3317091${String(family).padStart(9, '0')}`;
    const size = Math.min(rows - written, 1 + Math.floor(rand() * 6));
    const dusun = `DUSUN ${pick(['KRAJAN', 'NGASEM', 'SIDOREJO', 'KALITENGAH'])}`;
    const rw = String(1 + Math.floor(rand() * 5));
    const rt = String(1 + Math.floor(rand() * 8));
    const alamat = `Jl. ${pick(LAST)} No. ${family % 200}`;
    const last = pick(LAST);
    const headSex = rand() < 0.85 ? 1 : 2;
    for (let i = 0; i < size; i += 1) {
      const sex = i === 0 ? headSex : i === 1 ? 3 - headSex : rand() < 0.5 ? 1 : 2;
      const born = i < 2 ? date(1945, 1995) : date(1996, 2024);
      const married = i < 2 && size > 1;
      const row = {
        alamat,
        dusun,
        rw,
        rt,
        nama: [pick(FIRST), pick(MIDDLE), last].filter(Boolean).join(' '),
        no_kk: kk,
        nik: nik(born, sex),
        sex,
        tempatlahir: 'Rembang',
        tanggallahir: asText(born, written),
        agama_id: 1,
        pendidikan_kk_id: 1 + Math.floor(rand() * 10),
        pendidikan_sedang_id: 18,
        pekerjaan_id: 1 + Math.floor(rand() * 89),
        status_kawin: married ? 2 : 1,
        kk_level: i === 0 ? 1 : i === 1 ? 3 : 4,
        warganegara_id: 1,
        golongan_darah_id: 13,
        ktp_el: 2,
        status_rekam: 4,
        status_dasar: 1,
        id_asuransi: 1 + Math.floor(rand() * 3),
        lat: (-6.7 + rand() * 0.05).toFixed(6),
        lng: (111.3 + rand() * 0.05).toFixed(6),
      };
      ws.addRow(HEADERS.map((h) => row[h] ?? null)).commit();
      written += 1;
    }
  }
  ws.commit();
  await wb.commit();
  return { rows: written, families: family };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [rows, out] = process.argv.slice(2);
  if (!rows || !out) {
    process.stderr.write('usage: node scripts/bench/gen-opensid.mjs ROWS OUT.xlsx\n');
    process.exit(2);
  }
  const r = await generate(Number(rows), out);
  process.stderr.write(`${r.rows} rows, ${r.families} families → ${out}\n`);
}
