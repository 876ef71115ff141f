import { describe, expect, it } from 'vitest';
import { hurufJudul, hurufToken, knownTokens, substitute, tokensIn } from './surat-placeholder.js';

const values = {
  nama_desa: 'BanyuDono',
  nama: 'SITI AMINAH',
  alamat: 'RT 003/RW 001 DUSUN KRAJAN II',
  form_keperluan: '',
  form_jumlah: '1.250.000',
};

describe('hurufToken', () => {
  it.each([
    ['nama_desa', 'kecil'],
    ['NAma_desa', 'besar'],
    ['NAMA_DESA', 'besar'],
    ['Nama_desa', 'judul'],
    ['NamA_desa', 'asli'],
    ['Nama_desA', 'asli'],
    ['Nik', 'judul'],
    ['nAMA', 'kecil'],
  ])('%s → %s', (token, huruf) => {
    expect(hurufToken(token)).toBe(huruf);
  });
});

describe('substitute: case rule', () => {
  it('follows the spelling of each token', () => {
    const t = '[nama_desa] | [NAma_desa] | [Nama_desa] | [NamA_desa]';
    expect(substitute(t, values).text).toBe('banyudono | BANYUDONO | Banyudono | BanyuDono');
  });

  it('looks tokens up whatever their case', () => {
    expect(substitute('[NAMA]', values).text).toBe('SITI AMINAH');
    expect(substitute('[Nama]', values).text).toBe('Siti Aminah');
  });

  it('accepts values with upper-case keys', () => {
    expect(substitute('[nama_desa]', { Nama_Desa: 'KALIORI' }).text).toBe('kaliori');
  });
});

describe('substitute: empty and unknown', () => {
  it('prints "-" for a known empty value, or the chosen replacement', () => {
    expect(substitute('untuk [form_keperluan].', values).text).toBe('untuk -.');
    expect(substitute('untuk [form_keperluan].', values, { kosong: '……' }).text).toBe('untuk …….');
  });

  it('leaves unknown tokens as written and lists each once', () => {
    const r = substitute('[Nama_Kucing] dan [nama_kucing], [tgl], [nama]', values);
    expect(r.text).toBe('[Nama_Kucing] dan [nama_kucing], [tgl], siti aminah');
    expect(r.unknown).toEqual(['nama_kucing', 'tgl']);
  });

  it('ignores brackets that are not tokens', () => {
    const t = '[nomor_surat, 3] [ lihat ] [] [1a]';
    expect(substitute(t, values)).toEqual({ text: t, unknown: [] });
  });

  it('keeps a value on one line', () => {
    expect(substitute('[alamat]', { alamat: 'Jl. Mawar\n  No. 4' }).text).toBe('jl. mawar no. 4');
  });
});

describe('substitute: terbilang', () => {
  it('writes the amount in words, cased by the terbilang token', () => {
    expect(substitute('[terbilang][form_jumlah]', values).text).toBe('satu juta dua ratus lima puluh ribu');
    expect(substitute('[Terbilang][form_jumlah] rupiah', values).text).toBe(
      'Satu Juta Dua Ratus Lima Puluh Ribu rupiah',
    );
    expect(substitute('[TErbilang][FORM_JUMLAH]', values).text).toBe('SATU JUTA DUA RATUS LIMA PULUH RIBU');
  });

  it('handles empty, non-numeric and unknown amounts', () => {
    expect(substitute('[terbilang][form_keperluan]', values).text).toBe('-');
    expect(substitute('[terbilang][nama]', values).text).toBe('SITI AMINAH');
    const r = substitute('[terbilang][form_x]', values);
    expect(r).toEqual({ text: '[terbilang][form_x]', unknown: ['form_x'] });
  });

  it('substitutes two adjacent ordinary tokens separately', () => {
    expect(substitute('[nama][nama_desa]', values).text).toBe('siti aminahbanyudono');
  });
});

describe('hurufJudul', () => {
  it.each([
    ['SITI AMINAH', 'Siti Aminah'],
    ['RT 003/RW 001', 'RT 003/RW 001'],
    ['rt 003/rw 001 dusun krajan ii', 'RT 003/RW 001 Dusun Krajan II'],
    ['REMBANG/KALIORI', 'Rembang/Kaliori'],
    ['kec. rembang-kaliori', 'Kec. Rembang-Kaliori'],
    ["MA'RUF AMIN", "Ma'ruf Amin"],
    ['H.M. SHOLEH, S.PD.', 'H.M. Sholeh, S.Pd.'],
    ['guru sd negeri 2', 'Guru SD Negeri 2'],
    ['ṢĀLIḤ', 'Ṣāliḥ'],
  ])('%s → %s', (from, to) => {
    expect(hurufJudul(from)).toBe(to);
  });
});

describe('token lists', () => {
  it('lists the tokens a template uses and the ones a values map offers', () => {
    expect(tokensIn('[Nama] [nama] [Terbilang][form_jumlah] [x][y]')).toEqual(['nama', 'form_jumlah', 'x', 'y']);
    expect(knownTokens({ Nama: 'a', alamat: 'b' })).toEqual(['alamat', 'nama']);
  });
});
