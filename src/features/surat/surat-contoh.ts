import type { Blok, Isian, JenisSurat } from './surat-jenis.schema.js';
import type { Subjek } from './surat-subjek.service.js';

/**
 * Made-up people and answers for template previews: nobody's personal data reaches a preview PDF. The NIK
 * and KK numbers are plainly fake (1234…), the names say "Contoh".
 */

const NAMA: Record<string, { nama: string; sex: 1 | 2 }> = {
  individu: { nama: 'Budi Contoh Santoso', sex: 1 },
  ayah: { nama: 'Slamet Contoh', sex: 1 },
  ibu: { nama: 'Sri Contoh Rahayu', sex: 2 },
  pasangan: { nama: 'Siti Contoh Aminah', sex: 2 },
  pelapor: { nama: 'Agus Contoh Pelapor', sex: 1 },
  saksi_i: { nama: 'Joko Contoh Saksi', sex: 1 },
  saksi_ii: { nama: 'Dewi Contoh Saksi', sex: 2 },
};

/** A fictional person for one subject block, of the sex the block asks for. */
export function orangContoh(blok: Pick<Blok, 'kode' | 'judul' | 'sex'>, urutan: number): Subjek {
  const dasar = NAMA[blok.kode] ?? { nama: `${blok.judul} Contoh`, sex: 1 };
  const sex = blok.sex ?? dasar.sex;
  return {
    jenis: 'luar',
    data: {
      nama: dasar.nama,
      nik: `12345678901234${String(urutan + 1).padStart(2, '0')}`,
      no_kk: '1234567890123400',
      sex: String(sex),
      tempatlahir: 'Kota Contoh',
      tanggallahir: `${1960 + urutan * 7}-08-17`,
      agama_id: '1',
      pekerjaan_id: '9',
      warganegara_id: '1',
      alamat: 'Jl. Contoh No. 1, RT 001/RW 002, Dusun Contoh',
    },
  };
}

/** Fictional people for every person block of a type. */
export function subjekContoh(def: Pick<JenisSurat, 'blok'>): Record<string, Subjek> {
  const out: Record<string, Subjek> = {};
  def.blok
    .filter((b) => b.sumber === 'penduduk')
    .forEach((b, i) => {
      out[b.kode] = orangContoh(b, i);
    });
  return out;
}

/** A plausible answer for a custom field, in the stored form isianSchema returns (dates YYYY-MM-DD). */
export function jawabanContoh(f: Isian, tanggal: string): string {
  switch (f.tipe) {
    case 'number':
      return '2';
    case 'date':
    case 'hari-tanggal':
      return tanggal;
    case 'time':
      return '09:00';
    case 'hari':
      return 'Senin';
    case 'select':
      return f.pilihan?.[0] ?? '';
    case 'email':
      return 'contoh@desa.id';
    case 'url':
      return 'https://contoh.desa.id';
    default:
      return `contoh ${f.nama.toLowerCase()}`;
  }
}

export function isianContoh(def: Pick<JenisSurat, 'isian'>, tanggal: string): Record<string, string> {
  return Object.fromEntries(def.isian.map((f) => [f.kode, jawabanContoh(f, tanggal)]));
}
