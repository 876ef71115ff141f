import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { recordLeavingEvent } from '#src/features/peristiwa/kepergian.service.js';
import { systemActor } from '#src/lib/audit/audit.js';
import type { HttpError } from '#src/lib/errors.js';
import { activate, DESA_A, DESA_B, insertFamily, insertTree } from '../../../tests/support/builders.js';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-db.js';
import { changeNoKk, editFamily, moveFamily } from './keluarga-data.service.js';
import { findInvariantViolations } from './keluarga-invariants.js';
import { addMember, changeHead, changeShdk, newKkForResident, splitFamily } from './keluarga-ops.service.js';

const actor = systemActor('operator');
const fails = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (error) {
    return error as HttpError;
  }
  throw new Error('expected a failure');
};
const KK_1 = '3317091201260001';
const KK_2 = '3317091201260002';
const KK_3 = '3317091201260003';

describe('family operations', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await activate(t.db, DESA_A);
    await activate(t.db, DESA_B);
  });
  // every test leaves every active family with exactly one living head (kepala_id, SHDK 1)
  afterEach(async () => expect(await findInvariantViolations(t.db)).toEqual([]));

  const person = (id: number) =>
    t.db
      .selectFrom('penduduk')
      .select(['keluarga_id', 'kk_level', 'lingkungan_id', 'status_dasar'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const family = (id: number) => t.db.selectFrom('keluarga').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const events = async (keluargaId: number) =>
    (
      await t.db
        .selectFrom('peristiwa_keluarga')
        .select(['kode', 'penduduk_id'])
        .where('keluarga_id', '=', keluargaId)
        .orderBy('id')
        .execute()
    ).map((e) => [e.kode, e.penduduk_id]);
  const audits = async (entitas: string, id: number) =>
    (
      await t.db
        .selectFrom('audit_log')
        .select('aksi')
        .where('entitas', '=', entitas)
        .where('entitas_id', '=', String(id))
        .orderBy('id')
        .execute()
    ).map((a) => a.aksi);
  const base = { no_kk: null, alamat: null, kelas_sosial: null, lingkungan_id: null, kepala_baru_id: null };

  it('a member gets a new KK (temporary number): event 12 on the old family, 1 on the new', async () => {
    const f = await insertFamily(t.db, DESA_A, { nama: 'Slamet', tanggallahir: '1970-01-01', sex: 1 }, [
      { nama: 'Rina', tanggallahir: '1995-02-02', sex: 2, kkLevel: 4 },
    ]);
    const rina = f.memberIds[0] as number;
    const newId = await newKkForResident(t.db, actor, DESA_A, { ...base, penduduk_id: rina });
    expect(await person(rina)).toMatchObject({ keluarga_id: newId, kk_level: 1, lingkungan_id: f.lingkunganId });
    const made = await family(newId);
    expect(made).toMatchObject({ kepala_id: rina, alamat: 'Jl. Kaliori', lingkungan_id: f.lingkunganId });
    expect(made.no_kk).toMatch(/^0331709200100\d{3}$/);
    expect(await events(f.keluargaId)).toEqual([
      [1, f.kepalaId],
      [12, rina],
    ]);
    expect(await events(newId)).toEqual([[1, rina]]);
    expect((await family(f.keluargaId)).kepala_id).toBe(f.kepalaId);
    expect(await audits('keluarga', newId)).toEqual(['buat']);
    expect(await audits('penduduk', rina)).toContain('kk-baru');
  });

  it('a head leaving for a new KK must name a new head; alone, the old KK closes', async () => {
    const f = await insertFamily(t.db, DESA_A, { nama: 'Darmo', tanggallahir: '1960-01-01', sex: 1 }, [
      { nama: 'Sumi', tanggallahir: '1962-01-01', sex: 2, kkLevel: 3 },
    ]);
    const sumi = f.memberIds[0] as number;
    const noHead = await fails(newKkForResident(t.db, actor, DESA_A, { ...base, penduduk_id: f.kepalaId }));
    expect(noHead.status).toBe(422);
    expect(noHead.fields).toEqual({ kepala_baru_id: 'pilihKepalaBaru' });
    expect(await person(f.kepalaId)).toMatchObject({ keluarga_id: f.keluargaId, kk_level: 1 });
    const newId = await newKkForResident(t.db, actor, DESA_A, {
      ...base,
      penduduk_id: f.kepalaId,
      no_kk: KK_1,
      kepala_baru_id: sumi,
    });
    expect(await family(f.keluargaId)).toMatchObject({ kepala_id: sumi, ditutup_pada: null });
    expect(await person(sumi)).toMatchObject({ kk_level: 1 });
    expect(await family(newId)).toMatchObject({ no_kk: KK_1, kepala_id: f.kepalaId });

    // Sumi, now alone, gets yet another KK: the old one is closed, never headless
    const third = await newKkForResident(t.db, actor, DESA_A, { ...base, penduduk_id: sumi });
    const closed = await family(f.keluargaId);
    expect(closed.kepala_id).toBeNull();
    expect(closed.ditutup_pada).not.toBeNull();
    expect((await person(sumi)).keluarga_id).toBe(third);
  });

  it('refuses a KK number used elsewhere (409 naming where), residents of other desa and the dead', async () => {
    await insertFamily(t.db, DESA_B, { nama: 'Joko', tanggallahir: '1980-01-01', sex: 1 });
    const b = await t.db.selectFrom('keluarga').select('id').where('desa_kode', '=', DESA_B).executeTakeFirstOrThrow();
    await changeNoKk(t.db, actor, DESA_B, b.id, { no_kk: KK_2, alasan: 'KK terbit' });
    const f = await insertFamily(t.db, DESA_A, { nama: 'Kasno', tanggallahir: '1971-01-01', sex: 1 }, [
      { nama: 'Kasni', tanggallahir: '1999-01-01', sex: 2, kkLevel: 4 },
    ]);
    const kasni = f.memberIds[0] as number;
    const used = await fails(newKkForResident(t.db, actor, DESA_A, { ...base, penduduk_id: kasni, no_kk: KK_2 }));
    expect(used.status).toBe(409);
    expect(used.fields).toEqual({ no_kk: 'kkSudahDipakai|Desa Maguan, Kecamatan Kaliori' });
    expect(await person(kasni)).toMatchObject({ keluarga_id: f.keluargaId, kk_level: 4 });
    expect(await events(f.keluargaId)).toEqual([[1, f.kepalaId]]);

    const joko = (await family(b.id)).kepala_id as number;
    const foreign = await fails(newKkForResident(t.db, actor, DESA_A, { ...base, penduduk_id: joko }));
    expect(foreign.fields).toEqual({ penduduk_id: 'pendudukBukanDesaIni' });
    await recordLeavingEvent(t.db, actor, kasni, 2, {
      tgl_peristiwa: '2026-11-01',
      tgl_lapor: null,
      catatan: null,
      kepala_baru_id: null,
    } as never);
    expect((await fails(newKkForResident(t.db, actor, DESA_A, { ...base, penduduk_id: kasni }))).status).toBe(409);
  });

  it('adds a member: a resident without a family, or one moving from another family (event 12 there)', async () => {
    const f = await insertFamily(t.db, DESA_A, { nama: 'Parman', tanggallahir: '1975-01-01', sex: 1 });
    const other = await insertFamily(t.db, DESA_A, { nama: 'Marni', tanggallahir: '1978-01-01', sex: 2 }, [
      { nama: 'Tini', tanggallahir: '2001-01-01', sex: 2, kkLevel: 4 },
    ]);
    const tini = other.memberIds[0] as number;
    expect(
      (
        await fails(
          addMember(t.db, actor, DESA_A, f.keluargaId, { penduduk_id: tini, kk_level: 1, kepala_baru_id: null }),
        )
      ).fields,
    ).toEqual({ kk_level: 'shdkSatuLewatGantiKepala' });
    await addMember(t.db, actor, DESA_A, f.keluargaId, { penduduk_id: tini, kk_level: 5, kepala_baru_id: null });
    expect(await person(tini)).toMatchObject({ keluarga_id: f.keluargaId, kk_level: 5 });
    expect(await events(other.keluargaId)).toEqual([
      [1, other.kepalaId],
      [12, tini],
    ]);
    const again = await fails(
      addMember(t.db, actor, DESA_A, f.keluargaId, { penduduk_id: tini, kk_level: 5, kepala_baru_id: null }),
    );
    expect(again.fields).toEqual({ penduduk_id: 'sudahAnggota' });
    // the head of another family joins: that family, now empty, closes
    await addMember(t.db, actor, DESA_A, f.keluargaId, {
      penduduk_id: other.kepalaId,
      kk_level: 3,
      kepala_baru_id: null,
    });
    expect((await family(other.keluargaId)).ditutup_pada).not.toBeNull();
    expect(await audits('penduduk', tini)).toContain('masuk-kk');
  });

  it('changes a member SHDK; the head only through a new head', async () => {
    const f = await insertFamily(t.db, DESA_A, { nama: 'Wagiman', tanggallahir: '1950-01-01', sex: 1 }, [
      { nama: 'Wagini', tanggallahir: '1952-01-01', sex: 2, kkLevel: 3 },
      { nama: 'Wawan', tanggallahir: '1980-01-01', sex: 1, kkLevel: 4 },
    ]);
    const [wagini, wawan] = f.memberIds as [number, number];
    await changeShdk(t.db, actor, DESA_A, f.keluargaId, { penduduk_id: wawan, kk_level: 9 });
    expect((await person(wawan)).kk_level).toBe(9);
    const head = await fails(changeShdk(t.db, actor, DESA_A, f.keluargaId, { penduduk_id: f.kepalaId, kk_level: 7 }));
    expect(head.fields).toEqual({ kk_level: 'shdkKepalaLewatGantiKepala' });
    const one = await fails(changeShdk(t.db, actor, DESA_A, f.keluargaId, { penduduk_id: wawan, kk_level: 1 }));
    expect(one.fields).toEqual({ kk_level: 'shdkSatuLewatGantiKepala' });

    await changeHead(t.db, actor, DESA_A, f.keluargaId, { kepala_baru_id: wawan, shdk_kepala_lama: 7 });
    expect(await person(wawan)).toMatchObject({ kk_level: 1 });
    expect(await person(f.kepalaId)).toMatchObject({ kk_level: 7, keluarga_id: f.keluargaId });
    expect((await family(f.keluargaId)).kepala_id).toBe(wawan);
    const same = await fails(
      changeHead(t.db, actor, DESA_A, f.keluargaId, { kepala_baru_id: wawan, shdk_kepala_lama: 4 }),
    );
    expect(same.fields).toEqual({ kepala_baru_id: 'sudahKepala' });
    const outsider = await insertFamily(t.db, DESA_A, { nama: 'Luar', tanggallahir: '1990-01-01', sex: 1 });
    const notMember = await fails(
      changeHead(t.db, actor, DESA_A, f.keluargaId, { kepala_baru_id: outsider.kepalaId, shdk_kepala_lama: 4 }),
    );
    expect(notMember.fields).toEqual({ kepala_baru_id: 'bukanAnggotaKeluarga' });
    expect(await audits('keluarga', f.keluargaId)).toContain('ganti-kepala');
    void wagini;
  });

  it('splits a KK: members leave with one of them as head; the old head stays', async () => {
    const f = await insertFamily(t.db, DESA_A, { nama: 'Karto', tanggallahir: '1950-01-01', sex: 1 }, [
      { nama: 'Anak Sulung', tanggallahir: '1980-01-01', sex: 1, kkLevel: 4 },
      { nama: 'Menantu', tanggallahir: '1982-01-01', sex: 2, kkLevel: 5 },
      { nama: 'Cucu', tanggallahir: '2010-01-01', sex: 1, kkLevel: 6 },
    ]);
    const [sulung, menantu, cucu] = f.memberIds as [number, number, number];
    const wrongHead = await fails(
      splitFamily(t.db, actor, DESA_A, f.keluargaId, {
        anggota: [menantu, cucu],
        kepala_id: sulung,
        no_kk: null,
        kepala_baru_id: null,
        shdk: {},
      }),
    );
    expect(wrongHead.fields).toEqual({ kepala_id: 'kepalaPecahBukanYangKeluar' });
    const newId = await splitFamily(t.db, actor, DESA_A, f.keluargaId, {
      anggota: [sulung, menantu, cucu],
      kepala_id: sulung,
      no_kk: KK_3,
      kepala_baru_id: null,
      shdk: { [menantu]: 3, [cucu]: 4 },
    });
    expect(await person(sulung)).toMatchObject({ keluarga_id: newId, kk_level: 1 });
    expect(await person(menantu)).toMatchObject({ keluarga_id: newId, kk_level: 3 });
    expect(await person(cucu)).toMatchObject({ keluarga_id: newId, kk_level: 4 });
    expect(await family(f.keluargaId)).toMatchObject({ kepala_id: f.kepalaId, ditutup_pada: null });
    expect(await events(f.keluargaId)).toEqual([
      [1, f.kepalaId],
      [12, sulung],
      [12, menantu],
      [12, cucu],
    ]);
    expect(await events(newId)).toEqual([[1, sulung]]);
    expect((await family(newId)).no_kk).toBe(KK_3);
  });

  it('split with the head leaving: a new head from those staying is required; an SHDK for the old head too', async () => {
    const f = await insertFamily(t.db, DESA_A, { nama: 'Bapak', tanggallahir: '1950-01-01', sex: 1 }, [
      { nama: 'Ibu', tanggallahir: '1952-01-01', sex: 2, kkLevel: 3 },
      { nama: 'Putra', tanggallahir: '1985-01-01', sex: 1, kkLevel: 4 },
      { nama: 'Putri', tanggallahir: '1988-01-01', sex: 2, kkLevel: 4 },
    ]);
    const [ibu, putra, putri] = f.memberIds as [number, number, number];
    const leaving = { anggota: [f.kepalaId, ibu], kepala_id: ibu, no_kk: null };
    const noNewHead = await fails(
      splitFamily(t.db, actor, DESA_A, f.keluargaId, { ...leaving, kepala_baru_id: null, shdk: { [f.kepalaId]: 2 } }),
    );
    expect(noNewHead.fields).toEqual({ kepala_baru_id: 'pilihKepalaBaru' });
    const noShdk = await fails(
      splitFamily(t.db, actor, DESA_A, f.keluargaId, { ...leaving, kepala_baru_id: putra, shdk: {} }),
    );
    expect(noShdk.fields).toEqual({ [`shdk_${f.kepalaId}`]: 'shdkWajib' });
    const leaverAsHead = await fails(
      splitFamily(t.db, actor, DESA_A, f.keluargaId, { ...leaving, kepala_baru_id: ibu, shdk: { [f.kepalaId]: 2 } }),
    );
    expect(leaverAsHead.fields).toEqual({ kepala_baru_id: 'kepalaBaruTidakValid' });
    expect(await person(f.kepalaId)).toMatchObject({ keluarga_id: f.keluargaId, kk_level: 1 });

    const newId = await splitFamily(t.db, actor, DESA_A, f.keluargaId, {
      ...leaving,
      kepala_baru_id: putra,
      shdk: { [f.kepalaId]: 2 },
    });
    expect(await family(f.keluargaId)).toMatchObject({ kepala_id: putra, ditutup_pada: null });
    expect(await person(putri)).toMatchObject({ keluarga_id: f.keluargaId, kk_level: 4 });
    expect(await person(ibu)).toMatchObject({ keluarga_id: newId, kk_level: 1 });
    expect(await person(f.kepalaId)).toMatchObject({ keluarga_id: newId, kk_level: 2 });

    // everyone leaves: the old KK closes
    const last = await splitFamily(t.db, actor, DESA_A, f.keluargaId, {
      anggota: [putra, putri],
      kepala_id: putri,
      no_kk: null,
      kepala_baru_id: null,
      shdk: { [putra]: 9 },
    });
    expect((await family(f.keluargaId)).ditutup_pada).not.toBeNull();
    expect(await person(putra)).toMatchObject({ keluarga_id: last, kk_level: 9 });
  });

  it('moving a family moves its living members; the address is optional', async () => {
    const { rtId } = await insertTree(t.db, DESA_A, 'Ngemplak');
    const f = await insertFamily(t.db, DESA_A, { nama: 'Pindah', tanggallahir: '1970-01-01', sex: 1 }, [
      { nama: 'Ikut', tanggallahir: '1972-01-01', sex: 2, kkLevel: 3 },
      { nama: 'Almarhum', tanggallahir: '1940-01-01', sex: 1, kkLevel: 7 },
    ]);
    const [ikut, almarhum] = f.memberIds as [number, number];
    await recordLeavingEvent(t.db, actor, almarhum, 2, {
      tgl_peristiwa: '2026-11-01',
      tgl_lapor: null,
      catatan: null,
      kepala_baru_id: null,
    } as never);
    await moveFamily(t.db, actor, DESA_A, f.keluargaId, { lingkungan_id: rtId, alamat: null });
    expect(await family(f.keluargaId)).toMatchObject({ lingkungan_id: rtId, alamat: 'Jl. Kaliori' });
    expect((await person(f.kepalaId)).lingkungan_id).toBe(rtId);
    expect((await person(ikut)).lingkungan_id).toBe(rtId);
    expect((await person(almarhum)).lingkungan_id).toBe(f.lingkunganId);
    await moveFamily(t.db, actor, DESA_A, f.keluargaId, { lingkungan_id: rtId, alamat: 'Jl. Baru 2' });
    expect((await family(f.keluargaId)).alamat).toBe('Jl. Baru 2');
    const b = await insertTree(t.db, DESA_B, 'Lain');
    const foreign = await fails(moveFamily(t.db, actor, DESA_A, f.keluargaId, { lingkungan_id: b.rtId, alamat: null }));
    expect(foreign.fields).toEqual({ lingkungan_id: 'lingkunganTidakDitemukan' });
    expect(await audits('penduduk', ikut)).toContain('pindah-wilayah');
  });

  it('a KK number change keeps the history; numbers in use and the same number are refused', async () => {
    const f = await insertFamily(t.db, DESA_A, { nama: 'Nomor', tanggallahir: '1970-01-01', sex: 1 });
    const temp = (await family(f.keluargaId)).no_kk;
    await changeNoKk(t.db, actor, DESA_A, f.keluargaId, { no_kk: '3317091201260010', alasan: 'KK terbit' });
    await changeNoKk(t.db, actor, DESA_A, f.keluargaId, { no_kk: '3317091201260011', alasan: 'salah ketik' });
    const history = await t.db
      .selectFrom('keluarga_no_kk')
      .select(['no_kk', 'alasan'])
      .where('keluarga_id', '=', f.keluargaId)
      .orderBy('id')
      .execute();
    expect(history).toEqual([
      { no_kk: temp, alasan: 'keluarga baru' },
      { no_kk: '3317091201260010', alasan: 'KK terbit' },
      { no_kk: '3317091201260011', alasan: 'salah ketik' },
    ]);
    const same = await fails(
      changeNoKk(t.db, actor, DESA_A, f.keluargaId, { no_kk: '3317091201260011', alasan: 'lagi' }),
    );
    expect(same.fields).toEqual({ no_kk: 'kkSamaDenganSekarang' });
    const used = await fails(changeNoKk(t.db, actor, DESA_A, f.keluargaId, { no_kk: KK_2, alasan: 'x' }));
    expect(used.status).toBe(409);
    expect(used.fields.no_kk).toMatch(/^kkSudahDipakai\|Desa Maguan/);
    expect((await family(f.keluargaId)).no_kk).toBe('3317091201260011');
    const row = await t.db
      .selectFrom('audit_log')
      .select('perubahan')
      .where('entitas', '=', 'keluarga')
      .where('aksi', '=', 'ubah-no-kk')
      .where('entitas_id', '=', String(f.keluargaId))
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    // the audit trail keeps only the last 4 digits
    expect(String(row.perubahan)).not.toContain('3317091201260011');
  });

  it('edits family data with a version check; a print date in the future is refused', async () => {
    const f = await insertFamily(t.db, DESA_A, { nama: 'Data', tanggallahir: '1970-01-01', sex: 1 });
    const v = (await family(f.keluargaId)).versi;
    await editFamily(t.db, actor, DESA_A, f.keluargaId, v, {
      alamat: 'Jl. Mawar 1',
      kelas_sosial: 2,
      tgl_cetak_kk: '2026-01-15',
    });
    expect(await family(f.keluargaId)).toMatchObject({
      alamat: 'Jl. Mawar 1',
      kelas_sosial: 2,
      tgl_cetak_kk: '2026-01-15',
    });
    const stale = await fails(
      editFamily(t.db, actor, DESA_A, f.keluargaId, v, { alamat: 'X', kelas_sosial: null, tgl_cetak_kk: null }),
    );
    expect(stale.status).toBe(409);
    expect(stale.key).toBe('diubahOrangLain');
    const future = await fails(
      editFamily(t.db, actor, DESA_A, f.keluargaId, v + 1, {
        alamat: 'X',
        kelas_sosial: null,
        tgl_cetak_kk: '2999-01-01',
      }),
    );
    expect(future.fields).toEqual({ tgl_cetak_kk: 'tanggalDiMasaDepan' });
    expect((await family(f.keluargaId)).alamat).toBe('Jl. Mawar 1');
    const other = await fails(
      editFamily(t.db, actor, DESA_B, f.keluargaId, v + 1, { alamat: 'X', kelas_sosial: null, tgl_cetak_kk: null }),
    );
    expect(other.status).toBe(404);
  });
});
