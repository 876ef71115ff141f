import { beforeAll, describe, expect, it } from 'vitest';
import {
  follow,
  get,
  login,
  postForm,
  type Session,
  SIXTEEN_DIGITS,
  urlsIn,
  useTestApp,
} from '../../../tests/support/app.js';
import {
  activate,
  DESA_A,
  DESA_B,
  insertFamily,
  insertUser,
  KEC,
  makeNik,
  PASSWORD,
} from '../../../tests/support/builders.js';

/**
 * A NIK never travels in a URL (UU 24/2013, UU 27/2022): the resident list looks one up by POST ("Cari NIK"),
 * and its GET filter `q` is name-only.
 */
describe('looking a resident up by NIK in a desa', () => {
  const t = useTestApp();
  const s = {} as Record<'op' | 'kec' | 'wil' | 'opB', Session>;
  const url = `/desa/${DESA_A}/penduduk/cari-nik`;
  const slametNik = makeNik('1980-01-05', 1);
  const twiceNik = makeNik('1950-02-02', 2);
  let slametId = 0;
  let bayuId = 0;
  let bayuNumber = '';

  const noNumberInUrls = (html: string) => {
    for (const u of urlsIn(html)) expect(u).not.toMatch(SIXTEEN_DIGITS);
  };

  beforeAll(async () => {
    await activate(t.db, DESA_A);
    await activate(t.db, DESA_B);
    const f = await insertFamily(t.db, DESA_A, { nama: 'Slamet', tanggallahir: '1980-01-05', sex: 1, nik: slametNik }, [
      { nama: 'Bayu', tanggallahir: '2015-06-06', sex: 1, kkLevel: 4, nik: null },
    ]);
    slametId = f.kepalaId;
    bayuId = f.memberIds[0] as number;
    bayuNumber = (
      await t.db.selectFrom('penduduk').select('nik_sementara').where('id', '=', bayuId).executeTakeFirstOrThrow()
    ).nik_sementara as string;
    // the same NIK on a dead record and on a living one
    const dead = await insertFamily(t.db, DESA_A, {
      nama: 'Mbah Lama',
      tanggallahir: '1950-02-02',
      sex: 2,
      nik: twiceNik,
    });
    await t.db.updateTable('penduduk').set({ status_dasar: 2 }).where('id', '=', dead.kepalaId).execute();
    await insertFamily(t.db, DESA_A, { nama: 'Mbah Baru', tanggallahir: '1950-02-02', sex: 2, nik: twiceNik });
    await insertFamily(t.db, DESA_B, { nama: 'Orang Maguan', tanggallahir: '1970-01-01', sex: 1 });
    const krajan = await t.db
      .selectFrom('lingkungan')
      .select('id')
      .where('desa_kode', '=', DESA_A)
      .where('tingkat', '=', 'dusun')
      .executeTakeFirstOrThrow();
    await insertUser(t.db, 'op.a', 'operator-desa', DESA_A);
    await insertUser(t.db, 'kec.a', 'staf-kecamatan', KEC);
    await insertUser(t.db, 'wil.a', 'operator-wilayah', DESA_A, { lingkungan: krajan.id });
    await insertUser(t.db, 'op.b', 'operator-desa', DESA_B);
    s.op = await login(t.app, 'op.a', PASSWORD);
    s.kec = await login(t.app, 'kec.a', PASSWORD);
    s.wil = await login(t.app, 'wil.a', PASSWORD);
    s.opB = await login(t.app, 'op.b', PASSWORD);
  });

  it('offers a labelled POST form "Cari NIK" next to the name filter, to those who may see NIKs', async () => {
    const page = await get(t.app, `/desa/${DESA_A}/penduduk`, s.op);
    expect(page.body).toContain(`<form method="post" action="${url}" class="filters lookup" aria-label="Cari NIK">`);
    expect(page.body).toContain('<label for="cari-nik-nik">NIK</label>');
    expect(page.body).toMatch(/<input id="cari-nik-nik" name="nik" type="text" value required [^>]*autocomplete="off"/);
    expect(page.body).toContain('<label for="q-q">Cari nama</label>');
    for (const who of [s.kec, s.wil])
      expect((await get(t.app, `/desa/${DESA_A}/penduduk`, who)).body).not.toContain(url);
  });

  it('redirects one match to the record, with no number in the Location', async () => {
    const res = await postForm(t.app, url, s.op, { nik: `${slametNik.slice(0, 6)} ${slametNik.slice(6)}` });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/penduduk/${slametId}`);
    const page = await follow(t.app, res, s.op);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Slamet');
    noNumberInUrls(page.body);
    // a temporary number is found too
    const temporary = await postForm(t.app, url, s.op, { nik: bayuNumber });
    expect(temporary.headers.location).toBe(`/penduduk/${bayuId}`);
  });

  it('lists several records with the same NIK in the response itself, linking by id only', async () => {
    const res = await postForm(t.app, url, s.op, { nik: twiceNik });
    expect(res.statusCode).toBe(200);
    expect(res.headers.location).toBeUndefined();
    expect(res.body).toContain('2 data memakai NIK ini');
    expect(res.body).toContain('Mbah Lama');
    expect(res.body).toContain('Mbah Baru');
    expect(res.body).not.toContain('Slamet');
    // the number may stay in the input (and the table), never in a link, a form action or the language switch
    expect(res.body).toContain(`value="${twiceNik}"`);
    noNumberInUrls(res.body);
    expect(res.body).toContain(`name="kembali" value="/desa/${DESA_A}/penduduk"`);
  });

  it('shows the list again with "tidak ditemukan" when no record has the NIK, or a field error', async () => {
    const unknown = makeNik('1999-09-09', 1);
    const none = await postForm(t.app, url, s.op, { nik: unknown });
    expect(none.statusCode).toBe(404);
    expect(none.body).toContain('NIK tidak ditemukan di desa ini.');
    expect(none.body).toContain(`value="${unknown}"`);
    noNumberInUrls(none.body);
    const bad = await postForm(t.app, url, s.op, { nik: '12345' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('NIK harus 16 angka.');
    expect(bad.body).toMatch(/id="cari-nik-nik"[^>]*aria-invalid="true"/);
    expect((await postForm(t.app, url, s.op, {})).statusCode).toBe(400);
    const english = await t.app.inject({
      method: 'POST',
      url,
      headers: { origin: 'http://localhost', host: 'localhost', cookie: `${s.op.cookie}; balai_bahasa=en` },
      payload: { _csrf: s.op.csrf, nik: unknown },
    });
    expect(english.body).toContain('NIK not found in this village.');
  });

  it('does not search by a NIK arriving in the URL, points to the NIK box and carries it in no link', async () => {
    const res = await get(t.app, `/desa/${DESA_A}/penduduk?q=${slametNik}&sex=1`, s.op);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Gunakan kotak &quot;Cari NIK&quot;');
    // the other filters apply; the number does not
    expect(res.body).toContain('Bayu');
    expect(res.body).toContain('<input id="q-q" name="q" type="search" value maxlength="100"');
    noNumberInUrls(res.body);
  });

  it('refuses users without read:nik, and another desa’s operator', async () => {
    for (const who of [s.kec, s.wil]) {
      const res = await postForm(t.app, url, who, { nik: slametNik });
      expect(res.statusCode).toBe(403);
      expect(res.body).toContain('Mencari dengan NIK hanya untuk pengguna yang boleh melihat NIK.');
      expect(res.body).not.toContain('Slamet');
    }
    expect((await postForm(t.app, url, s.opB, { nik: slametNik })).statusCode).toBe(404);
    // in their own desa, desa A's NIK is not found
    const own = await postForm(t.app, `/desa/${DESA_B}/penduduk/cari-nik`, s.opB, { nik: slametNik });
    expect(own.statusCode).toBe(404);
    expect(own.body).not.toContain('Slamet');
  });
});
