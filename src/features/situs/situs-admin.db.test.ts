import { beforeAll, describe, expect, it } from 'vitest';
import { follow, get, login, postForm, type Session, useTestApp } from '../../../tests/support/app.js';
import { activate, DESA_A, DESA_B, insertUser, PASSWORD } from '../../../tests/support/builders.js';

describe('editing a desa site: about text, office hours, perangkat desa, lembaga', () => {
  // rendered pages are not kept: each check reads what was just saved
  const t = useTestApp({ BALAI_SITUS_CACHE_DETIK: '0' });
  let editor: Session;
  let operator: Session;

  beforeAll(async () => {
    await activate(t.db, DESA_A);
    await activate(t.db, DESA_B);
    await insertUser(t.db, 'editor.a', 'editor-web', DESA_A);
    await insertUser(t.db, 'operator.a', 'operator-desa', DESA_A);
    editor = await login(t.app, 'editor.a', PASSWORD);
    operator = await login(t.app, 'operator.a', PASSWORD);
  });

  const valid = {
    tentang: 'Meteseh adalah desa pesisir.\n\nPenduduknya petani dan nelayan.',
    jam_layanan: 'Senin–Jumat 08.00–15.00',
    kontak: 'WhatsApp 0812 3456 7890',
    perangkat: 'Kepala Desa | Suparman\nSekretaris Desa | Siti Aminah\n\n  Kaur Keuangan |  Joko  ',
    lembaga: 'BPD | Haryanto | Badan Permusyawaratan Desa\nPKK',
  };

  it('saves the settings and both lists in order, shows them on the public profile, and audits the change', async () => {
    const res = await postForm(t.app, `/desa/${DESA_A}/situs`, editor, valid);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/desa/${DESA_A}/situs`);
    const page = await follow(t.app, res, editor);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Kaur Keuangan | Joko');

    const perangkat = await t.db
      .selectFrom('situs_perangkat')
      .select(['jabatan', 'nama', 'urutan'])
      .where('desa_kode', '=', DESA_A)
      .orderBy('urutan')
      .execute();
    expect(perangkat).toEqual([
      { jabatan: 'Kepala Desa', nama: 'Suparman', urutan: 1 },
      { jabatan: 'Sekretaris Desa', nama: 'Siti Aminah', urutan: 2 },
      { jabatan: 'Kaur Keuangan', nama: 'Joko', urutan: 3 },
    ]);

    const profil = await get(t.app, `/situs/${DESA_A}/profil`);
    expect(profil.body).toContain('<p>Meteseh adalah desa pesisir.</p><p>Penduduknya petani dan nelayan.</p>');
    expect(profil.body).toMatch(/Sekretaris Desa<\/span> <span class="nama">Siti Aminah/);
    expect(profil.body).toContain('<strong>BPD</strong> · Ketua: Haryanto');
    const kontak = await get(t.app, `/situs/${DESA_A}/kontak`);
    expect(kontak.body).toContain('Senin–Jumat 08.00–15.00');
    // desa B's site is untouched
    expect((await get(t.app, `/situs/${DESA_B}/profil`)).body).not.toContain('Suparman');

    const audit = await t.db
      .selectFrom('audit_log')
      .select(['aksi', 'entitas', 'entitas_id'])
      .where('entitas', '=', 'situs')
      .execute();
    expect(audit).toEqual([{ aksi: 'ubah', entitas: 'situs', entitas_id: DESA_A }]);
  });

  it('escapes what editors write: no HTML reaches the public page', async () => {
    const res = await postForm(t.app, `/desa/${DESA_A}/situs`, editor, {
      ...valid,
      tentang: '<script>alert(1)</script><a href="https://slot.example" style="display:none">gacor</a>',
    });
    expect(res.statusCode).toBe(303);
    const profil = await get(t.app, `/situs/${DESA_A}/profil`);
    expect(profil.body).not.toContain('<script>alert');
    expect(profil.body).not.toContain('<a href="https://slot.example"');
    expect(profil.body).toContain('&lt;script>alert(1)&lt;/script>');
  });

  it('refuses a malformed line with a message naming it, and changes nothing', async () => {
    const before = await t.db.selectFrom('situs_perangkat').selectAll().where('desa_kode', '=', DESA_A).execute();
    const res = await postForm(t.app, `/desa/${DESA_A}/situs`, editor, {
      ...valid,
      perangkat: 'Kepala Desa | Suparman\nhanya satu kolom',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Baris 2: tulis');
    expect(res.body).toContain('hanya satu kolom');
    const after = await t.db.selectFrom('situs_perangkat').selectAll().where('desa_kode', '=', DESA_A).execute();
    expect(after).toEqual(before);
    const tooLong = await postForm(t.app, `/desa/${DESA_A}/situs`, editor, { ...valid, jam_layanan: 'x'.repeat(301) });
    expect(tooLong.statusCode).toBe(400);
  });

  it('keeps other desa, other roles and anonymous visitors out', async () => {
    expect((await get(t.app, `/desa/${DESA_B}/situs`, editor)).statusCode).toBe(404);
    expect((await postForm(t.app, `/desa/${DESA_B}/situs`, editor, valid)).statusCode).toBe(404);
    expect((await get(t.app, `/desa/${DESA_A}/situs`, operator)).statusCode).toBe(403);
    expect((await postForm(t.app, `/desa/${DESA_A}/situs`, operator, valid)).statusCode).toBe(403);
    const anon = await get(t.app, `/desa/${DESA_A}/situs`);
    expect(anon.statusCode).toBe(303);
    expect(anon.headers.location).toContain('/masuk?lanjut=');
    expect(await t.db.selectFrom('situs_perangkat').selectAll().where('desa_kode', '=', DESA_B).execute()).toEqual([]);
  });
});
