import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '#src/domain/age.js';
import { countFamiliesWithoutHead } from '#src/features/keluarga/keluarga-invariants.js';
import { createHousehold } from '#src/features/keluarga/rumah-tangga.service.js';
import { systemActor } from '#src/lib/audit/audit.js';
import { activate, DESA_A, DESA_B, makeNik } from '../../../tests/support/builders.js';
import { importContext } from '../../../tests/support/opensid-file.js';
import { householdsOf, type RtmCells, rtmFamily, runRtm, writeRtm } from '../../../tests/support/rtm-file.js';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-db.js';
import { useTempDir } from '../../../tests/support/xlsx-files.js';
import { commitImport, getJob, type ImporContext, settled } from './impor-tugas.service.js';

const actor = systemActor('operator-a');
const N1 = '331709200100001';
const N2 = '331709200100002';
const noData = { kelas_sosial: null, bdt: null, terdaftar_dtks: 0 } as const;

describe('OpenSID household (RTM) import', () => {
  let t: TestDatabase;
  let ctx: ImporContext;
  const tmp = useTempDir();
  let n = 0;
  const run = async (desa: string, rows: RtmCells[], opts: { header?: string[] } = {}, commit = true) => {
    const path = tmp(`r${++n}.xlsx`);
    await writeRtm(path, rows, opts);
    return runRtm(ctx, actor, desa, path, tmp(`u${n}.xlsx`), commit);
  };
  const household = async (desa: string, kepalaId: number) => {
    const id = await createHousehold(t.db, actor, desa, { ...noData, kepala_id: kepalaId });
    return (await t.db.selectFrom('rumah_tangga').select('nomor').where('id', '=', id).executeTakeFirstOrThrow()).nomor;
  };

  beforeAll(async () => {
    t = await createTestDatabase();
    ctx = importContext(t.db, tmp('data'));
    await activate(t.db, DESA_A);
    await activate(t.db, DESA_B);
  });
  afterAll(async () => t.close());

  it('previews, then creates households with heads, members, levels (codes or labels) and the head’s unit', async () => {
    const f1 = await rtmFamily(t.db, DESA_A, 'Ahmad Basuki', [{ nama: 'Siti Rahayu' }, { nama: 'Dewi Sartika' }]);
    const f2 = await rtmFamily(t.db, DESA_A, 'Bambang Irawan', [{ nama: 'Sri Wahyuni' }]);
    const [m1, m2] = f1.members;
    const rows: RtmCells[] = [
      [f1.head.nik, N1, 1],
      [m1?.nik ?? '', N1, 2],
      [m2?.nik ?? '', N1, '2'],
      [f2.head.nik, N2, 'KEPALA RUMAH TANGGA'],
      [f2.members[0]?.nik ?? '', N2, 'anggota'],
    ];
    const preview = await run(DESA_A, rows, {}, false);
    expect(preview.job.status).toBe('siap');
    expect(preview.job.hasil).toMatchObject({
      total: 5,
      baru: 5,
      diperbarui: 0,
      tidak_berubah: 0,
      ditolak: 0,
      rumah_tangga_baru: 2,
    });
    expect(await householdsOf(t.db, DESA_A)).toEqual([]);

    const versi = async (id: number) =>
      (await t.db.selectFrom('penduduk').select('versi').where('id', '=', id).executeTakeFirstOrThrow()).versi;
    const before = await versi(f1.head.id);
    await commitImport(ctx, actor, preview.id);
    await settled(preview.id);
    expect((await getJob(ctx, preview.id)).status).toBe('selesai');
    expect(await householdsOf(t.db, DESA_A)).toEqual([
      [N1, f1.head.nik, 1, true],
      [N1, m1?.nik, 2, false],
      [N1, m2?.nik, 2, false],
      [N2, f2.head.nik, 1, true],
      [N2, f2.members[0]?.nik, 2, false],
    ]);
    expect(await versi(f1.head.id)).toBe(before + 1);
    const rt = await t.db.selectFrom('rumah_tangga').selectAll().where('nomor', '=', N1).executeTakeFirstOrThrow();
    expect(rt).toMatchObject({
      desa_kode: DESA_A,
      kepala_id: f1.head.id,
      lingkungan_id: f1.lingkunganId,
      terdaftar_dtks: 0,
      tgl_daftar: todayIn(),
      dibuat_oleh: 'operator-a',
    });
    const made = await t.db
      .selectFrom('rumah_tangga')
      .select('id')
      .where('desa_kode', '=', DESA_A)
      .orderBy('nomor')
      .execute();
    const audited = await t.db
      .selectFrom('audit_log')
      .select('entitas_id')
      .where('entitas', '=', 'rumah_tangga')
      .where('aksi', '=', 'impor')
      .execute();
    expect(audited.map((a) => Number(a.entitas_id)).sort()).toEqual(made.map((m) => m.id).sort());
    expect(await countFamiliesWithoutHead(t.db, DESA_A)).toBe(0);

    // the registry's own numbering goes on after the imported numbers
    const f3 = await rtmFamily(t.db, DESA_A, 'Cahyo Nugroho');
    expect(await household(DESA_A, f3.head.id)).toBe('331709200100003');

    const again = await run(DESA_A, rows);
    expect(again.job.hasil).toMatchObject({ baru: 0, tidak_berubah: 5, ditolak: 0, rumah_tangga_baru: 0 });
  });

  it('rejects rows with row, column and reason; joins a household in use; refuses moves and second heads', async () => {
    const fx = await rtmFamily(t.db, DESA_A, 'Darmo Wiyono', [{ nama: 'Rina Marlina' }, { nama: 'Tuti Alawiyah' }]);
    const fy = await rtmFamily(t.db, DESA_A, 'Eko Prasetyo', [{ nama: 'Endang Lestari' }]);
    const fz = await rtmFamily(t.db, DESA_A, 'Fajar Hidayat', [{ nama: 'Fitri Handayani' }]);
    const fw = await rtmFamily(t.db, DESA_A, 'Gilang Ramadhan', [{ nama: 'Wulan Sari' }]);
    const fb = await rtmFamily(t.db, DESA_B, 'Joko Santoso');
    const hx = await household(DESA_A, fx.head.id);
    const hb = await household(DESA_B, fb.head.id);
    const [x1, x2] = fx.members;
    const r = await run(DESA_A, [
      [x1?.nik ?? '', hx, 2],
      [x2?.nik ?? '', hx, 1],
      [makeNik('1990-01-01', 1), 'X1', 1],
      [fb.head.nik, 'X1', 1],
      [fy.head.nik, 'X2', 1],
      [fy.head.nik, 'X3', 1],
      [fy.members[0]?.nik ?? '', 'X2', 2],
      [fx.head.nik, 'X4', 1],
      [fz.head.nik, hb, 1],
      [fz.members[0]?.nik ?? '', '3317092001123', 1],
      ['3317', 'X5', 1],
      [makeNik('1991-02-02', 2), 'X5', 'ketua'],
      [makeNik('1992-03-03', 2), '', 2],
      [fw.head.nik, 'X6', 1],
      [fw.members[0]?.nik ?? '', 'X6', 'Kepala Rumah Tangga'],
    ]);
    expect(r.galat).toEqual([
      [3, 'STATUS HUBUNGAN DALAM RUMAH TANGGA', 'imporRtmKepalaSudahAda'],
      [4, 'NIK', 'imporRtmNikTidakAda'],
      [5, 'NIK', 'imporNikDesaLain'],
      [6, 'NIK', 'imporNikGanda'],
      [7, 'NIK', 'imporNikGanda'],
      [8, 'STATUS HUBUNGAN DALAM RUMAH TANGGA', 'imporRtmTanpaKepala'],
      [9, 'NOMOR RUMAH TANGGA', 'imporRtmSudahDiRumahTanggaLain'],
      [10, 'NOMOR RUMAH TANGGA', 'imporRtmNomorDesaLain'],
      [11, 'NOMOR RUMAH TANGGA', 'imporRtmNomorSeri'],
      [12, 'NIK', 'nikFormat'],
      [13, 'STATUS HUBUNGAN DALAM RUMAH TANGGA', 'pilihanTidakValid'],
      [14, 'NOMOR RUMAH TANGGA', 'wajibDiisi'],
      [15, 'STATUS HUBUNGAN DALAM RUMAH TANGGA', 'imporRtmKepalaGanda'],
      [16, 'STATUS HUBUNGAN DALAM RUMAH TANGGA', 'imporRtmKepalaGanda'],
    ]);
    expect(r.problems.galat.find((g) => g.baris === 5)?.pesan).toBe('imporNikDesaLain|Desa Maguan, Kecamatan Kaliori');
    expect(r.problems.galat.find((g) => g.baris === 9)?.pesan).toBe(`imporRtmSudahDiRumahTanggaLain|${hx}`);
    expect(r.job.hasil).toMatchObject({
      total: 15,
      baru: 1,
      tidak_berubah: 0,
      ditolak: 14,
      ganda: 2,
      rumah_tangga_baru: 0,
    });
    expect(r.job.status).toBe('selesai');
    const rows = await householdsOf(t.db, DESA_A);
    expect(rows.filter((row) => row[0] === hx)).toEqual([
      [hx, fx.head.nik, 1, true],
      [hx, x1?.nik, 2, false],
    ]);
    expect(rows.some((row) => String(row[0]).startsWith('X'))).toBe(false);
    const joined = await t.db
      .selectFrom('audit_log')
      .select('alasan')
      .where('entitas', '=', 'rumah_tangga')
      .where('aksi', '=', 'impor')
      .where('alasan', 'like', '%1 anggota ditambahkan')
      .execute();
    expect(joined).toHaveLength(1);
  });

  it('refuses the whole file for an unknown or missing column; reads headers in any case and spacing and cleans NIKs', async () => {
    const bad = await run(DESA_A, [['1', 'X', 1]], {
      header: ['NIK', 'NOMOR RT', 'STATUS HUBUNGAN DALAM RUMAH TANGGA'],
    });
    expect(bad.job.status).toBe('gagal');
    expect(bad.job.pesan).toBe('imporBerkasDitolak');
    expect(bad.job.hasil?.berkas?.map((b) => b.pesan)).toEqual([
      'imporKolomTidakDikenal|NOMOR RT',
      'imporKolomWajib|NOMOR RUMAH TANGGA',
    ]);

    const f = await rtmFamily(t.db, DESA_A, 'Gunawan Wibisono', [{ nama: 'Hartini' }]);
    const spaced = `${f.head.nik.slice(0, 6)} ${f.head.nik.slice(6, 12)}.${f.head.nik.slice(12)}`;
    const ok = await run(
      DESA_A,
      [
        [spaced, 'RT 07/01', 1],
        [`'${f.members[0]?.nik}`, 'RT 07/01', 2],
      ],
      { header: ['nik', 'Nomor_Rumah  Tangga', ' status hubungan dalam rumah tangga '] },
    );
    expect(ok.job.hasil).toMatchObject({ baru: 2, ditolak: 0, rumah_tangga_baru: 1 });
    expect((await householdsOf(t.db, DESA_A)).filter((row) => row[0] === 'RT 07/01')).toHaveLength(2);
  });
});
