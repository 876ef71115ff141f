import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '#src/features/auth/token.service.js';
import { ensureLingkungan } from '#src/features/lingkungan/lingkungan-ensure.js';
import { systemActor } from '#src/lib/audit/audit.js';
import { useTestApp } from '../../../tests/support/app.js';
import { activate, DESA_A, DESA_B, insertTree, insertUser, KEC, makeNik } from '../../../tests/support/builders.js';
import { KeluargaRecordSchema, PendudukItemSchema, PendudukRecordSchema } from './penduduk-api.responses.js';

type Method = 'GET' | 'POST' | 'PUT';
function call(app: FastifyInstance, method: Method, url: string, token: string, payload?: object) {
  return app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token}` },
    ...(payload ? { payload } : {}),
  });
}

const KK_A = '3317090101200001';
const KK_B = '3317090202200002';

describe('registry API: residents and families', () => {
  const t = useTestApp();
  const tokens = {} as Record<'opA' | 'opB' | 'kec' | 'sekA' | 'wil' | 'wilLain', string>;
  const post = (body: object, token = tokens.opA, kode = DESA_A) =>
    call(t.app, 'POST', `/api/v1/desa/${kode}/penduduk`, token, body);
  const head = (over: object = {}) => ({
    nama: 'Slamet Riyadi',
    nik: makeNik('1980-01-05', 1),
    no_kk: KK_A,
    kk_level: 1,
    sex: 'L',
    tempatlahir: 'Rembang',
    tanggallahir: '1980-01-05',
    agama_id: 'Islam',
    alamat: 'Jl. Pantura 1',
    dusun: 'DUSUN KRAJAN_LOR',
    rw: '1',
    rt: '2',
    ...over,
  });
  let headId = 0;

  beforeAll(async () => {
    await activate(t.db, DESA_A);
    await activate(t.db, DESA_B);
    const tree = await insertTree(t.db, DESA_A, 'Ngemplak');
    const otherDusun = await t.db
      .transaction()
      .execute((trx) => ensureLingkungan(trx, systemActor('test'), DESA_A, { dusun: 'Sidomulyo' }));
    const users = [
      ['op.a', 'operator-desa', DESA_A, null],
      ['op.b', 'operator-desa', DESA_B, null],
      ['kec', 'staf-kecamatan', KEC, null],
      ['sek.a', 'sekretaris-desa', DESA_A, null],
      ['wil', 'operator-wilayah', DESA_A, tree.dusunId],
      ['wil.lain', 'operator-wilayah', DESA_A, otherDusun],
    ] as const;
    const keys = ['opA', 'opB', 'kec', 'sekA', 'wil', 'wilLain'] as const;
    for (const [i, [username, peran, lingkup, lingkungan]] of users.entries()) {
      await insertUser(t.db, username, peran, lingkup, { lingkungan });
      tokens[keys[i] as keyof typeof tokens] = await createApiToken(t.db, systemActor('test'), username, 1);
    }
  });

  it('enters a head of family: 201 {id, nik}, dusun/RW/RT and the family created, no population event', async () => {
    const body = head();
    const res = await post(body);
    expect(res.statusCode, res.body).toBe(201);
    expect(Object.keys(res.json()).sort()).toEqual(['id', 'nik']);
    expect(res.json().nik).toBe(body.nik);
    headId = res.json().id;

    const units = await t.db
      .selectFrom('lingkungan')
      .select(['id', 'tingkat', 'nama', 'induk_id'])
      .where('desa_kode', '=', DESA_A)
      .execute();
    const dusun = units.find((u) => u.tingkat === 'dusun' && u.nama === 'Krajan Lor');
    const rw = units.find((u) => u.tingkat === 'rw' && u.induk_id === dusun?.id);
    const rt = units.find((u) => u.tingkat === 'rt' && u.induk_id === rw?.id);
    expect([dusun?.nama, rw?.nama, rt?.nama]).toEqual(['Krajan Lor', '001', '002']);

    const person = await t.db.selectFrom('penduduk').selectAll().where('id', '=', headId).executeTakeFirstOrThrow();
    expect(person).toMatchObject({ sex: 1, agama_id: 1, kk_level: 1, lingkungan_id: rt?.id, status_dasar: 1 });
    const family = await t.db
      .selectFrom('keluarga')
      .selectAll()
      .where('id', '=', person.keluarga_id as number)
      .executeTakeFirstOrThrow();
    expect(family).toMatchObject({ no_kk: KK_A, kepala_id: headId, alamat: 'Jl. Pantura 1', lingkungan_id: rt?.id });
    const events = await t.db.selectFrom('peristiwa').select('id').where('penduduk_id', '=', headId).execute();
    expect(events).toEqual([]);
  });

  it('lets a member join the existing KK (codes by label or alias); a member before the head is refused', async () => {
    const res = await post({
      nama: 'Sumiyati',
      nik: makeNik('1983-07-09', 2),
      no_kk: KK_A,
      kk_level: 'istri',
      sex: 'P',
      tanggallahir: '1983-07-09',
      dusun: 'Krajan Lor',
      rw: '001',
      rt: '002',
    });
    expect(res.statusCode, res.body).toBe(201);
    const member = await t.db
      .selectFrom('penduduk')
      .select(['keluarga_id', 'kk_level', 'sex'])
      .where('id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    const headRow = await t.db
      .selectFrom('penduduk')
      .select('keluarga_id')
      .where('id', '=', headId)
      .executeTakeFirstOrThrow();
    expect(member).toEqual({ keluarga_id: headRow.keluarga_id, kk_level: 3, sex: 2 });

    const orphan = await post(head({ nik: makeNik('2001-02-03', 1), no_kk: KK_B, kk_level: 4 }));
    expect(orphan.statusCode).toBe(422);
    expect(orphan.json().error.code).toBe('invalid');
    expect(orphan.json().errors.no_kk).toMatch(/belum ada di desa ini/);
  });

  it('issues a temporary number for nik 0 or empty', async () => {
    for (const nik of [0, '']) {
      const res = await post({
        ...head({ nik, no_kk: KK_A, kk_level: 4, nama: `Anak ${nik === 0 ? 'Satu' : 'Dua'}` }),
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().nik).toMatch(/^03317092001\d{5}$/);
    }
  });

  it('refuses malformed NIKs with 422 and an Indonesian message under errors.nik', async () => {
    const cases: [unknown, RegExp][] = [
      ['12345', /^NIK harus 16 angka\.$/],
      ['3317093201800001', /tidak mungkin/],
      ['3317090101800000', /tidak boleh 0000/],
    ];
    for (const [nik, message] of cases) {
      const res = await post(head({ nik, no_kk: KK_B }));
      expect(res.statusCode, String(nik)).toBe(422);
      expect(res.json()).toMatchObject({ error: { code: 'invalid' }, errors: { nik: expect.stringMatching(message) } });
    }
    const missing = await post({ rw: '1' });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().errors).toMatchObject({
      nama: 'Wajib diisi.',
      nik: 'Wajib diisi.',
      no_kk: 'Wajib diisi.',
      kk_level: 'Wajib diisi.',
      dusun: 'Wajib diisi.',
    });
    const badDate = await post(head({ nik: makeNik('1990-01-01', 1), no_kk: KK_B, tanggallahir: '1990-02-30' }));
    expect(badDate.statusCode).toBe(422);
    expect(Object.keys(badDate.json().errors)).toEqual(['tanggallahir']);
    const badCode = await post(head({ nik: makeNik('1990-01-01', 1), no_kk: KK_B, agama_id: 'Jedi' }));
    expect(badCode.json().errors).toEqual({ agama_id: 'Pilih salah satu pilihan yang tersedia.' });
  });

  it('answers 409 naming the desa when the NIK lives anywhere in the installation', async () => {
    const nik = makeNik('1975-05-05', 1);
    const inB = await post(head({ nik, no_kk: '3317090303200003', dusun: 'Kauman' }), tokens.opB, DESA_B);
    expect(inB.statusCode, inB.body).toBe(201);
    const res = await post(head({ nik, no_kk: KK_B }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/di Desa Maguan, Kecamatan Kaliori/);
    expect(res.json().errors.nik).toBe(res.json().error.message);
    // nothing of the refused row stays (the KK it would have created included)
    const kk = await t.db.selectFrom('keluarga').select('id').where('no_kk', '=', KK_B).execute();
    expect(kk).toEqual([]);
  });

  it('finds residents by NIK and by name prefix, with lean OpenSID-named items', async () => {
    const nik = (await t.db.selectFrom('penduduk').select('nik').where('id', '=', headId).executeTakeFirstOrThrow())
      .nik as string;
    const byNik = await call(t.app, 'GET', `/api/v1/desa/${DESA_A}/penduduk?nik=${nik}`, tokens.opA);
    expect(byNik.statusCode).toBe(200);
    expect(byNik.json().total).toBe(1);
    const item = byNik.json().data[0];
    expect(Object.keys(item).sort()).toEqual(Object.keys(PendudukItemSchema.shape).sort());
    expect(item).toMatchObject({
      id: headId,
      nik,
      nama: 'Slamet Riyadi',
      no_kk: KK_A,
      sex: 1,
      sex_label: 'LAKI-LAKI',
      tempatlahir: 'Rembang',
      tanggallahir: '1980-01-05',
      kk_level: 1,
      dusun: 'Krajan Lor',
      rw: '001',
      rt: '002',
      status_dasar: 1,
    });
    const byName = await call(t.app, 'GET', `/api/v1/desa/${DESA_A}/penduduk?q=slamet`, tokens.opA);
    expect(byName.json()).toMatchObject({ total: 1, data: [{ id: headId }] });
    const page = await call(t.app, 'GET', `/api/v1/desa/${DESA_A}/penduduk?per=2&halaman=2&sex=P`, tokens.opA);
    expect(page.json()).toMatchObject({ total: 1, halaman: 2, per: 2, data: [] });
    const huge = await call(t.app, 'GET', `/api/v1/desa/${DESA_A}/penduduk?per=5000`, tokens.opA);
    expect(huge.json().per).toBe(200);
    const bad = await call(t.app, 'GET', `/api/v1/desa/${DESA_A}/penduduk?nik=123`, tokens.opA);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.nik).toBe('NIK harus 16 angka.');
  });

  it("refuses another desa's operator (403/404) on list, entry and records", async () => {
    const urls: [Method, string, object?][] = [
      ['GET', `/api/v1/desa/${DESA_A}/penduduk?q=slamet`],
      ['POST', `/api/v1/desa/${DESA_A}/penduduk`, head({ nik: makeNik('1999-09-09', 1), no_kk: KK_B })],
      ['GET', `/api/v1/penduduk/${headId}`],
      ['PUT', `/api/v1/penduduk/${headId}`, head({ versi: 1 })],
      ['GET', `/api/v1/desa/${DESA_A}/keluarga`],
    ];
    for (const [method, url, body] of urls) {
      const res = await call(t.app, method, url, tokens.opB, body);
      expect([403, 404], `${method} ${url}`).toContain(res.statusCode);
    }
    expect(await t.db.selectFrom('keluarga').select('id').where('no_kk', '=', KK_B).execute()).toEqual([]);
  });

  it('masks NIK and KK numbers for roles without read:nik; the record read is audited', async () => {
    const list = await call(t.app, 'GET', `/api/v1/desa/${DESA_A}/penduduk?q=slamet`, tokens.kec);
    expect(list.statusCode).toBe(200);
    expect(list.json().data[0].nik).toMatch(/^\*{12}\d{4}$/);
    expect(list.json().data[0].no_kk).toBe(`************${KK_A.slice(-4)}`);
    const full = await call(t.app, 'GET', `/api/v1/desa/${DESA_A}/penduduk?q=slamet`, tokens.sekA);
    expect(full.json().data[0].nik).toMatch(/^\d{16}$/);

    const masked = await call(t.app, 'GET', `/api/v1/penduduk/${headId}`, tokens.kec);
    expect(masked.statusCode).toBe(200);
    expect(masked.json()).toMatchObject({ nik: expect.stringMatching(/^\*{12}\d{4}$/), no_kk: '************0001' });
    const record = await call(t.app, 'GET', `/api/v1/penduduk/${headId}`, tokens.sekA);
    expect(Object.keys(record.json()).sort()).toEqual(Object.keys(PendudukRecordSchema.shape).sort());
    expect(record.json()).toMatchObject({
      id: headId,
      nama: 'Slamet Riyadi',
      no_kk: KK_A,
      kk_level: 1,
      alamat: 'Jl. Pantura 1',
      dusun: 'Krajan Lor',
      rw: '001',
      rt: '002',
      agama_id: 1,
      status_dasar: 1,
      nik_sementara: false,
      versi: 1,
    });
    const reads = await t.db
      .selectFrom('audit_log')
      .select(['username', 'aksi'])
      .where('entitas', '=', 'penduduk')
      .where('entitas_id', '=', String(headId))
      .where('aksi', '=', 'baca')
      .execute();
    expect(reads.map((r) => r.username).sort()).toEqual(['kec', 'sek.a']);
  });

  it('lets a dusun operator read only residents of their dusun', async () => {
    const mine = await post(
      head({ nama: 'Warga Ngemplak', nik: makeNik('1970-03-03', 1), no_kk: KK_B, dusun: 'Ngemplak', rw: '1', rt: '2' }),
    );
    expect(mine.statusCode, mine.body).toBe(201);
    expect((await call(t.app, 'GET', `/api/v1/penduduk/${mine.json().id}`, tokens.wil)).statusCode).toBe(200);
    expect((await call(t.app, 'GET', `/api/v1/penduduk/${mine.json().id}`, tokens.wilLain)).statusCode).toBe(404);
    expect((await call(t.app, 'GET', `/api/v1/penduduk/${headId}`, tokens.wil)).statusCode).toBe(404);
    expect((await call(t.app, 'GET', '/api/v1/penduduk/999999', tokens.opA)).statusCode).toBe(404);
  });

  it('finds a family by KK number and lists its members', async () => {
    const list = await call(t.app, 'GET', `/api/v1/desa/${DESA_A}/keluarga?no_kk=${KK_A}`, tokens.opA);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({
      total: 1,
      data: [{ no_kk: KK_A, kepala_id: headId, nama_kepala: 'Slamet Riyadi', jumlah_anggota: 4, dusun: 'Krajan Lor' }],
    });
    const id = list.json().data[0].id;
    const family = await call(t.app, 'GET', `/api/v1/keluarga/${id}`, tokens.kec);
    expect(family.statusCode).toBe(200);
    expect(Object.keys(family.json()).sort()).toEqual(Object.keys(KeluargaRecordSchema.shape).sort());
    expect(family.json().no_kk).toBe('************0001');
    expect(family.json().anggota.map((m: { kk_level: number }) => m.kk_level)).toEqual([1, 3, 4, 4]);
    expect(family.json().anggota[0].nik).toMatch(/^\*{12}\d{4}$/);
    expect((await call(t.app, 'GET', `/api/v1/keluarga/${id}`, tokens.opB)).statusCode).toBe(404);
    expect((await call(t.app, 'GET', '/api/v1/keluarga/999999', tokens.opA)).statusCode).toBe(404);
  });
});
