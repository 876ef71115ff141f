import { describe, expect, it } from 'vitest';
import { KeluargaBaruTable } from './impor-keluarga-baru.js';

const krajan = { dusun: 'Krajan', rw: '001', rt: '002' };

describe('KeluargaBaruTable', () => {
  it('numbers families in file order and keeps the head row’s address, unit and status', () => {
    const t = new KeluargaBaruTable();
    const a = t.ensure('3317090101010001');
    const b = t.ensure('3317090101010002');
    expect([a, b, t.ensure('3317090101010001')]).toEqual([1, 2, 1]);
    expect(t.nomorOf('3317090101019999')).toBe(0);
    t.addHead(a, 3, { alamat: 'Jl. Pantura 7 😀', wilayah: krajan, status: 1 });
    expect(t.heads(a)).toEqual([3]);
    expect(t.heads(b)).toEqual([]);
    expect([t.alamat(a), t.wilayah(a), t.statusKepala(a)]).toEqual(['Jl. Pantura 7 😀', krajan, 1]);
    expect([t.alamat(b), t.wilayah(b), t.statusKepala(b)]).toEqual([null, null, 1]);
    expect([...t.nomors()]).toEqual([1, 2]);
    expect(t.noKk(b)).toBe('3317090101010002');
  });

  it('lists every head of a family that has several, the last one giving the details', () => {
    const t = new KeluargaBaruTable();
    const a = t.ensure('3317090101010001');
    t.addHead(a, 5, { alamat: 'satu', wilayah: krajan, status: 1 });
    t.addHead(a, 9, { alamat: null, wilayah: { dusun: 'Lor', rw: null, rt: '003' }, status: 2 });
    t.addHead(a, 12, { alamat: 'tiga', wilayah: { ...krajan }, status: 2 });
    expect(t.heads(a)).toEqual([5, 9, 12]);
    expect([t.alamat(a), t.statusKepala(a)]).toEqual(['tiga', 2]);
    // the same dusun/RW/RT is one shared object
    const b = t.ensure('3317090101010002');
    t.addHead(b, 20, { alamat: null, wilayah: { ...krajan }, status: 1 });
    expect(t.wilayah(b)).toBe(t.wilayah(a));
  });

  it('survives being saved with a preview and loaded for the commit', () => {
    const t = new KeluargaBaruTable();
    for (let i = 1; i <= 3000; i += 1) {
      const n = t.ensure(`33170901010${String(i).padStart(5, '0')}`);
      if (i % 3 !== 0) t.addHead(n, i * 2, { alamat: i % 5 ? `Rumah ${i}` : null, wilayah: krajan, status: 1 });
    }
    const again = KeluargaBaruTable.load(JSON.parse(JSON.stringify(t.save())));
    expect(again.save()).toEqual(t.save());
    expect(again.nomorOf('3317090101000007')).toBe(7);
    expect(again.heads(3)).toEqual([]);
  });
});
