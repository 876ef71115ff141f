import { describe, expect, it } from 'vitest';
import { parseIntent, suratFormSchema, valuesFromData } from './surat.schema.js';
import type { JenisSurat } from './surat-jenis.schema.js';

const jenis: Pick<JenisSurat, 'blok' | 'isian'> = {
  blok: [
    { kode: 'individu', judul: 'Pemohon', sumber: 'penduduk', data: ['desa'] },
    { kode: 'pelapor', judul: 'Pelapor', sumber: 'penduduk', data: ['desa', 'luar_lengkap'] },
    { kode: 'saksi', judul: 'Saksi', sumber: 'penduduk', data: ['desa', 'luar_nik'] },
    { kode: 'pengikut', judul: 'Pengikut', sumber: 'anggota', data: [] },
  ],
  isian: [{ kode: 'keperluan', nama: 'Keperluan', tipe: 'textarea', wajib: true }],
};

describe('letter form schema', () => {
  it('tells the buttons apart; anything unknown saves a draft', () => {
    expect(parseIntent('ajukan')).toEqual({ aksi: 'ajukan' });
    expect(parseIntent('cari')).toEqual({ aksi: 'cari', blok: null });
    expect(parseIntent('cari:pelapor')).toEqual({ aksi: 'cari', blok: 'pelapor' });
    expect(parseIntent('pilih:individu:42')).toEqual({ aksi: 'pilih', blok: 'individu', id: 42 });
    expect(parseIntent('ganti:saksi')).toEqual({ aksi: 'ganti', blok: 'saksi' });
    expect(parseIntent('hapus-semua')).toEqual({ aksi: 'draf' });
    expect(parseIntent(['ajukan'])).toEqual({ aksi: 'draf' });
  });

  it('turns the flat fields into subjects and answers', () => {
    const parsed = suratFormSchema(jenis).parse({
      'subjek.individu.penduduk_id': '7',
      'subjek.pelapor.nik': '3317 0941 0190 0001',
      'subjek.pelapor.luar.nama': 'Ahmad',
      'subjek.pelapor.luar.tempatlahir': '',
      'subjek.saksi.luar.alamat': 'ignored: not a field of a name+NIK block',
      'subjek.pengikut.anggota.12': '1',
      'subjek.pengikut.anggota.x': '1',
      'isian.keperluan': '  Melamar kerja ',
      'isian.lain': 'dropped',
    });
    expect(parsed).toEqual({
      subjek: {
        individu: { pendudukId: 7 },
        pelapor: { nik: '3317094101900001', luar: { nama: 'Ahmad' } },
        pengikut: { anggota: [12] },
      },
      isian: { keperluan: 'Melamar kerja' },
    });
  });

  it('rejects a NIK that is not 16 digits and a date that is not a date', () => {
    const r = suratFormSchema(jenis).safeParse({
      'subjek.individu.nik': '12345',
      'subjek.pelapor.luar.tanggallahir': '2020-02-30',
    });
    expect(r.success).toBe(false);
    const messages = Object.fromEntries((r.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));
    expect(messages).toEqual({
      'subjek.individu.nik': 'nikFormat',
      'subjek.pelapor.luar.tanggallahir': 'tanggalTidakValid',
    });
  });

  it('gives a saved letter back as form values', () => {
    expect(
      valuesFromData({
        subjek: {
          individu: { penduduk_id: 7 },
          pelapor: { luar: { nama: 'Ahmad', nik: '3317094101900001' } },
          pengikut: { anggota: [12, 13] },
        },
        isian: { keperluan: 'Melamar kerja' },
      }),
    ).toEqual({
      'subjek.individu.penduduk_id': '7',
      'subjek.pelapor.luar.nama': 'Ahmad',
      'subjek.pelapor.luar.nik': '3317094101900001',
      'subjek.pengikut.anggota.12': '1',
      'subjek.pengikut.anggota.13': '1',
      'isian.keperluan': 'Melamar kerja',
    });
  });
});
