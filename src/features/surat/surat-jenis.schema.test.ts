import { describe, expect, it } from 'vitest';
import { fieldAttrs, parseForm } from '#src/lib/forms/form.js';
import { messagesFor } from '#src/lib/i18n/messages.js';
import { type Isian, isianSchema, JenisSuratSchema } from './surat-jenis.schema.js';

const dasar = {
  slug: 'surat-keterangan-contoh',
  kode: 'S-99',
  nama: 'Keterangan Contoh',
  mandiri: true,
  qr: 1,
  masa_berlaku: 1,
  satuan_masa_berlaku: 'M',
  blok: [{ kode: 'individu', judul: 'Pemohon', sumber: 'penduduk', data: ['desa'] }],
  isian: [{ kode: 'keperluan', nama: 'Keperluan', tipe: 'textarea', wajib: true }],
  template: 'Yang bertanda tangan di bawah ini …\n\n| Nama | [NAma]',
};

const masalah = (over: Record<string, unknown>) => {
  const r = JenisSuratSchema.safeParse({ ...dasar, ...over });
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('JenisSuratSchema', () => {
  it('accepts a type, turning 0/1 flags into booleans and filling defaults', () => {
    const j = JenisSuratSchema.parse(dasar);
    expect(j).toMatchObject({
      mandiri: true,
      qr: true,
      kertas: 'F4',
      orientasi: 'portrait',
      margin: null,
      format_nomor: null,
      lampiran: [],
      syarat: [],
    });
  });

  it.each([
    [{ slug: 'keterangan-contoh' }, 'slug'],
    [{ slug: 'surat-Keterangan' }, 'slug'],
    [{ satuan_masa_berlaku: null }, 'satuan_masa_berlaku'],
    [{ satuan_masa_berlaku: 'x' }, 'satuan_masa_berlaku'],
    [{ kertas: 'Letter' }, 'kertas'],
    [{ lampiran: ['f-1.01'] }, 'lampiran.0'],
    [{ blok: [] }, 'blok'],
    [{ blok: [{ kode: 'pelapor', judul: 'Pelapor', sumber: 'penduduk', data: ['desa'] }] }, 'blok.0'],
    [{ blok: [{ ...dasar.blok[0], data: [] }] }, 'blok.0.data'],
    [{ blok: [dasar.blok[0], { kode: 'barang', judul: 'Barang', sumber: 'manual', data: ['desa'] }] }, 'blok.1.data'],
    [
      {
        blok: [
          dasar.blok[0],
          { kode: 'saksi', judul: 'A', sumber: 'penduduk', data: ['desa'] },
          { kode: 'saksi', judul: 'B', sumber: 'penduduk', data: ['desa'] },
        ],
      },
      'blok.2.kode',
    ],
    [{ blok: [dasar.blok[0], { kode: 'Saksi I', judul: 'A', sumber: 'penduduk', data: ['desa'] }] }, 'blok.1.kode'],
    [{ isian: [{ kode: 'jenis', nama: 'Jenis', tipe: 'select', wajib: true }] }, 'isian.0.pilihan'],
    [{ isian: [{ kode: 'x', nama: 'X', tipe: 'text', wajib: false, pilihan: ['a'] }] }, 'isian.0.pilihan'],
    [{ isian: [{ kode: 'x', nama: 'X', tipe: 'text', wajib: false, blok: 'tanah' }] }, 'isian.0.blok'],
    [{ isian: [dasar.isian[0], dasar.isian[0]] }, 'isian.1.kode'],
  ])('rejects %j at %s', (over, path) => {
    expect(
      masalah(over).some((m) => m.startsWith(`${path}:`)),
      masalah(over).join('; '),
    ).toBe(true);
  });

  it('rejects a block whose placeholders would clash with the desa’s or another block’s', () => {
    const desa = masalah({
      blok: [dasar.blok[0], { kode: 'desa', judul: 'Desa', sumber: 'penduduk', data: ['desa'] }],
    });
    expect(desa.join()).toContain('nama_desa');
    // a parent block meeting the child record's parent names is intended
    const ibu = { kode: 'ibu', judul: 'Ibu', sumber: 'penduduk', data: ['desa'], sex: 2 };
    expect(masalah({ blok: [dasar.blok[0], ibu] })).toEqual([]);
  });
});

const f = (over: Partial<Isian> & Pick<Isian, 'kode' | 'tipe'>): Isian => ({ nama: over.kode, wajib: true, ...over });

describe('isianSchema', () => {
  const jenis = {
    isian: [
      f({ kode: 'keperluan', nama: 'Keperluan', tipe: 'textarea' }),
      f({ kode: 'tanggal_nikah', nama: 'Tanggal Nikah', tipe: 'date' }),
      f({ kode: 'luas', nama: 'Luas Tanah', tipe: 'number' }),
      f({ kode: 'status', nama: 'Status Perkawinan', tipe: 'select', pilihan: ['Jejaka', 'Duda'] }),
      f({ kode: 'hari', nama: 'Hari Kejadian', tipe: 'hari' }),
      f({ kode: 'jam', nama: 'Pukul', tipe: 'time', wajib: false }),
      f({ kode: 'surel', nama: 'Email', tipe: 'email', wajib: false }),
      f({ kode: 'catatan', nama: 'Catatan', tipe: 'text', wajib: false, maks: 10 }),
    ],
  };
  const schema = isianSchema(jenis);
  const lengkap = {
    keperluan: 'Melamar kerja',
    tanggal_nikah: '2020-02-29',
    luas: '1.250',
    status: 'duda',
    hari: 'senin',
  };

  it('accepts complete answers: options and weekdays as listed, optional ones empty', () => {
    expect(schema.parse({ ...lengkap, jam: '8:05', extra: 'dibuang' })).toEqual({
      ...lengkap,
      status: 'Duda',
      hari: 'Senin',
      jam: '08:05',
      surel: '',
      catatan: '',
    });
  });

  it('names each missing required field in Indonesian', () => {
    const r = schema.safeParse({ keperluan: '   ' });
    expect(r.success).toBe(false);
    const pesan = Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path[0], i.message]));
    expect(pesan).toMatchObject({
      keperluan: 'Keperluan wajib diisi.',
      tanggal_nikah: 'Tanggal Nikah wajib diisi.',
      luas: 'Luas Tanah wajib diisi.',
      status: 'Status Perkawinan wajib diisi.',
      hari: 'Hari Kejadian wajib diisi.',
    });
    expect(pesan.jam).toBeUndefined();
  });

  it.each([
    ['tanggal_nikah', '2021-02-29', 'Tanggal Nikah bukan tanggal yang benar; tulis TTTT-BB-HH.'],
    ['tanggal_nikah', '29-02-2020', 'Tanggal Nikah bukan tanggal yang benar; tulis TTTT-BB-HH.'],
    ['luas', '12 hektar', 'Luas Tanah harus berupa angka.'],
    ['status', 'Beristri', 'Pilih Status Perkawinan dari pilihan yang tersedia.'],
    ['hari', 'Senen', 'Hari Kejadian diisi nama hari (Senin sampai Minggu).'],
    ['jam', '25:00', 'Pukul ditulis JJ:MM, mis. 08:30.'],
    ['surel', 'bukan-email', 'emailTidakValid'],
    ['catatan', 'sebelas huruf', 'Catatan paling banyak 10 karakter.'],
  ])('rejects %s = %j', (kode, nilai, pesan) => {
    const r = schema.safeParse({ ...lengkap, [kode]: nilai });
    expect(r.error?.issues.map((i) => [i.path[0], i.message])).toEqual([[kode, pesan]]);
  });

  it('works with the shared form helpers: messages localised, required/maxlength for the browser', () => {
    const r = parseForm(schema, { ...lengkap, surel: 'x@' }, messagesFor('id'));
    expect(r.ok ? null : r.state.errors.surel).toBe('Alamat email tidak valid, contoh: desa@contoh.id.');
    expect(fieldAttrs(schema, 'keperluan')).toEqual({ required: true, maxLength: 1000, minLength: 1 });
    expect(fieldAttrs(schema, 'catatan')).toEqual({ maxLength: 10 });
  });
});
