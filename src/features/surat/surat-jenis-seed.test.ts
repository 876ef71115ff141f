import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import codes from '../../../seed/codes.json' with { type: 'json' };
import { DaftarJenisSuratSchema, type JenisSurat } from './surat-jenis.schema.js';
import { nilaiDikenal } from './surat-nilai-kunci.js';

const raw: unknown = JSON.parse(readFileSync(new URL('../../../seed/surat/jenis-surat.json', import.meta.url), 'utf8'));
const daftar = DaftarJenisSuratSchema.parse(raw);
const bySlug = new Map(daftar.map((j) => [j.slug, j]));
const jenis = (slug: string): JenisSurat => {
  const j = bySlug.get(slug);
  if (!j) throw new Error(`tidak ada: ${slug}`);
  return j;
};

/** The token names a body uses, as the substitution reads them (`[terbilang][x]` names x). */
function tokens(template: string): string[] {
  return [...template.matchAll(/\[([A-Za-z][A-Za-z0-9_]*)\]/g)].map((m) => (m[1] ?? '').toLowerCase());
}

/** The 18 letters that must be complete (15 resident-requestable + kelahiran, kematian, pindah). */
const LENGKAP = [
  'surat-keterangan-usaha',
  'surat-pengantar-laporan-kehilangan',
  'surat-keterangan-pengantar',
  'surat-keterangan-penduduk',
  'surat-pengantar-izin-keramaian',
  'surat-keterangan-pergi-kawin',
  'surat-keterangan-domisili-usaha',
  'surat-keterangan-ktp-dalam-proses',
  'surat-keterangan-kurang-mampu',
  'surat-keterangan-beda-identitas',
  'surat-pengantar-skck',
  'surat-keterangan-domisili',
  'surat-pengantar-permohonan-penerbitan-buku-pas-lintas',
  'surat-biodata-penduduk',
  'surat-keterangan-bepergian',
  'surat-keterangan-kelahiran',
  'surat-keterangan-kematian',
  'surat-keterangan-pindah-penduduk',
];

describe('built-in letter types (seed/surat/jenis-surat.json)', () => {
  it('holds the 42 types of letters.md §2: 15 requestable by residents, 16 with a QR', () => {
    expect(daftar).toHaveLength(42);
    expect(daftar.filter((j) => j.mandiri)).toHaveLength(15);
    expect(daftar.filter((j) => j.qr)).toHaveLength(16);
    expect(new Set(daftar.map((j) => j.slug)).size).toBe(42);
    expect(daftar.filter((j) => j.kode === 'S-41').map((j) => j.slug)).toEqual([
      'surat-keterangan-domisili',
      'surat-permohonan-perubahan-kartu-keluarga',
    ]);
    expect(daftar.every((j) => j.kertas === 'F4' && j.masa_berlaku === 1)).toBe(true);
  });

  it('the complete letters are the resident-requestable ones plus birth, death and move', () => {
    const mandiri = daftar.filter((j) => j.mandiri).map((j) => j.slug);
    expect(LENGKAP.slice(0, 15).sort()).toEqual([...mandiri].sort());
    for (const slug of LENGKAP.slice(15)) expect(bySlug.has(slug)).toBe(true);
  });

  it.each([
    ['surat-keterangan-usaha', '500', [], true, true, 'M', ['nama_usaha*', 'keperluan*']],
    ['surat-keterangan-kurang-mampu', 'S-11', [], true, true, 'M', ['keperluan*']],
    ['surat-pengantar-skck', 'S-07', [], true, true, 'M', ['keterangan*']],
    ['surat-keterangan-domisili', 'S-41', [], true, false, 'M', ['keperluan']],
    ['surat-keterangan-beda-identitas', '471.1', ['F-1.06'], true, true, 'M', ['nama_kartu_identitas*', 'perbedaan*']],
    ['surat-biodata-penduduk', 'S-03', ['F-1.01', 'F-1.02'], true, false, 'M', []],
    ['surat-permohonan-kartu-keluarga', 'S-36', ['F-1.15', 'F-1.01', 'F-1.02'], false, true, 'M', ['keterangan*']],
    ['surat-keterangan-kepemilikan-tanah', 'S-49', [], false, false, 'd', ['batas_sebelah_barat*', 'luas_tanah*']],
    ['surat-keterangan-kematian', 'S-21', ['F-2.01'], false, false, 'M', ['hubungan_pelapor_dengan_yang_mati*']],
    ['surat-keterangan-kelahiran', 'S-17', ['F-2.01'], false, false, 'M', ['hubungan_pelapor_dengan_bayi*']],
    [
      'surat-keterangan-pindah-penduduk',
      'S-04',
      ['F-1.03', 'F-1.08', 'F-1.25', 'F-1.27'],
      false,
      false,
      'd',
      ['telepon_pemohon*', 'kabupaten_tujuan*'],
    ],
    [
      'surat-keterangan-nikah',
      'S-23',
      ['N-1', 'N-2', 'N-4', 'N-5', 'N-6', 'SPS', 'SWN'],
      false,
      false,
      'M',
      ['bin_pria*', 'istrike'],
    ],
    ['surat-kuasa', 'S-47', [], false, false, 'd', ['untuk_keperluan*']],
  ] as const)(
    '%s: code %s, attachments, Res., QR, validity, fields',
    (slug, kode, lampiran, mandiri, qr, satuan, isian) => {
      const j = jenis(slug);
      expect(j.kode).toBe(kode);
      expect(j.lampiran).toEqual(lampiran);
      expect([j.mandiri, j.qr, j.satuan_masa_berlaku]).toEqual([mandiri, qr, satuan]);
      for (const f of isian) {
        const kodeIsian = f.replace('*', '');
        expect(j.isian.find((x) => x.kode === kodeIsian)?.wajib, `${slug}.${kodeIsian}`).toBe(f.endsWith('*'));
      }
    },
  );

  it('subject blocks follow the table: sources, filters, manual blocks', () => {
    const blok = (slug: string) => Object.fromEntries(jenis(slug).blok.map((b) => [b.kode, b]));
    const lahir = blok('surat-keterangan-kelahiran');
    expect(Object.keys(lahir)).toEqual(['individu', 'ibu', 'ayah', 'pelapor', 'saksi_i', 'saksi_ii']);
    expect(lahir.ibu).toMatchObject({ data: ['desa', 'luar_lengkap'], sex: 2, hubungan: 'individu' });
    expect(lahir.saksi_ii?.data).toEqual(['desa', 'luar_nik']);
    expect(blok('surat-keterangan-kematian').individu?.status_dasar).toEqual([1, 2]);
    expect(blok('surat-keterangan-domisili').individu?.data).toEqual(['desa', 'luar_lengkap']);
    expect(blok('surat-keterangan-jual-beli').barang?.sumber).toBe('manual');
    expect(blok('surat-keterangan-pindah-penduduk').pengikut?.sumber).toBe('anggota');
    const kendaraan = jenis('surat-keterangan-kepemilikan-kendaraan');
    expect(kendaraan.isian.filter((f) => f.blok === 'kendaraan')).toHaveLength(10);
  });

  it('requirements are ids of codes.json syarat_surat', () => {
    const ids = new Set(codes.syarat_surat.codes.map((c) => c.code));
    for (const j of daftar) for (const s of j.syarat) expect(ids.has(s), `${j.slug}: ${s}`).toBe(true);
  });

  it('every placeholder in every body is one the values builder fills for that type', () => {
    for (const j of daftar) {
      const dikenal = new Set(nilaiDikenal(j));
      const asing = tokens(j.template).filter((t) => !dikenal.has(t));
      expect(asing, j.slug).toEqual([]);
    }
  });

  it('every custom field and person block appears in the body', () => {
    for (const j of daftar) {
      const dipakai = new Set(tokens(j.template));
      for (const f of j.isian) expect(dipakai.has(`form_${f.kode}`), `${j.slug}: form_${f.kode}`).toBe(true);
      for (const b of j.blok.filter((x) => x.sumber === 'penduduk' && x.kode !== 'individu'))
        expect(dipakai.has(`nama_${b.kode}`), `${j.slug}: nama_${b.kode}`).toBe(true);
    }
  });

  it('complete letters open with the kepala desa, name the person and close properly', () => {
    for (const slug of LENGKAP) {
      const t = jenis(slug).template;
      expect(t, slug).toMatch(/^Yang bertanda tangan di bawah ini, \[Sebutan_kepala_desa\] \[Nama_desa\]/);
      expect(t, slug).toContain('| NIK | [nik]');
      expect(t, slug).toContain('| Alamat');
      expect(t, slug).toContain('berlaku sampai dengan [Berlaku_sampai]');
      expect(t.trimEnd(), slug).toMatch(/dipergunakan sebagaimana mestinya\.$/);
    }
    const rows = jenis('surat-keterangan-domisili').template;
    for (const label of [
      'Nama',
      'NIK',
      'Tempat/Tanggal Lahir',
      'Jenis Kelamin',
      'Agama',
      'Status Perkawinan',
      'Pekerjaan',
      'Kewarganegaraan',
      'Alamat',
    ])
      expect(rows).toContain(`| ${label} |`);
  });

  it('bodies use the markup only: no HTML, rows have a label and a value', () => {
    for (const j of daftar) {
      expect(j.template, j.slug).not.toMatch(/<[a-z/][^>]*>/i);
      for (const line of j.template.split('\n').filter((l) => l.startsWith('|')))
        expect(line, j.slug).toMatch(/^\| [^|]+ \| \S/);
    }
  });
});
