import { existsSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '#src/lib/audit/audit.js';
import { activate, DESA_A, DESA_B } from '../../../tests/support/builders.js';
import { type Cells, family, importContext, nikFor, writeOpenSid } from '../../../tests/support/opensid-file.js';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-db.js';
import { useTempDir } from '../../../tests/support/xlsx-files.js';
import { insertTugas, setStatus } from './impor-tugas.repository.js';
import { commitImport, getJob, type ImporContext, readProblems, settled, startImport } from './impor-tugas.service.js';

const actor = systemActor('operator-a');
const KK1 = '3317091201100001';
const KK2 = '3317091201100002';

describe('OpenSID resident import', () => {
  let t: TestDatabase;
  let ctx: ImporContext;
  const tmp = useTempDir();
  let n = 0;

  async function run(
    desa: string,
    rows: Parameters<typeof writeOpenSid>[1],
    opts: Parameters<typeof writeOpenSid>[2] = {},
    commit = true,
  ) {
    const path = tmp(`f${++n}.xlsx`);
    await writeOpenSid(path, rows, opts);
    const upload = tmp(`u${n}.xlsx`);
    await copyFile(path, upload);
    const id = await startImport(ctx, actor, { desaKode: desa, path: upload, nama: 'data.xlsx', ukuran: 1 });
    await settled(id);
    let job = await getJob(ctx, id);
    if (commit && job.status === 'siap') {
      await commitImport(ctx, actor, id);
      await settled(id);
      job = await getJob(ctx, id);
    }
    return { id, job, problems: await readProblems(ctx, id) };
  }

  beforeAll(async () => {
    t = await createTestDatabase();
    ctx = importContext(t.db, tmp('data'));
    await activate(t.db, DESA_A);
    await activate(t.db, DESA_B);
  });
  afterAll(async () => t.close());

  it('previews without writing, then imports families with heads, units, events and temporary NIKs', async () => {
    const rows = [
      ...family(KK1, 1),
      { ...family(KK2, 10)[0], nama: 'Parmin', nik: '0', tanggallahir: '1960-01-01', tempatlahir: 'Pati' },
    ];
    const preview = await run(
      DESA_A,
      rows,
      { endMarker: true, afterMarker: [{ nama: 'Setelah Tanda', nik: '9' }] },
      false,
    );
    expect(preview.job.status).toBe('siap');
    expect(preview.job.hasil).toMatchObject({ total: 4, baru: 4, diperbarui: 0, tidak_berubah: 0, ditolak: 0 });
    const count = async () =>
      Number(
        (
          await t.db
            .selectFrom('penduduk')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('desa_kode', '=', DESA_A)
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count()).toBe(0);

    await commitImport(ctx, actor, preview.id);
    await settled(preview.id);
    const done = await getJob(ctx, preview.id);
    expect(done.status).toBe('selesai');
    expect(await count()).toBe(4);
    const families = await t.db
      .selectFrom('keluarga')
      .selectAll()
      .where('desa_kode', '=', DESA_A)
      .orderBy('no_kk')
      .execute();
    expect(families.map((f) => f.no_kk)).toEqual([KK1, KK2]);
    const head = await t.db
      .selectFrom('penduduk')
      .selectAll()
      .where('id', '=', families[0]?.kepala_id ?? -1)
      .executeTakeFirstOrThrow();
    expect(head).toMatchObject({ nama: 'Sutrisno', kk_level: 1, keluarga_id: families[0]?.id, status_dasar: 1 });
    const child = await t.db
      .selectFrom('penduduk')
      .selectAll()
      .where('nama', '=', 'Dewi Lestari')
      .executeTakeFirstOrThrow();
    expect(child.tanggallahir).toBe('2010-01-30');
    const parmin = await t.db.selectFrom('penduduk').selectAll().where('nama', '=', 'Parmin').executeTakeFirstOrThrow();
    expect(parmin.nik).toBeNull();
    expect(parmin.nik_sementara).toMatch(/^0331709200100\d{3}$/);
    const unit = await t.db
      .selectFrom('lingkungan')
      .selectAll()
      .where('id', '=', head.lingkungan_id ?? -1)
      .executeTakeFirstOrThrow();
    expect(unit).toMatchObject({ tingkat: 'rt', nama: '001' });
    const events = await t.db.selectFrom('peristiwa').select(['kode']).where('desa_kode', '=', DESA_A).execute();
    expect(events.map((e) => e.kode)).toEqual([5, 5, 5, 5]);

    const again = await run(DESA_A, rows);
    expect(again.job.hasil).toMatchObject({ baru: 0, diperbarui: 0, tidak_berubah: 4, ditolak: 0 });
    expect(await count()).toBe(4);
  });

  it('refuses changes to protected columns per row, applies the rest, and reports NIKs twice in the file as ganda', async () => {
    const [head, wife, child] = family(KK1, 1) as unknown as [Cells, Cells, Cells];
    const twice = { ...family('3317091201100009', 20)[0], nama: 'Karto', kk_level: 1 };
    const rows = [
      { ...head, pekerjaan_id: 'PETANI/PEKEBUN', nama: 'Sutrisno Hadi' },
      { ...wife, rt: '7' },
      { ...child, status_dasar: 'MATI' },
      twice,
      { ...twice, nama: 'Karto Dua' },
    ];
    const r = await run(DESA_A, rows);
    expect(r.job.hasil).toMatchObject({ diperbarui: 1, ditolak: 4, ganda: 2 });
    expect(r.problems.galat.map((g) => [g.baris, g.kolom, g.pesan.split('|')[0]])).toEqual([
      [3, 'rt', 'imporKolomTerlindung'],
      [4, 'status_dasar', 'imporKolomTerlindung'],
      [5, 'nik', 'imporNikGanda'],
      [6, 'nik', 'imporNikGanda'],
    ]);
    const updated = await t.db
      .selectFrom('penduduk')
      .selectAll()
      .where('nik', '=', String(head.nik))
      .executeTakeFirstOrThrow();
    expect(updated).toMatchObject({ nama: 'Sutrisno Hadi', pekerjaan_id: 9, nama_normal: 'sutrisno hadi' });
  });

  it('rejects a NIK living in another desa, a family without head, and bad cells — with row, column and message', async () => {
    const [head] = family(KK1, 1) as unknown as [Cells];
    const orphan = { ...family('3317091201100003', 40)[1] };
    const bad = {
      ...family('3317091201100004', 50)[0],
      nik: '3317094512990000',
      sex: 'X',
      tanggallahir: '31-02-1990',
      nama: 'B0b',
      lat: 'utara',
    };
    const r = await run(DESA_B, [head, orphan, bad]);
    const galat = r.problems.galat.map((g) => [g.baris, g.kolom, g.pesan.split('|')[0]]);
    expect(galat).toEqual(
      expect.arrayContaining([
        [2, 'nik', 'imporNikDesaLain'],
        [3, 'kk_level', 'imporKeluargaTanpaKepala'],
        [4, 'nik', 'nikSerialNol'],
        [4, 'sex', 'pilihanTidakValid'],
        [4, 'tanggallahir', 'imporTanggal'],
        [4, 'nama', 'namaOrangTidakValid'],
        [4, 'lat', 'koordinatTidakValid'],
      ]),
    );
    expect(r.job.hasil).toMatchObject({ baru: 0, ditolak: 3 });
  });

  it('reads the official OpenSID template (.xlsm): header, "Kode Data" skipped, stops at ###', async () => {
    const upload = tmp('template.xlsm');
    await copyFile('tests/fixtures/impor/FormatImporExcel.xlsm', upload);
    const id = await startImport(ctx, actor, {
      desaKode: DESA_B,
      path: upload,
      nama: 'FormatImporExcel.xlsm',
      ukuran: 1,
    });
    await settled(id);
    const job = await getJob(ctx, id);
    // the example row is illustrative only (reference §8): its NIKs have impossible dates, the passport
    // expiry holds a 16-digit number; the instructions below ### are not data
    expect(job.hasil).toMatchObject({ total: 1, baru: 0, ditolak: 1 });
    const problems = await readProblems(ctx, id);
    expect(problems.galat.map((g) => [g.baris, g.kolom, g.pesan])).toEqual([
      [2, 'ibu_nik', 'nikTanggalMustahil'],
      [2, 'nik', 'nikTanggalMustahil'],
      [2, 'tanggal_akhir_paspor', 'imporTanggal'],
    ]);
  });

  it('makes the plan again at commit when the desa changed after the preview', async () => {
    const rows = family('3317091201100031', 310);
    const first = await run(DESA_B, rows, {}, false);
    expect(first.job.hasil).toMatchObject({ baru: 3 });
    const other = await run(DESA_B, rows);
    expect(other.job.hasil).toMatchObject({ baru: 3 });
    await commitImport(ctx, actor, first.id);
    await settled(first.id);
    const done = await getJob(ctx, first.id);
    expect(done.status).toBe('selesai');
    expect(done.hasil).toMatchObject({ baru: 0, tidak_berubah: 3 });
  });

  it('fails cleanly when another desa records a NIK of the file between preview and commit', async () => {
    const rows = family('3317091201100032', 320);
    const inB = await run(DESA_B, rows, {}, false);
    await run(
      DESA_A,
      rows.map((r) => ({ ...r, no_kk: '3317091201100033' })),
    );
    await commitImport(ctx, actor, inB.id);
    await settled(inB.id);
    const failed = await getJob(ctx, inB.id);
    expect(failed).toMatchObject({ status: 'gagal', pesan: 'imporDataBerubah' });
    const inDesaB = await t.db.selectFrom('keluarga').select('id').where('no_kk', '=', '3317091201100032').execute();
    expect(inDesaB).toHaveLength(0);
  });

  it('never runs two imports at once for one desa (the second is refused while the first is read)', async () => {
    const file = tmp('dua.xlsx');
    await writeOpenSid(file, family('3317091201100041', 410));
    const copy = async (name: string) => {
      const path = tmp(name);
      await copyFile(file, path);
      return path;
    };
    // an import another Balai process of this machine is reading (the parent process is alive for sure)
    const running = await insertTugas(t.db, {
      desa_kode: DESA_A,
      jenis: 'penduduk',
      nama_berkas: 'lain.xlsx',
      ukuran: 1,
      dibuat_oleh: 'operator-a',
      pemilik: `${hostname()}:${process.ppid}`,
    });
    expect(running).toBeGreaterThan(0);
    const refused = await copy('b.xlsx');
    await expect(
      startImport(ctx, actor, { desaKode: DESA_A, path: refused, nama: 'b', ukuran: 1 }),
    ).rejects.toMatchObject({ status: 409, key: 'imporSedangBerjalan' });
    expect(existsSync(refused)).toBe(false);
    // another desa is not held up
    const other = await startImport(ctx, actor, { desaKode: DESA_B, path: await copy('c.xlsx'), nama: 'c', ukuran: 1 });
    await settled(other);
    expect((await getJob(ctx, other)).status).toBe('siap');
    // and when the other import ends, the desa may import again
    await setStatus(t.db, running, ['membaca'], 'gagal', { pesan: 'imporGagal' });
    const again = await startImport(ctx, actor, { desaKode: DESA_A, path: await copy('d.xlsx'), nama: 'd', ukuran: 1 });
    await settled(again);
    expect((await getJob(ctx, again)).status).toBe('siap');
  });

  it('two uploads for one desa at the same moment: one is read, the other refused, none is lost as stale', async () => {
    const file = tmp('serentak.xlsx');
    await writeOpenSid(file, family('3317091201100042', 420));
    const paths = await Promise.all(
      ['s1.xlsx', 's2.xlsx', 's3.xlsx'].map(async (name) => {
        const path = tmp(name);
        await copyFile(file, path);
        return path;
      }),
    );
    const results = await Promise.allSettled(
      paths.map((path, i) => startImport(ctx, actor, { desaKode: DESA_B, path, nama: `s${i}`, ukuran: 1 })),
    );
    const started = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    for (const r of results)
      if (r.status === 'rejected') expect(r.reason).toMatchObject({ status: 409, key: 'imporSedangBerjalan' });
    expect(started.length).toBeGreaterThanOrEqual(1);
    for (const id of started) await settled(id);
    // every job that started was read to the end (none was cleared as a dead process's job)
    for (const id of started) expect((await getJob(ctx, id)).status).toBe('siap');
  });

  it('accepts labels and every alias instead of codes', async () => {
    const kk = '3317091201100005';
    const rows = family(kk, 60, {
      head: {
        sex: 'LK',
        status_kawin: 'K',
        pendidikan_kk_id: 'Strata-II',
        golongan_darah_id: 'Tdk Th',
        ktp_el: 'KTP-EL',
        status_rekam: 'card printed',
        agama_id: 'islam',
        kk_level: 'KEPALA KELUARGA',
        id_asuransi: 4,
      },
      wife: {
        sex: 'Pr',
        status_kawin: 'k',
        pendidikan_kk_id: 'Tidak/Blm Sekolah',
        ktp_el: 'kia',
        id_asuransi: 'bpjs bantuan daerah',
      },
      child: { sex: 'p', status_kawin: 'BK', pendidikan_kk_id: 'Tidak Tamat SD/Sederajat', ktp_el: 'BELUM' },
    });
    const r = await run(DESA_B, rows);
    expect(r.job.hasil).toMatchObject({ baru: 3, ditolak: 0 });
    const head = await t.db
      .selectFrom('penduduk')
      .selectAll()
      .where('nik', '=', String(rows[0]?.nik))
      .executeTakeFirstOrThrow();
    expect(head).toMatchObject({
      sex: 1,
      status_kawin: 2,
      pendidikan_kk_id: 9,
      golongan_darah_id: 13,
      ktp_el: 2,
      status_rekam: 4,
      agama_id: 1,
      kk_level: 1,
      id_asuransi: 2,
    });
    const wife = await t.db
      .selectFrom('penduduk')
      .selectAll()
      .where('nik', '=', String(rows[1]?.nik))
      .executeTakeFirstOrThrow();
    expect(wife).toMatchObject({ sex: 2, pendidikan_kk_id: 1, ktp_el: 3 });
    expect(r.problems.peringatan.some((p) => p.pesan === 'imporAsuransiDaerah')).toBe(true);
    const nik = nikFor('2010-01-30', 2, 62);
    expect(rows[2]?.nik).toBe(nik);
  });
});
