import { describe, expect, it } from 'vitest';
import { subjekContoh } from './surat-contoh.js';
import { nilaiForm, parseJenisForm, saranSlug } from './surat-jenis-baru.schema.js';
import { contohNomor, lingkupInduk } from './surat-setelan.service.js';
import { masalahTemplat, placeholderAsing } from './surat-template-periksa.js';

const FORM = {
  nama: 'Keterangan Usaha Mikro',
  kode: 'S-60',
  sumber_individu_desa: '1',
  blok_saksi_i: '1',
  sumber_saksi_i_luar_nik: '1',
  isian_2_kode: 'nama_usaha',
  isian_2_nama: 'Nama usaha',
  isian_2_wajib: '1',
  template: 'Usaha [Form_nama_usaha] milik [nama], disaksikan [Nama_saksi_i].\r\n',
};

describe('the new letter type form', () => {
  it('suggests a slug from the name', () => {
    expect(saranSlug('Keterangan Usaha Mikro')).toBe('surat-keterangan-usaha-mikro');
    expect(saranSlug('Surat  Pengantar (RT/RW)!')).toBe('surat-pengantar-rt-rw');
    expect(saranSlug('  ')).toBe('surat-baru');
  });

  it('reads the flat fields into a type, and back', () => {
    const r = parseJenisForm(FORM);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.data).toMatchObject({ slug: 'surat-keterangan-usaha-mikro', kertas: 'F4', qr: false, mandiri: false });
    expect(r.data.blok.map((b) => [b.kode, b.data])).toEqual([
      ['individu', ['desa']],
      ['saksi_i', ['luar_nik']],
    ]);
    expect(r.data.isian).toEqual([{ kode: 'nama_usaha', nama: 'Nama usaha', tipe: 'text', wajib: true }]);
    expect(r.data.template).toBe('Usaha [Form_nama_usaha] milik [nama], disaksikan [Nama_saksi_i].');
    const again = parseJenisForm(nilaiForm(r.data), r.data);
    expect(again).toEqual({ ok: true, data: r.data });
  });

  it('puts each problem on its field, with the row number', () => {
    const r = parseJenisForm({ ...FORM, isian_2_tipe: 'select', sumber_saksi_i_luar_nik: '', kode: '' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.kode).toMatch(/Tulis kode surat/);
    expect(r.errors.blok_saksi_i).toMatch(/^Saksi I: pilih minimal satu/);
    expect(r.errors.isian_2_pilihan).toMatch(/^Isian baris 3:/);
    expect(parseJenisForm({ ...FORM, isian_5_kode: 'x' })).toMatchObject({
      errors: { isian_5_nama: 'Isian baris 6: tulis kode dan namanya.' },
    });
  });
});

describe('template checks', () => {
  const def = {
    blok: [{ kode: 'individu', sumber: 'penduduk' as const, judul: 'A', data: ['desa' as const] }],
    isian: [{ kode: 'jumlah', nama: 'Jumlah', tipe: 'number' as const, wajib: true }],
  };
  it('knows the type’s placeholders in any case, and [terbilang][form_x]', () => {
    expect(placeholderAsing(def, '[NAma] [Nama_desa] [terbilang][form_jumlah] [TERBILANG][Form_jumlah]')).toEqual([]);
    expect(placeholderAsing(def, '[nama_ayahnya] [terbilang] [terbilang][form_lain] [nama_saksi_i]')).toEqual([
      'nama_ayahnya',
      'terbilang',
      'form_lain',
      'nama_saksi_i',
    ]);
    expect(masalahTemplat(def, '')).toBe('Isi surat tidak boleh kosong.');
    expect(masalahTemplat(def, 'x'.repeat(50_001))).toMatch(/paling banyak 50\.000 karakter/);
  });

  it('previews with fictional people only', () => {
    const s = subjekContoh({
      blok: [...def.blok, { kode: 'ibu', judul: 'Ibu', sumber: 'penduduk', data: ['desa'], sex: 2 }],
    });
    expect(Object.keys(s)).toEqual(['individu', 'ibu']);
    for (const x of Object.values(s)) {
      if (x.jenis !== 'luar') throw new Error('not fictional');
      expect(x.data.nama).toContain('Contoh');
      expect(x.data.nik?.startsWith('12345678901234')).toBe(true);
    }
    expect(s.ibu).toMatchObject({ data: { sex: '2' } });
  });
});

describe('settings helpers', () => {
  it('computes the sample number or the format’s problems', () => {
    expect(
      contohNomor(
        '[kode_surat]/[nomor_surat, 3]/[kode_desa]/[bulan_romawi]/[tahun]',
        'per_jenis',
        '33.17.09.2001',
        '2026-11-30',
      ),
    ).toEqual({
      contoh: 'S-41/007/3317092001/XI/2026',
    });
    expect(contohNomor('[nomor_surat]/[tahun]', 'tunggal', '33.17', '2026-01-05')).toEqual({ contoh: '7/2026' });
    expect(contohNomor('[nomor_surat]/[tahun]', 'per_jenis', '33.17')).toMatchObject({
      masalah: [expect.stringMatching(/\[kode_surat\]/)],
    });
    expect([lingkupInduk('33.17.09.2001'), lingkupInduk('33.17'), lingkupInduk('')]).toEqual(['33.17', '', null]);
  });
});
