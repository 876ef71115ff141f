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
import { activate, DESA_A, DESA_B, insertFamily, insertUser, KEC, PASSWORD } from '../../../tests/support/builders.js';

const KK = '3317091201260042';

/**
 * A KK number never travels in a URL (UU 24/2013, UU 27/2022): the family list looks one up by POST
 * ("Cari nomor KK"), and its GET search `q` is a head-of-family name only.
 */
describe('looking a family up by KK number', () => {
  const t = useTestApp();
  const s = {} as Record<'op' | 'kec' | 'opB', Session>;
  const url = `/desa/${DESA_A}/keluarga/cari-kk`;
  let f: Awaited<ReturnType<typeof insertFamily>>;
  let temporary = '';

  const noNumberInUrls = (html: string) => {
    for (const u of urlsIn(html)) expect(u).not.toMatch(SIXTEEN_DIGITS);
  };

  beforeAll(async () => {
    await activate(t.db, DESA_A);
    await activate(t.db, DESA_B);
    await insertUser(t.db, 'op', 'operator-desa', DESA_A);
    await insertUser(t.db, 'kec', 'staf-kecamatan', KEC);
    await insertUser(t.db, 'opb', 'operator-desa', DESA_B);
    s.op = await login(t.app, 'op', PASSWORD);
    s.kec = await login(t.app, 'kec', PASSWORD);
    s.opB = await login(t.app, 'opb', PASSWORD);
    f = await insertFamily(t.db, DESA_A, { nama: 'Sutrisno', tanggallahir: '1970-03-03', sex: 1 });
    const other = await insertFamily(t.db, DESA_A, { nama: 'Sendiri', tanggallahir: '1980-01-01', sex: 2 });
    await postForm(t.app, `/keluarga/${f.keluargaId}`, s.op, { intent: 'ubah-no-kk', no_kk: KK, alasan: 'KK terbit' });
    temporary = (
      await t.db.selectFrom('keluarga').select('no_kk').where('id', '=', other.keluargaId).executeTakeFirstOrThrow()
    ).no_kk;
  });

  it('offers a labelled POST form next to the name search, only to those who see full numbers', async () => {
    const page = await get(t.app, `/desa/${DESA_A}/keluarga`, s.op);
    expect(page.body).toContain(
      `<form method="post" action="${url}" class="filters lookup" aria-label="Cari nomor KK">`,
    );
    expect(page.body).toContain('<label for="cari-kk-no_kk">Nomor KK</label>');
    expect(page.body).toContain('<label for="f-q">Cari nama kepala keluarga</label>');
    expect((await get(t.app, `/desa/${DESA_A}/keluarga`, s.kec)).body).not.toContain(url);
  });

  it('redirects one match to the family, with no number in the Location; temporary numbers too', async () => {
    const res = await postForm(t.app, url, s.op, { no_kk: `${KK.slice(0, 4)} ${KK.slice(4, 8)} ${KK.slice(8)}` });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/keluarga/${f.keluargaId}`);
    const page = await follow(t.app, res, s.op);
    expect(page.body).toContain('Sutrisno');
    noNumberInUrls(page.body);
    expect((await postForm(t.app, url, s.op, { no_kk: temporary })).statusCode).toBe(303);
  });

  it('shows the list again with "tidak ditemukan", or the field error, keeping the number out of links', async () => {
    const none = await postForm(t.app, url, s.op, { no_kk: '3317091201269999' });
    expect(none.statusCode).toBe(404);
    expect(none.body).toContain('Nomor KK tidak ditemukan');
    expect(none.body).toContain('value="3317091201269999"');
    expect(none.body).toContain(`name="kembali" value="/desa/${DESA_A}/keluarga"`);
    noNumberInUrls(none.body);
    const bad = await postForm(t.app, url, s.op, { no_kk: '123' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Nomor KK terdiri dari 16 angka.');
    expect((await postForm(t.app, url, s.op, {})).statusCode).toBe(400);
  });

  it('does not search by a number arriving in the URL, and points to the number box', async () => {
    const res = await get(t.app, `/desa/${DESA_A}/keluarga?q=${KK}`, s.op);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Gunakan kotak &quot;Cari nomor KK&quot;');
    expect(res.body).toContain('Sendiri');
    expect(res.body).toContain('2 keluarga');
    noNumberInUrls(res.body);
    const english = await t.app.inject({
      method: 'GET',
      url: `/desa/${DESA_A}/keluarga?q=${KK}`,
      headers: { cookie: `${s.op.cookie}; balai_bahasa=en` },
    });
    expect(english.body).toContain('Use the &quot;Find by KK number&quot; box.');
  });

  it('refuses users who see masked numbers, and another desa’s operator', async () => {
    const masked = await postForm(t.app, url, s.kec, { no_kk: KK });
    expect(masked.statusCode).toBe(403);
    expect(masked.body).toContain('Mencari dengan nomor KK hanya untuk pengguna');
    expect(masked.body).not.toContain('Sutrisno');
    expect((await postForm(t.app, url, s.opB, { no_kk: KK })).statusCode).toBe(404);
    const own = await postForm(t.app, `/desa/${DESA_B}/keluarga/cari-kk`, s.opB, { no_kk: KK });
    expect(own.statusCode).toBe(404);
    expect(own.body).not.toContain('Sutrisno');
  });
});
