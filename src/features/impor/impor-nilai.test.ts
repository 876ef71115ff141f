import { describe, expect, it } from 'vitest';
import { type CodeListName, codeList } from '#src/domain/codes.js';
import data from '../../../seed/codes.json' with { type: 'json' };
import { KOLOM_PENDUDUK } from './impor-kolom.js';
import { readCell, readDate } from './impor-nilai.js';

const kolom = (nama: string) => {
  const k = KOLOM_PENDUDUK.find((c) => c.nama === nama);
  if (!k) throw new Error(nama);
  return k;
};
const lists = data as unknown as Record<string, { import_aliases?: Record<string, number> }>;

describe('reading OpenSID cells', () => {
  it('accepts every alias of codes.json, in any case and spacing', () => {
    const columnOf: Record<string, string> = {
      jenis_kelamin: 'sex',
      pendidikan_kk: 'pendidikan_kk_id',
      status_kawin: 'status_kawin',
      golongan_darah: 'golongan_darah_id',
      status_dasar: 'status_dasar',
      ktp_el: 'ktp_el',
    };
    let checked = 0;
    for (const [list, { import_aliases }] of Object.entries(lists)) {
      for (const [alias, code] of Object.entries(import_aliases ?? {})) {
        const k = kolom(columnOf[list] ?? '');
        for (const variant of [alias, alias.toLowerCase(), ` ${alias.toUpperCase()}  `])
          expect(readCell(k, variant), `${list} ${variant}`).toEqual({ ok: true, value: code });
        checked += 1;
      }
    }
    expect(checked).toBe(18);
  });

  it('accepts every label and every code of every coded column', () => {
    for (const k of KOLOM_PENDUDUK.filter((c) => c.kind === 'kode')) {
      for (const entry of codeList(k.list as CodeListName)) {
        expect(readCell(k, entry.label), `${k.nama} ${entry.label}`).toMatchObject({ ok: true, value: entry.code });
        expect(readCell(k, entry.code), `${k.nama} ${entry.code}`).toMatchObject({ ok: true, value: entry.code });
        expect(readCell(k, String(entry.code))).toMatchObject({ ok: true, value: entry.code });
      }
    }
    // status_rekam: labels lower-cased, as OpenSID's import does
    expect(readCell(kolom('status_rekam'), 'sent for card printing')).toEqual({ ok: true, value: 7 });
  });

  it('decides explicitly about the codes the reference questions', () => {
    expect(readCell(kolom('ktp_el'), 3)).toEqual({ ok: true, value: 3 });
    expect(readCell(kolom('cara_kb_id'), 8)).toEqual({ ok: false, problem: 'pilihanTidakValid' });
    expect(readCell(kolom('cara_kb_id'), 99)).toEqual({ ok: true, value: 99 });
    expect(readCell(kolom('id_asuransi'), 4)).toEqual({ ok: true, value: 2, warning: 'imporAsuransiDaerah' });
    expect(readCell(kolom('status_dasar'), 5)).toEqual({ ok: false, problem: 'pilihanTidakValid' });
    expect(readCell(kolom('sex'), 'X')).toEqual({ ok: false, problem: 'pilihanTidakValid' });
  });

  it('reads dates as Excel cells, serials, YYYY-MM-DD, DD-MM-YYYY and DD/MM/YYYY — nothing else', () => {
    expect(readDate(new Date(Date.UTC(1978, 2, 28)))).toEqual({ ok: true, value: '1978-03-28' });
    expect(readDate(28577)).toEqual({ ok: true, value: '1978-03-28' });
    expect(readDate('28577')).toEqual({ ok: true, value: '1978-03-28' });
    expect(readDate('1978-3-28')).toEqual({ ok: true, value: '1978-03-28' });
    expect(readDate('28-03-1978')).toEqual({ ok: true, value: '1978-03-28' });
    expect(readDate('28/03/1978')).toEqual({ ok: true, value: '1978-03-28' });
    for (const bad of ['03/28/1978', '31-02-1990', '28 Maret 1978', '1978/13/01', 'kemarin', 3317090101900001])
      expect(readDate(bad), String(bad)).toEqual({ ok: false, problem: 'imporTanggal' });
  });

  it('checks NIK, KK, names, coordinates, chip ids and lengths with the shared rules', () => {
    expect(readCell(kolom('nik'), '3317 0912 0190 0001')).toEqual({ ok: true, value: '3317091201900001' });
    expect(readCell(kolom('nik'), "'3317091201900001")).toEqual({ ok: true, value: '3317091201900001' });
    expect(readCell(kolom('nik'), '0')).toEqual({ ok: true, value: null });
    expect(readCell(kolom('nik'), '331709120190001')).toEqual({ ok: false, problem: 'nikFormat' });
    expect(readCell(kolom('nik'), '3317093201900001')).toEqual({ ok: false, problem: 'nikTanggalMustahil' });
    expect(readCell(kolom('nik'), '3317091201900000')).toEqual({ ok: false, problem: 'nikSerialNol' });
    expect(readCell(kolom('nik'), 3317091201900010)).toEqual({
      ok: true,
      value: '3317091201900010',
      warning: 'imporAngkaBukanTeks',
    });
    expect(readCell(kolom('no_kk'), '331709120190001')).toEqual({ ok: false, problem: 'kkFormat' });
    expect(readCell(kolom('no_kk'), '0331709200100001')).toEqual({
      ok: true,
      value: '0331709200100001',
      warning: 'imporKkSementara',
    });
    expect(readCell(kolom('nama'), 'Ni Luh  Putu')).toEqual({ ok: true, value: 'Ni Luh Putu' });
    expect(readCell(kolom('nama'), 'B0b')).toEqual({ ok: false, problem: 'namaOrangTidakValid' });
    expect(readCell(kolom('nama'), '\'=HYPERLINK("x")')).toEqual({ ok: false, problem: 'namaOrangTidakValid' });
    expect(readCell(kolom('lat'), '-6.7123')).toEqual({ ok: true, value: -6.7123 });
    expect(readCell(kolom('lat'), '95')).toEqual({ ok: false, problem: 'koordinatTidakValid' });
    expect(readCell(kolom('lng'), '1')).toEqual({ ok: false, problem: 'koordinatTidakValid' });
    expect(readCell(kolom('tag_id_card'), 'AB12')).toEqual({ ok: false, problem: 'tagIdCardTidakValid' });
    expect(readCell(kolom('akta_lahir'), 'x'.repeat(41))).toEqual({ ok: false, problem: 'terlaluPanjang|40' });
    expect(readCell(kolom('alamat'), "'=1+1")).toEqual({ ok: true, value: '=1+1' });
  });
});
