import { describe, expect, it } from 'vitest';
import { PERISTIWA, STATUS } from './peristiwa.js';
import {
  hadirPada,
  kematianSampai,
  type PendudukRingkas,
  type PeristiwaRingkas,
  peristiwaBerlaku,
  perPenduduk,
} from './statistik-kehadiran.js';

const A = '33.17.09.2001';
const B = '33.17.09.2002';
let nextId = 1;
const ev = (kode: number, tgl: string, desa = A, membatalkan_id: number | null = null, penduduk_id = 1) => ({
  id: nextId++,
  penduduk_id,
  desa_kode: desa,
  kode,
  tgl_peristiwa: tgl,
  membatalkan_id,
});
/** a reversal keeps the reversed event's date (pembatalan.service.ts) */
const batal = (e: PeristiwaRingkas) => ev(e.kode, e.tgl_peristiwa, e.desa_kode, e.id, e.penduduk_id);
const orang = (status_dasar: number, desa_kode = A): PendudukRingkas => ({ id: 1, desa_kode, status_dasar });

/** Presence at several dates, from the standing events of one desa (as the engine feeds them). */
const hadir = (p: PendudukRingkas, events: PeristiwaRingkas[], desa: string, dates: string[]) =>
  dates.map((d) => hadirPada(p, perPenduduk(events.filter((e) => e.desa_kode === desa)).get(p.id) ?? [], desa, d));

describe('presence at a date, from the event history by event date', () => {
  it('counts a person without events when the register says they live here now', () => {
    expect(hadirPada(orang(STATUS.hidup), [], A, '2020-01-01')).toBe(true);
    expect(hadirPada(orang(STATUS.hidup, B), [], A, '2020-01-01')).toBe(false);
    for (const s of [STATUS.mati, STATUS.pindah, STATUS.hilang, STATUS.pergi, STATUS.tidakValid])
      expect(hadirPada(orang(s), [], A, '2020-01-01'), `status ${s}`).toBe(false);
  });

  it('a birth: absent the day before, present on the day and after', () => {
    const events = [ev(PERISTIWA.lahir, '2026-06-15')];
    expect(hadir(orang(STATUS.hidup), events, A, ['2026-06-14', '2026-06-15', '2026-06-16'])).toEqual([
      false,
      true,
      true,
    ]);
  });

  it('a death: present the day before, gone on the day and after', () => {
    const events = [ev(PERISTIWA.mati, '2026-06-15')];
    expect(hadir(orang(STATUS.mati), events, A, ['2026-06-14', '2026-06-15', '2026-07-01'])).toEqual([
      true,
      false,
      false,
    ]);
  });

  it('moving out, missing and "pergi" end a stay like a death', () => {
    for (const kode of [PERISTIWA.pindahKeluar, PERISTIWA.hilang, PERISTIWA.pergi]) {
      const events = [ev(kode, '2026-03-01')];
      expect(hadir(orang(STATUS.pindah), events, A, ['2026-02-28', '2026-03-01']), `kode ${kode}`).toEqual([
        true,
        false,
      ]);
    }
  });

  it('an arrival then a death: absent, present, absent', () => {
    const events = [ev(PERISTIWA.pindahMasuk, '2026-02-10'), ev(PERISTIWA.mati, '2026-08-20')];
    expect(
      hadir(orang(STATUS.mati), events, A, ['2026-02-09', '2026-02-10', '2026-08-19', '2026-08-20', '2026-11-28']),
    ).toEqual([false, true, true, false, false]);
  });

  it('a reversed event drops out together with its reversal', () => {
    const lahir = ev(PERISTIWA.lahir, '2026-05-01');
    // the reversed birth makes the record TIDAK VALID: never counted, at no date
    expect(
      hadir(orang(STATUS.tidakValid), [lahir, batal(lahir)], A, ['2026-04-30', '2026-05-02', '2026-11-28']),
    ).toEqual([false, false, false]);
    // a reversed death: the person lives on as if it never happened
    const mati = ev(PERISTIWA.mati, '2026-07-01');
    const events = [mati, batal(mati)];
    expect(peristiwaBerlaku(events)).toEqual([]);
    expect(hadir(orang(STATUS.hidup), events, A, ['2026-06-30', '2026-07-01', '2026-07-05', '2026-11-28'])).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(kematianSampai(perPenduduk(events).get(1) ?? [], '2026-11-28')).toBeNull();
  });

  it('a reversed arrival followed by a fresh one counts from the fresh one only', () => {
    const first = ev(PERISTIWA.pindahMasuk, '2026-01-05');
    const events = [first, batal(first), ev(PERISTIWA.pindahMasuk, '2026-03-01')];
    expect(hadir(orang(STATUS.hidup), events, A, ['2026-01-05', '2026-02-28', '2026-03-01'])).toEqual([
      false,
      false,
      true,
    ]);
  });

  it('a transfer out and back: each desa sees its own stay', () => {
    // lived in A before the history began; to B on 1 March; back to A on 1 September
    const events = [
      ev(PERISTIWA.pindahKeluar, '2026-03-01', A),
      ev(PERISTIWA.pindahMasuk, '2026-03-01', B),
      ev(PERISTIWA.pindahKeluar, '2026-09-01', B),
      ev(PERISTIWA.pindahMasuk, '2026-09-01', A),
    ];
    const p = orang(STATUS.hidup, A);
    const dates = ['2026-02-28', '2026-03-01', '2026-08-31', '2026-09-01', '2026-11-28'];
    expect(hadir(p, events, A, dates)).toEqual([true, false, false, true, true]);
    expect(hadir(p, events, B, dates)).toEqual([false, true, true, false, false]);
  });

  it('orders events of one day by recording order: out then back in on the same day ends present', () => {
    const events = [ev(PERISTIWA.pindahKeluar, '2026-04-01'), ev(PERISTIWA.pindahMasuk, '2026-04-01')];
    expect(hadir(orang(STATUS.hidup), events, A, ['2026-03-31', '2026-04-01'])).toEqual([true, true]);
    const reversed = [ev(PERISTIWA.pindahMasuk, '2026-04-01'), ev(PERISTIWA.pindahKeluar, '2026-04-01')];
    expect(hadir(orang(STATUS.pindah), reversed, A, ['2026-03-31', '2026-04-01'])).toEqual([false, false]);
  });

  it('never counts a record that is not valid, whatever its events say', () => {
    const events = [ev(PERISTIWA.pindahMasuk, '2026-01-01')];
    expect(hadir(orang(STATUS.tidakValid), events, A, ['2026-06-01', '2026-11-28'])).toEqual([false, false]);
  });

  it('ignores events that neither start nor end a stay', () => {
    expect(hadirPada(orang(STATUS.hidup), [ev(99, '2026-01-01')], A, '2025-12-31')).toBe(true);
  });
});

describe('standing events and deaths', () => {
  it('sorts standing events by event date, then by recording order, whatever the input order', () => {
    const late = ev(PERISTIWA.mati, '2026-09-09');
    const early = ev(PERISTIWA.pindahMasuk, '2026-01-01');
    const sameDayA = ev(PERISTIWA.pindahKeluar, '2026-05-05');
    const sameDayB = ev(PERISTIWA.pindahMasuk, '2026-05-05');
    expect(peristiwaBerlaku([late, sameDayB, early, sameDayA]).map((e) => e.id)).toEqual([
      early.id,
      sameDayA.id,
      sameDayB.id,
      late.id,
    ]);
  });

  it('groups by person, each with their own standing events', () => {
    const a = ev(PERISTIWA.lahir, '2026-01-01', A, null, 7);
    const b = ev(PERISTIWA.mati, '2026-02-01', A, null, 8);
    const map = perPenduduk([a, b, batal(b)]);
    expect(map.get(7)?.map((e) => e.id)).toEqual([a.id]);
    expect(map.has(8)).toBe(false);
  });

  it('finds the death on or before a date', () => {
    const mati = { ...ev(PERISTIWA.mati, '2026-06-15'), akta_mati: 'AM-1' };
    expect(kematianSampai([mati], '2026-06-14')).toBeNull();
    expect(kematianSampai([mati], '2026-06-15')?.akta_mati).toBe('AM-1');
  });
});
