/** Indonesian messages: OpenSID import (composed into id.ts as `impor`; error keys merge into `err`). */
export const imporId = {
  judul: 'Impor data penduduk (format OpenSID)',
  tautan: 'Impor dari OpenSID',
  intro:
    'Unggah berkas Excel (.xlsx/.xlsm) ekspor OpenSID atau templat FormatImporExcel. Balai memeriksa semua baris dulu dan menampilkan pratinjau; tidak ada yang disimpan sebelum Anda menekan "Terapkan".',
  jenisLabel: 'Jenis data',
  jenis: { penduduk: 'Penduduk (FormatImporExcel)', rumah_tangga: 'Rumah tangga (FormatImporRTM)' },
  statusLabel: 'Keadaan',
  oleh: 'Oleh',
  judulTugas: 'Impor',
  berkas: 'Berkas Excel',
  berkasHint: (mb: number) =>
    `Paling besar ${mb} MB. Lembar "Kode Data" diabaikan; data berhenti di baris bertanda ### pada kolom B.`,
  tombolPeriksa: 'Periksa berkas',
  templat: 'Unduh templat kosong',
  riwayat: 'Impor sebelumnya',
  tidakAdaRiwayat: 'Belum pernah ada impor di desa ini.',
  status: {
    membaca: 'Sedang dibaca dan diperiksa',
    siap: 'Pratinjau siap — belum disimpan',
    menerapkan: 'Sedang disimpan',
    selesai: 'Selesai disimpan',
    gagal: 'Gagal',
    dibatalkan: 'Dibatalkan',
  },
  fase: {
    membaca: 'Membaca berkas',
    memeriksa: 'Mencocokkan dengan data desa',
    menerapkan: 'Menyimpan',
  },
  kemajuan: (n: number, total: number | null) =>
    total
      ? `${n.toLocaleString('id-ID')} dari ${total.toLocaleString('id-ID')} baris`
      : `${n.toLocaleString('id-ID')} baris`,
  muatUlang: 'Halaman ini memuat ulang sendiri setiap 2 detik. Anda boleh menutupnya: pekerjaan tetap berjalan.',
  muatUlangTombol: 'Muat ulang sekarang',
  jumlah: {
    total: 'Baris data',
    baru: 'Penduduk baru',
    diperbarui: 'Diperbarui',
    tidak_berubah: 'Tidak berubah',
    ditolak: 'Ditolak',
    ganda: 'NIK ganda dalam berkas',
    peringatan: 'Dengan peringatan',
  },
  galat: 'Masalah per baris',
  peringatan: 'Peringatan (tetap disimpan)',
  kolomBaris: 'Baris',
  kolomKolom: 'Kolom',
  kolomPesan: 'Pesan',
  lebihBanyak: (n: number) => `…dan ${n.toLocaleString('id-ID')} lagi. Unduh laporan untuk daftar lengkap.`,
  unduhLaporan: 'Unduh laporan (.xlsx)',
  terapkan: 'Terapkan: simpan semua baris yang diterima',
  terapkanHint:
    'Semua baris yang diterima disimpan sekaligus, atau tidak sama sekali bila terjadi gangguan. Baris yang ditolak tidak disimpan; perbaiki lalu impor lagi.',
  batalkan: 'Batalkan',
  tidakAdaYangDisimpan: 'Tidak ada baris yang bisa disimpan.',
  selesai: (baru: number, diperbarui: number) =>
    `Impor selesai: ${baru.toLocaleString('id-ID')} penduduk baru, ${diperbarui.toLocaleString('id-ID')} diperbarui.`,
  dibatalkanPesan: 'Impor dibatalkan; tidak ada data yang diubah.',
  kembali: 'Kembali ke impor',
  err: {
    imporKkSementara: 'Nomor KK sementara (diawali 0): ganti dengan nomor KK dari Dukcapil bila sudah terbit.',
    imporCampurRwRt:
      'Dusun {0} sudah dibagi per RW: isi kolom rw (atau sebaliknya, dusun ini tanpa RW). Satu dusun tidak boleh mencampur RW dan RT langsung.',
    imporTanpaBerkas: 'Pilih berkas Excel (.xlsx) yang akan diimpor.',
    imporTanggal:
      'Tanggal tidak dikenali. Gunakan TTTT-BB-HH (2024-03-28), HH-BB-TTTT atau HH/BB/TTTT, atau sel tanggal Excel.',
    imporAngkaBukanTeks:
      'Nomor ini tersimpan sebagai angka di Excel, yang hanya menyimpan 15 digit: periksa digit terakhirnya, lalu simpan kolom sebagai teks.',
    imporAsuransiDaerah: 'Kode asuransi 4 (BPJS Bantuan Daerah) dicatat sebagai 2 (BPJS Penerima Bantuan Iuran).',
    imporKolomTidakDikenal: 'Nama kolom "{0}" tidak sesuai format impor OpenSID; seluruh berkas ditolak.',
    imporKolomGanda: 'Kolom "{0}" muncul dua kali; seluruh berkas ditolak.',
    imporKolomWajib: 'Kolom "{0}" wajib ada di baris judul; seluruh berkas ditolak.',
    imporTanpaHeader: 'Berkas tidak berisi lembar data dengan baris judul.',
    imporNikWajib: 'NIK wajib diisi: 16 angka, atau 0 bila belum punya NIK.',
    imporTanggalLahirNanti: 'Tanggal lahir ada di masa depan.',
    imporWajibBaru: 'Wajib diisi untuk penduduk yang belum terdaftar.',
    imporNikDesaLain:
      'NIK ini tercatat sebagai penduduk hidup di {0}. Catat pindah masuk lewat menu Pindah antar desa, bukan lewat impor.',
    imporKkDesaLain: 'Nomor KK ini dipakai keluarga di {0}.',
    imporKolomTerlindung:
      'Impor tidak boleh mengubah kolom {0} penduduk yang sudah terdaftar. Gunakan peristiwa atau menu keluarga.',
    imporKepalaSudahAda: 'Keluarga ini sudah punya kepala keluarga.',
    imporNikGanda: 'NIK yang sama ada di beberapa baris ({0}); semua baris itu ditolak.',
    imporTagGanda: 'Nomor chip KTP-el yang sama ada di beberapa baris ({0}).',
    imporKeluargaTanpaKepala:
      'KK …{0} tidak punya kepala keluarga (kk_level 1) yang diterima; seluruh anggotanya ditolak.',
    imporKepalaGanda: 'KK …{0} punya lebih dari satu kepala keluarga; seluruh anggotanya ditolak.',
    imporKepalaTidakHidup: 'Kepala keluarga KK …{0} tidak berstatus hidup; seluruh anggotanya ditolak.',
    imporSedangBerjalan: 'Impor lain untuk desa ini sedang berjalan. Tunggu sampai selesai.',
    imporTerputus: 'Impor terputus (server berhenti). Tidak ada data yang tersimpan setengah; ulangi impor.',
    imporGagal: 'Impor gagal karena kesalahan sistem. Tidak ada data yang diubah.',
    imporBerkasDitolak: 'Berkas ditolak seluruhnya.',
    imporBukanSiap: 'Impor ini tidak dalam keadaan siap diterapkan.',
    imporRtmNikWajib: 'NIK wajib diisi: 16 angka. Rumah tangga hanya dibentuk dari penduduk yang sudah terdaftar.',
    imporRtmNomorTidakValid:
      'Nomor rumah tangga hanya boleh berisi huruf, angka, spasi, titik, garis miring atau tanda hubung.',
    imporRtmNikTidakAda:
      'NIK ini tidak ada di daftar penduduk desa ini. Daftarkan penduduknya dulu, lalu impor rumah tangga lagi.',
    imporRtmBukanPendudukHidup:
      'Penduduk dengan NIK ini sudah tidak tinggal di desa ini (meninggal, pindah atau hilang).',
    imporRtmNomorDesaLain: 'Nomor rumah tangga ini sudah dipakai rumah tangga di {0}.',
    imporRtmNomorSeri:
      'Nomor rumah tangga yang diawali kode desa ({0}) harus diikuti tepat 5 angka, seperti nomor yang dibuat Balai.',
    imporRtmSudahDiRumahTanggaLain:
      'Penduduk ini sudah anggota rumah tangga {0}. Impor tidak memindahkan orang: keluarkan dulu lewat halaman rumah tangga.',
    imporRtmHubunganBerbeda:
      'Penduduk ini sudah anggota rumah tangga ini dengan status lain. Ganti kepala rumah tangga lewat halaman rumah tangga.',
    imporRtmKepalaSudahAda: 'Rumah tangga {0} sudah punya kepala. Ganti kepala lewat halaman rumah tangga.',
    imporRtmTanpaKepala: 'Rumah tangga {0} tidak punya kepala (status 1) yang diterima; semua barisnya ditolak.',
    imporRtmKepalaGanda: 'Rumah tangga {0} punya lebih dari satu kepala (status 1); semua barisnya ditolak.',
    imporDataBerubah:
      'Data berubah sejak pratinjau (misalnya sebuah NIK atau nomor KK dari berkas baru saja dicatat di tempat lain, atau sebuah keluarga tidak lagi punya kepala). Tidak ada yang disimpan; unggah dan periksa ulang berkas.',
  },
};
