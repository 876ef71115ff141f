/** Indonesian messages: jaga konten (injected-content guard, upload checks). */
export const jagaId = {
  nav: 'Temuan konten',
  judul: 'Temuan konten mencurigakan',
  judulKabupaten: 'Temuan konten di semua desa',
  pengantar:
    'Konten di bawah ini ditahan karena memuat tautan tersembunyi, banyak tautan ke situs asing, atau kata-kata judi daring. Periksa isinya: lepaskan bila aman (konten terbit), tolak bila disusupi (kembali menjadi draf).',
  kosong: 'Tidak ada temuan yang menunggu keputusan.',
  kosongRiwayat: 'Belum ada temuan.',
  kolom: {
    desa: 'Desa',
    konten: 'Konten',
    jenis: 'Jenis temuan',
    detail: 'Rincian',
    status: 'Status',
    dibuat: 'Ditemukan',
    aksi: 'Keputusan',
  },
  jenis: {
    'tautan-tersembunyi': 'Tautan tersembunyi',
    'domain-asing': 'Banyak tautan ke situs asing',
    'kata-judi': 'Kata judi daring',
  },
  status: {
    menunggu: 'Menunggu',
    dilepas: 'Dilepas',
    ditolak: 'Ditolak',
  },
  filter: {
    label: 'Tampilkan',
    menunggu: 'Menunggu keputusan',
    semua: 'Semua',
    terapkan: 'Tampilkan',
  },
  sumber: { artikel: 'Artikel' },
  lepas: 'Lepaskan (terbitkan)',
  tolak: 'Tolak (jadikan draf)',
  dilepas: 'Konten dilepas dan diterbitkan.',
  ditolak: 'Konten ditolak dan dikembalikan menjadi draf.',
  lihatDesa: 'Buka halaman desa',
  err: {
    berkasKosong: 'Berkas kosong. Pilih berkas yang benar.',
    berkasTerlaluBesar: 'Berkas terlalu besar; paling besar {0} MB.',
    gambarTidakValid: 'Berkas bukan gambar JPEG, PNG, WebP atau GIF yang utuh dan dapat dibaca.',
    gambarSvgDitolak: 'Gambar SVG tidak diterima karena dapat memuat skrip. Simpan sebagai PNG atau JPEG.',
    gambarTerlaluBanyakPiksel: 'Ukuran gambar terlalu besar (lebih dari 40 megapiksel). Perkecil dulu gambarnya.',
    pdfTidakValid: 'Berkas bukan dokumen PDF yang utuh.',
    pdfTerenkripsi: 'PDF berkata sandi atau terenkripsi tidak diterima. Simpan ulang tanpa proteksi.',
    pdfBerisiAktif:
      'PDF ini memuat skrip, perintah menjalankan program, atau berkas sisipan, sehingga ditolak. Cetak ulang sebagai PDF biasa.',
    temuanTidakDitemukan: 'Temuan tidak ditemukan atau di luar wewenang Anda.',
    temuanSudahDiputus: 'Temuan ini sudah diputuskan sebelumnya.',
  },
};
