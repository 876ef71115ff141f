import type { Env } from '#src/env.js';
import type { ArtikelInput } from '#src/features/konten/konten.schema.js';
import { simpanArtikel } from '#src/features/konten/konten.service.js';
import type { Actor } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';

/** What a desa site usually carries: a handful of news items, announcements, coming agenda, a Perdes. */
function contoh(desa: string, hariIni: Date): ArtikelInput[] {
  const nanti = (hari: number) => new Date(hariIni.getTime() + hari * 86_400_000).toISOString();
  const kosong = {
    kategori_id: null,
    terbit_pada: null,
    agenda_mulai: null,
    agenda_selesai: null,
    agenda_tempat: null,
    hukum_jenis: null,
    hukum_nomor: null,
    hukum_tahun: null,
    ppid_kategori: null,
    intent: 'terbit' as const,
  };
  const berita = (judul: string, ringkasan: string, isi: string): ArtikelInput => ({
    ...kosong,
    jenis: 'berita',
    judul,
    ringkasan,
    isi,
  });
  return [
    berita(
      `Musyawarah Desa ${desa} menyepakati RKPDes 2027`,
      'Warga, BPD dan perangkat desa menyepakati rencana kerja tahun depan.',
      `<p>Musyawarah desa di balai ${desa} dihadiri perwakilan RT, RW, BPD, PKK dan karang taruna.</p><p>Prioritas tahun depan: perbaikan jalan usaha tani, posyandu, dan pelatihan UMKM.</p>`,
    ),
    berita(
      'Posyandu balita bulan ini: jadwal dan lokasi',
      'Penimbangan, imunisasi dan pemberian makanan tambahan di tiap dusun.',
      '<p>Kader posyandu mengingatkan ibu-ibu membawa buku KIA.</p><ul><li>Dusun Krajan: Senin</li><li>Dusun lain: Selasa</li></ul>',
    ),
    berita(
      'Penyaluran BLT Dana Desa tahap IV',
      'Keluarga penerima diminta membawa KTP dan KK asli ke balai desa.',
      '<p>Penyaluran dilakukan di balai desa mulai pukul 08.00 WIB. Penerima yang berhalangan dapat diwakili anggota keluarga dengan surat kuasa.</p>',
    ),
    berita(
      'Kerja bakti membersihkan saluran irigasi',
      'Menjelang musim tanam, warga bergotong royong membersihkan saluran.',
      '<p>Kerja bakti dimulai dari bendung hingga ujung saluran tersier. Terima kasih kepada seluruh warga yang hadir.</p>',
    ),
    berita(
      'Pelatihan pengolahan ikan untuk kelompok wanita',
      'Olahan bandeng dan rajungan menjadi produk unggulan desa.',
      '<p>Pelatihan diikuti 30 peserta dan didampingi penyuluh perikanan kecamatan.</p>',
    ),
    berita(
      'Laporan realisasi APBDes semester I',
      'Ringkasan pendapatan dan belanja desa untuk keterbukaan informasi.',
      '<p>Rincian lengkap dapat dilihat di papan informasi balai desa dan diminta melalui layanan informasi publik.</p>',
    ),
    {
      ...kosong,
      jenis: 'pengumuman',
      judul: 'Pelayanan surat tutup pada hari libur nasional',
      ringkasan: 'Permohonan surat tetap bisa diajukan lewat layanan mandiri.',
      isi: '<p>Kantor desa tutup pada hari libur nasional. Permohonan surat dapat diajukan melalui layanan mandiri dan diambil pada hari kerja berikutnya.</p>',
    },
    {
      ...kosong,
      jenis: 'pengumuman',
      judul: 'Pemutakhiran data penduduk',
      ringkasan: 'Warga yang pindah, lahir atau meninggal mohon melapor ke kantor desa.',
      isi: '<p>Laporkan peristiwa kependudukan paling lambat 30 hari setelah kejadian.</p>',
    },
    {
      ...kosong,
      jenis: 'agenda',
      judul: 'Rapat koordinasi RT dan RW',
      ringkasan: null,
      isi: '<p>Membahas keamanan lingkungan dan persiapan peringatan hari besar.</p>',
      agenda_mulai: nanti(5),
      agenda_tempat: `Balai Desa ${desa}`,
    },
    {
      ...kosong,
      jenis: 'agenda',
      judul: 'Pemeriksaan kesehatan lansia',
      ringkasan: null,
      isi: '<p>Pemeriksaan tekanan darah dan gula darah gratis untuk warga lanjut usia.</p>',
      agenda_mulai: nanti(12),
      agenda_tempat: 'Polindes',
    },
    {
      ...kosong,
      jenis: 'produk-hukum',
      judul: 'Peraturan Desa tentang APBDes Tahun Anggaran 2026',
      ringkasan: null,
      isi: '<p>Peraturan desa tentang anggaran pendapatan dan belanja desa tahun anggaran 2026.</p>',
      hukum_jenis: 'perdes',
      hukum_nomor: '1',
      hukum_tahun: 2026,
    },
  ];
}

/**
 * Demo web content for each desa: skipped for a desa that already has articles (running the demo again adds
 * nothing). Published through the same service the editors use, so the content is sanitised and checked.
 */
export async function loadDemoKonten(
  db: Db,
  env: Pick<Env, 'BALAI_IFRAME_HOSTS' | 'BALAI_PUBLIC_URL'>,
  actor: Actor,
  desa: readonly { kode: string; nama: string }[],
  hariIni = new Date(),
): Promise<number> {
  let dibuat = 0;
  for (const d of desa) {
    const ada = await db.selectFrom('artikel').select('id').where('desa_kode', '=', d.kode).limit(1).executeTakeFirst();
    if (ada) continue;
    for (const input of contoh(d.nama, hariIni)) {
      await simpanArtikel({ db, env }, actor, d.kode, null, input, true);
      dibuat += 1;
    }
  }
  return dibuat;
}
