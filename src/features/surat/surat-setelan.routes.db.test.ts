import { beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '#src/domain/age.js';
import { bulanRomawi, DEFAULT_FORMAT_NOMOR } from '#src/domain/nomor-surat.js';
import { parseRantai } from '#src/domain/surat-alur.js';
import { follow, get, login, postForm, type Session, useTestApp } from '../../../tests/support/app.js';
import { activate, DESA_A, DESA_B, insertUser, KAB, PASSWORD } from '../../../tests/support/builders.js';
import { assignNomor } from './nomor/nomor.service.js';
import { readSetelan } from './nomor/setelan.repository.js';

const today = todayIn();
const tahun = Number(today.slice(0, 4));
const romawi = bulanRomawi(Number(today.slice(5, 7)));

describe('letter settings and reserved numbers (screens)', () => {
  const t = useTestApp();
  let adminA: Session;
  let adminB: Session;
  let kades: Session;
  let operator: Session;
  let adminKab: Session;

  beforeAll(async () => {
    await activate(t.db, DESA_A);
    await activate(t.db, DESA_B);
    await insertUser(t.db, 'adm.a', 'admin-desa', DESA_A);
    await insertUser(t.db, 'adm.b', 'admin-desa', DESA_B);
    await insertUser(t.db, 'kades.a', 'kepala-desa', DESA_A);
    await insertUser(t.db, 'op.a', 'operator-desa', DESA_A);
    await insertUser(t.db, 'adm.kab', 'admin-kabupaten', KAB);
    adminA = await login(t.app, 'adm.a', PASSWORD);
    adminB = await login(t.app, 'adm.b', PASSWORD);
    kades = await login(t.app, 'kades.a', PASSWORD);
    operator = await login(t.app, 'op.a', PASSWORD);
    adminKab = await login(t.app, 'adm.kab', PASSWORD);
  });

  const settingsA = `/desa/${DESA_A}/surat/setelan`;
  const rowsAt = (lingkup: string) =>
    t.db
      .selectFrom('surat_setelan')
      .select(['kunci', 'nilai'])
      .where('lingkup', '=', lingkup)
      .orderBy('kunci')
      .execute();
  const form = (over: Record<string, string> = {}) => ({
    intent: 'simpan',
    format_nomor: DEFAULT_FORMAT_NOMOR,
    penomoran: 'per_jenis',
    rantai_sekdes: '1',
    rantai_kades: '1',
    ...over,
  });

  it('shows the format with a live example computed on the server', async () => {
    const page = await get(t.app, settingsA, adminA);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`S-41/007/${DESA_A.replaceAll('.', '')}/${romawi}/${tahun}`);
    expect(page.body).toContain('Mengikuti bawaan kabupaten');
    expect(page.body).toContain('surat langsung diberi nomor, ditandatangani dan terbit');
    // "Lihat contoh" shows the typed format's example without saving anything
    const sample = await postForm(
      t.app,
      settingsA,
      adminA,
      form({ intent: 'contoh', format_nomor: '470/[nomor_surat, 4]/[kode_surat]/[tahun]' }),
    );
    expect(sample.statusCode).toBe(200);
    expect(sample.body).toContain(`470/0007/S-41/${tahun}`);
    expect(await rowsAt(DESA_A)).toEqual([]);
  });

  it('saving the form unchanged stores nothing: the desa keeps following its kabupaten', async () => {
    const res = await postForm(t.app, settingsA, adminA, form());
    expect(res.statusCode).toBe(303);
    expect(await rowsAt(DESA_A)).toEqual([]);
  });

  it('refuses a bad format with the reason (400) and saves nothing', async () => {
    const noYear = await postForm(t.app, settingsA, adminA, form({ format_nomor: '[kode_surat]/[nomor_surat, 3]' }));
    expect(noYear.statusCode).toBe(400);
    expect(noYear.body).toContain('Format harus memuat [tahun]');
    const unknown = await postForm(
      t.app,
      settingsA,
      adminA,
      form({ format_nomor: '[nomor_surat]/[kode_dusun]/[tahun]', penomoran: 'tunggal' }),
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('Kode [kode_dusun] tidak dikenal.');
    // per-type sequences need the letter code in the number
    const noCode = await postForm(t.app, settingsA, adminA, form({ format_nomor: '[nomor_surat]/[tahun]' }));
    expect(noCode.statusCode).toBe(400);
    expect(noCode.body).toContain('format harus memuat [kode_surat]');
    expect(noCode.body).toContain('value="[nomor_surat]/[tahun]"');
    expect(await rowsAt(DESA_A)).toEqual([]);
  });

  it('kabupaten defaults reach every desa; a desa override wins for that desa only; reset goes back', async () => {
    const kabForm = form({
      format_nomor: '470/[nomor_surat, 3]/[kode_desa]/[tahun]',
      penomoran: 'tunggal',
      rantai_sekdes: '',
    });
    const saved = await postForm(t.app, '/kabupaten/surat/setelan', adminKab, kabForm);
    expect(saved.statusCode).toBe(303);
    expect(await rowsAt(KAB)).toEqual([
      { kunci: 'format_nomor', nilai: '470/[nomor_surat, 3]/[kode_desa]/[tahun]' },
      { kunci: 'penomoran', nilai: 'tunggal' },
      { kunci: 'rantai', nilai: 'kades' },
    ]);
    for (const desa of [DESA_A, DESA_B]) {
      expect(await readSetelan(t.db, desa, 'format_nomor')).toBe('470/[nomor_surat, 3]/[kode_desa]/[tahun]');
      expect(parseRantai(await readSetelan(t.db, desa, 'rantai'))).toEqual(['kades']);
    }
    const kabPage = await get(t.app, '/kabupaten/surat/setelan', adminKab);
    expect(kabPage.body).toContain(`470/007/${KAB.replaceAll('.', '')}012001/${tahun}`);

    // desa A: its own format and no approval steps
    const own = await postForm(t.app, settingsA, kades, {
      intent: 'simpan',
      format_nomor: '[nomor_surat, 3]/DS-A/[bulan_romawi]/[tahun]',
      penomoran: 'tunggal',
    });
    expect(own.statusCode).toBe(303);
    expect((await follow(t.app, own, kades)).body).toContain('Setelan surat tersimpan.');
    expect(await rowsAt(DESA_A)).toEqual([
      { kunci: 'format_nomor', nilai: '[nomor_surat, 3]/DS-A/[bulan_romawi]/[tahun]' },
      { kunci: 'rantai', nilai: '' },
    ]);
    expect(parseRantai(await readSetelan(t.db, DESA_A, 'rantai'))).toEqual([]);
    expect(await readSetelan(t.db, DESA_B, 'format_nomor')).toBe('470/[nomor_surat, 3]/[kode_desa]/[tahun]');
    const page = await get(t.app, settingsA, adminA);
    expect(page.body).toContain(`007/DS-A/${romawi}/${tahun}`);
    expect(page.body).toContain('Kembalikan ke bawaan kabupaten');

    const reset = await postForm(t.app, settingsA, adminA, { intent: 'bawaan_format_nomor' });
    expect(reset.statusCode).toBe(303);
    expect(await readSetelan(t.db, DESA_A, 'format_nomor')).toBe('470/[nomor_surat, 3]/[kode_desa]/[tahun]');
    expect(await rowsAt(DESA_A)).toEqual([{ kunci: 'rantai', nilai: '' }]);
    await postForm(t.app, settingsA, adminA, { intent: 'bawaan_rantai' });
    expect(await rowsAt(DESA_A)).toEqual([]);

    const log = await t.db
      .selectFrom('audit_log')
      .select(['aksi', 'entitas_id', 'desa_kode', 'username'])
      .where('aksi', 'in', ['ubah_setelan_nomor', 'ubah_setelan_rantai'])
      .orderBy('id')
      .execute();
    expect(log.map((r) => [r.aksi, r.entitas_id, r.username])).toEqual([
      ['ubah_setelan_nomor', KAB, 'adm.kab'],
      ['ubah_setelan_rantai', KAB, 'adm.kab'],
      ['ubah_setelan_nomor', DESA_A, 'kades.a'],
      ['ubah_setelan_rantai', DESA_A, 'kades.a'],
      ['ubah_setelan_nomor', DESA_A, 'adm.a'],
      ['ubah_setelan_rantai', DESA_A, 'adm.a'],
    ]);
    await postForm(t.app, '/kabupaten/surat/setelan', adminKab, { intent: 'bawaan_format_nomor' });
    await postForm(t.app, '/kabupaten/surat/setelan', adminKab, { intent: 'bawaan_penomoran' });
    await postForm(t.app, '/kabupaten/surat/setelan', adminKab, { intent: 'bawaan_rantai' });
    expect(await rowsAt(KAB)).toEqual([]);
  });

  it('keeps each desa to its own settings; operators and the kabupaten cannot change a desa', async () => {
    expect((await get(t.app, settingsA, adminB)).statusCode).toBe(404);
    expect((await postForm(t.app, settingsA, adminB, form({ penomoran: 'tunggal' }))).statusCode).toBe(404);
    expect((await postForm(t.app, settingsA, operator, form({ penomoran: 'tunggal' }))).statusCode).toBe(403);
    expect((await get(t.app, settingsA, adminKab)).statusCode).toBe(403);
    expect((await get(t.app, '/kabupaten/surat/setelan', adminA)).statusCode).toBe(403);
    expect((await postForm(t.app, '/kabupaten/surat/setelan', kades, form())).statusCode).toBe(403);
    expect(await rowsAt(DESA_A)).toEqual([]);
  });

  describe('reserved numbers', () => {
    const url = `/desa/${DESA_A}/surat/nomor-cadangan`;
    const reserve = (s: Session, over: Record<string, string> = {}) =>
      postForm(t.app, url, s, {
        jenis: 'surat-keterangan-domisili',
        jumlah: '3',
        tanggal: today,
        keterangan: 'Undangan musyawarah desa (diketik manual)',
        ...over,
      });

    it('reserves 3 numbers; the next letter skips them; the list shows them formatted; audited', async () => {
      const first = await t.db
        .transaction()
        .execute((trx) =>
          assignNomor(trx, { desaKode: DESA_A, kodeSurat: 'S-41', kodeDesa: '3317092001', tanggal: today }),
        );
      expect(first.urut).toBe(1);
      const res = await reserve(adminA);
      expect(res.statusCode).toBe(303);
      const kodeDesa = DESA_A.replaceAll('.', '');
      const nomor = [2, 3, 4].map((n) => `S-41/00${n}/${kodeDesa}/${romawi}/${tahun}`);
      const page = await follow(t.app, res, adminA);
      expect(page.body).toContain(`3 nomor dicadangkan: ${nomor.join(', ')}.`);
      for (const n of nomor) expect(page.body).toContain(n);
      expect(page.body).toContain('Undangan musyawarah desa (diketik manual)');

      const next = await t.db
        .transaction()
        .execute((trx) => assignNomor(trx, { desaKode: DESA_A, kodeSurat: 'S-41', kodeDesa, tanggal: today }));
      expect(next).toMatchObject({ lingkup: 'S-41', urut: 5, nomor: `S-41/005/${kodeDesa}/${romawi}/${tahun}` });
      const log = await t.db.selectFrom('audit_log').selectAll().where('aksi', '=', 'cadangkan_nomor').execute();
      expect(log).toHaveLength(1);
      expect(log[0]).toMatchObject({ username: 'adm.a', desa_kode: DESA_A, entitas: 'surat' });
    });

    it('a free letter code gets its own sequence; numbers ahead of the counter can be reserved', async () => {
      const res = await reserve(kades, { jenis: '', kode_lain: '005', jumlah: '2', mulai: '10' });
      expect(res.statusCode).toBe(303);
      const rows = await t.db
        .selectFrom('surat_nomor_cadangan')
        .select(['lingkup', 'urut', 'nomor'])
        .where('lingkup', '=', '005')
        .orderBy('urut')
        .execute();
      expect(rows.map((r) => [r.urut, r.nomor.split('/')[1]])).toEqual([
        [10, '010'],
        [11, '011'],
      ]);
    });

    it('refuses bad input with messages next to the fields, reserving nothing', async () => {
      const before = await t.db.selectFrom('surat_nomor_cadangan').select('id').execute();
      const noNote = await reserve(adminA, { keterangan: '  ' });
      expect(noNote.statusCode).toBe(400);
      expect(noNote.body).toContain('Tulis untuk apa nomor ini dicadangkan.');
      const tooMany = await reserve(adminA, { jumlah: '51' });
      expect(tooMany.statusCode).toBe(400);
      expect(tooMany.body).toContain('Jumlah nomor harus 1 sampai 50.');
      const noType = await reserve(adminA, { jenis: '' });
      expect(noType.statusCode).toBe(400);
      expect(noType.body).toContain('Pilih jenis surat, atau tulis kode surat lain.');
      const taken = await reserve(adminA, { mulai: '3' });
      expect(taken.statusCode).toBe(400);
      expect(taken.body).toContain('sudah dipakai atau dicadangkan; mulai dari');
      const badDate = await reserve(adminA, { tanggal: '2026-02-30' });
      expect(badDate.statusCode).toBe(400);
      expect(await t.db.selectFrom('surat_nomor_cadangan').select('id').execute()).toHaveLength(before.length);
    });

    it('is the desa admin’s and kepala desa’s: other desa 404, operator and kabupaten 403', async () => {
      expect((await get(t.app, url, kades)).statusCode).toBe(200);
      expect((await get(t.app, url, adminB)).statusCode).toBe(404);
      expect((await reserve(adminB)).statusCode).toBe(404);
      expect((await reserve(operator)).statusCode).toBe(403);
      expect((await reserve(adminKab)).statusCode).toBe(403);
      const lastYear = await get(t.app, `${url}?tahun=${tahun - 1}`, adminA);
      expect(lastYear.body).toContain('Belum ada nomor yang dicadangkan tahun ini.');
    });
  });
});
