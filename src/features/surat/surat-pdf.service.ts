import { createHash } from 'node:crypto';
import { codeLabel } from '#src/domain/codes.js';
import { substitute } from '#src/domain/surat-placeholder.js';
import type { PendudukRow } from '#src/features/penduduk/penduduk.repository.js';
import type { Db } from '#src/lib/db/connect.js';
import { LAMPIRAN_TERSEDIA } from './render/lampiran.js';
import { renderSuratPdf } from './render/surat-render.js';
import type { Penandatangan, RenderInput } from './render/surat-render.types.js';
import type { JenisEfektif } from './surat-jenis.service.js';
import { anggotaKeluarga, type DesaInfo, orangDariPenduduk, orangDariSubjek, sebutanJudul } from './surat-konteks.js';
import { lampiranInput } from './surat-lampiran.js';
import { buildNilai, type Orang } from './surat-nilai.js';
import type { KonteksOrang } from './surat-nilai-orang.js';
import { tanggalPanjang } from './surat-nilai-tanggal.js';
import type { Subjek } from './surat-subjek.service.js';

/** Who signs, as printed: the kepala desa, or the sekretaris "a.n. Kepala Desa …" when she gives the last approval. */
export function penandatanganUntuk(
  desa: DesaInfo,
  peran: 'kades' | 'sekdes' | null,
  namaPengguna: string,
): Penandatangan {
  const sebutan = sebutanJudul(desa.sebutan);
  const kepala = `${desa.sebutan === 'kelurahan' ? 'Lurah' : `Kepala ${sebutan}`} ${desa.nama}`;
  if (peran === 'sekdes')
    return { atasNama: `a.n. ${kepala}`, jabatan: `Sekretaris ${sebutan}`, nama: namaPengguna, nip: null };
  return { atasNama: null, jabatan: kepala, nama: desa.kepalaDesa || namaPengguna, nip: desa.nipKepalaDesa };
}

export interface SuratIsi {
  jenis: JenisEfektif;
  desa: DesaInfo;
  subjek: Record<string, Subjek>;
  /** family-member blocks: the chosen members */
  anggota?: Record<string, PendudukRow[]>;
  isian: Record<string, string>;
  nomor: string | null;
  tanggal: string;
  berlakuSampai: string | null;
  penandatangan: Penandatangan;
}

/** The placeholder values of a letter (what its body and attachments print), and the subject's family. */
export async function nilaiSurat(db: Db, s: SuratIsi) {
  const orang: Record<string, Orang | null> = {};
  for (const [blok, subj] of Object.entries(s.subjek)) orang[blok] = await orangDariSubjek(db, s.desa.kode, subj);
  const utama = s.subjek.individu;
  const keluarga = utama?.jenis === 'penduduk' ? await anggotaKeluarga(db, s.desa.kode, utama.penduduk) : [];
  const anggota: Record<string, Orang[]> = {};
  for (const [blok, rows] of Object.entries(s.anggota ?? {}))
    anggota[blok] = await Promise.all(rows.map((r) => orangDariPenduduk(db, s.desa.kode, r)));
  const values = buildNilai({
    desa: s.desa,
    surat: {
      judul: s.jenis.def.nama,
      kodeSurat: s.jenis.def.kode,
      nomor: s.nomor,
      tanggal: s.tanggal,
      berlakuSampai: s.berlakuSampai,
    },
    subjek: orang,
    anggota,
    isian: s.isian,
    penandatangan: s.penandatangan,
    jenis: s.jenis.def,
  });
  return { values, keluarga };
}

/**
 * The hash the QR token signs: the letter's content (type, number, date, desa and the body as printed).
 * A PDF cannot hold a hash of itself; the file is checked against the stored PDF hash instead.
 */
export function isiHash(s: SuratIsi, values: Record<string, string>): string {
  const body = substitute(s.jenis.template, values).text;
  const canonical = JSON.stringify([s.jenis.def.slug, s.nomor, s.tanggal, s.desa.kode, body]);
  return createHash('sha256').update(canonical).digest('hex');
}

export async function renderSurat(db: Db, s: SuratIsi, opts: { qr: { url: string } | null; draf: boolean }) {
  const { values, keluarga } = await nilaiSurat(db, s);
  const def = s.jenis.def;
  const sebutan = sebutanJudul(s.desa.sebutan);
  const konteks: KonteksOrang = {
    label: (k, c) => codeLabel(k, c),
    tanggalSurat: s.tanggal,
    wilayahDesa: `${sebutan} ${s.desa.nama}, Kecamatan ${s.desa.kecamatan}, ${s.desa.kabupaten}`,
    sebutanDusun: sebutanJudul(s.desa.sebutanDusun),
  };
  const kematian = /kematian|lahir mati/i.test(def.nama);
  const input: RenderInput = {
    layout: {
      kertas: def.kertas,
      orientasi: def.orientasi,
      margin: def.margin ?? { kiri: 2, atas: 1.5, kanan: 2, bawah: 1.5 },
    },
    kop: {
      logo: s.desa.logo,
      garuda: false,
      baris: [
        `PEMERINTAH ${s.desa.kabupaten.toUpperCase()}`,
        `KECAMATAN ${s.desa.kecamatan.toUpperCase()}`,
        `${sebutan.toUpperCase()} ${s.desa.nama.toUpperCase()}`,
      ],
      alamat: [s.desa.alamat, s.desa.kodePos ? `Kode Pos ${s.desa.kodePos}` : ''].filter(Boolean).join(' '),
    },
    judul: def.nama.toUpperCase().startsWith('SURAT') ? def.nama.toUpperCase() : `SURAT ${def.nama.toUpperCase()}`,
    nomor: s.nomor,
    body: s.jenis.template,
    values,
    tempatTanggal: `${s.desa.nama}, ${tanggalPanjang(s.tanggal)}`,
    penandatangan: s.penandatangan,
    qr: opts.qr,
    tte: opts.qr !== null,
    draf: opts.draf,
    lampiran: def.lampiran
      .filter((kode) => LAMPIRAN_TERSEDIA.includes(kode))
      .map((kode) => lampiranInput(kode, values, keluarga, konteks, { kematian })),
  };
  return { ...(await renderSuratPdf(input)), values };
}
