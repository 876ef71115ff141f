import type { jagaId } from './jaga.id.js';

/** English messages: content guard (mirrors jaga.id.ts). */
export const jagaEn: typeof jagaId = {
  nav: 'Content flags',
  judul: 'Suspicious content flags',
  judulKabupaten: 'Content flags in every village',
  pengantar:
    'The content below is held because it contains hidden links, many links to unknown sites, or online-gambling words. Check it: release it when safe (it is published), reject it when injected (it goes back to draft).',
  kosong: 'No flags are waiting for a decision.',
  kosongRiwayat: 'No flags yet.',
  kolom: {
    desa: 'Village',
    konten: 'Content',
    jenis: 'Kind',
    detail: 'Details',
    status: 'Status',
    dibuat: 'Flagged',
    aksi: 'Decision',
  },
  jenis: {
    'tautan-tersembunyi': 'Hidden link',
    'domain-asing': 'Many links to unknown sites',
    'kata-judi': 'Online-gambling words',
  },
  status: {
    menunggu: 'Waiting',
    dilepas: 'Released',
    ditolak: 'Rejected',
  },
  filter: {
    label: 'Show',
    menunggu: 'Waiting for a decision',
    semua: 'All',
    terapkan: 'Show',
  },
  sumber: { artikel: 'Article' },
  lepas: 'Release (publish)',
  tolak: 'Reject (back to draft)',
  dilepas: 'Content released and published.',
  ditolak: 'Content rejected and returned to draft.',
  lihatDesa: 'Open the village page',
  err: {
    berkasKosong: 'The file is empty. Choose the right file.',
    berkasTerlaluBesar: 'The file is too large; at most {0} MB.',
    gambarTidakValid: 'The file is not a complete, readable JPEG, PNG, WebP or GIF image.',
    gambarSvgDitolak: 'SVG images are not accepted because they can carry scripts. Save it as PNG or JPEG.',
    gambarTerlaluBanyakPiksel: 'The image is too large (over 40 megapixels). Make it smaller first.',
    pdfTidakValid: 'The file is not a complete PDF document.',
    pdfTerenkripsi: 'Password-protected or encrypted PDFs are not accepted. Save it again without protection.',
    pdfBerisiAktif:
      'This PDF contains scripts, program launch actions or embedded files, so it is refused. Print it again as a plain PDF.',
    temuanTidakDitemukan: 'The flag does not exist or is outside your authority.',
    temuanSudahDiputus: 'This flag has already been decided.',
  },
};
