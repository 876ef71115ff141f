import { beforeAll, describe, expect, it } from 'vitest';
import { get, login, postForm, type Session, useTestApp } from '../../../tests/support/app.js';
import { activate, DESA_A, DESA_B, insertUser, KAB, PASSWORD } from '../../../tests/support/builders.js';
import { artikelForm, idDari, waktuLokal } from '../../../tests/support/konten-fixture.js';
import { beritaTerbaru, pengumumanAktif } from './konten.public.js';
import { terbitkanJatuhTempo } from './konten.service.js';

describe('konten: drafts, publishing, schedule, revisions, guard, tenancy', () => {
  const t = useTestApp();
  let editor: Session;
  let editorB: Session;
  let operator: Session;
  let kab: Session;
  const web = `/desa/${DESA_A}/web/artikel`;

  beforeAll(async () => {
    await activate(t.db, DESA_A);
    await activate(t.db, DESA_B);
    await insertUser(t.db, 'editor.a', 'editor-web', DESA_A);
    await insertUser(t.db, 'editor.b', 'editor-web', DESA_B);
    await insertUser(t.db, 'operator.a', 'operator-desa', DESA_A);
    await insertUser(t.db, 'kab.admin', 'admin-kabupaten', KAB);
    editor = await login(t.app, 'editor.a', PASSWORD);
    editorB = await login(t.app, 'editor.b', PASSWORD);
    operator = await login(t.app, 'operator.a', PASSWORD);
    kab = await login(t.app, 'kab.admin', PASSWORD);
  });

  const row = (id: number) => t.db.selectFrom('artikel').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const buat = async (over: Record<string, string>) => {
    const res = await postForm(t.app, `${web}/baru`, editor, artikelForm(over));
    expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
    return idDari(res.headers.location);
  };

  it('keeps a draft off the site and shows it once published (og:type article)', async () => {
    const id = await buat({ judul: 'Musyawarah dusun Krajan' });
    const a = await row(id);
    expect(a.status).toBe('draf');
    expect(a.slug).toBe('musyawarah-dusun-krajan');
    expect((await get(t.app, `/situs/${DESA_A}/artikel`)).body).not.toContain('Musyawarah dusun Krajan');
    expect((await get(t.app, `/situs/${DESA_A}/artikel/${a.slug}`)).statusCode).toBe(404);

    const res = await postForm(
      t.app,
      `${web}/${id}`,
      editor,
      artikelForm({ judul: 'Musyawarah dusun Krajan', intent: 'terbit' }),
    );
    expect(res.statusCode).toBe(303);
    const page = await get(t.app, `/situs/${DESA_A}/artikel/${a.slug}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<meta property="og:type" content="article"/>');
    expect(page.body).toContain('<p>Warga gotong royong.</p>');
    expect(page.body).toContain('<meta name="description" content="Warga gotong royong."/>');
    expect((await get(t.app, `/situs/${DESA_A}/artikel`)).body).toContain('Musyawarah dusun Krajan');
    expect((await beritaTerbaru(t.db, DESA_A, 5)).map((i) => i.href)).toContain(`/artikel/${a.slug}`);
    // another desa's site never shows it
    expect((await get(t.app, `/situs/${DESA_B}/artikel/${a.slug}`)).statusCode).toBe(404);
    expect(await beritaTerbaru(t.db, DESA_B, 5)).toEqual([]);
  });

  it('schedules: hidden before its time, visible when due, then marked published', async () => {
    const id = await buat({
      jenis: 'pengumuman',
      judul: 'Pemadaman listrik',
      intent: 'jadwal',
      terbit_pada: waktuLokal(90),
    });
    const a = await row(id);
    expect(a.status).toBe('terjadwal');
    expect(Date.parse(a.terbit_pada ?? '') - Date.now()).toBeGreaterThan(80 * 60_000);
    expect((await get(t.app, `/situs/${DESA_A}/pengumuman`)).body).not.toContain('Pemadaman listrik');
    expect(await pengumumanAktif(t.db, DESA_A, 5)).toEqual([]);

    const past = new Date(Date.now() - 60_000).toISOString();
    await t.db.updateTable('artikel').set({ terbit_pada: past }).where('id', '=', id).execute();
    expect((await get(t.app, `/situs/${DESA_A}/pengumuman`)).body).toContain('Pemadaman listrik');
    expect(
      await terbitkanJatuhTempo({ db: t.db, env: { BALAI_IFRAME_HOSTS: [], BALAI_PUBLIC_URL: undefined } }),
    ).toEqual({
      terbit: 1,
      ditahan: 0,
    });
    expect((await row(id)).status).toBe('terbit');
  });

  it('refuses a schedule in the past and incomplete kinds, changing nothing', async () => {
    const before = await t.db
      .selectFrom('artikel')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const past = await postForm(
      t.app,
      `${web}/baru`,
      editor,
      artikelForm({ intent: 'jadwal', terbit_pada: waktuLokal(-10) }),
    );
    expect(past.statusCode).toBe(400);
    expect(past.body).toContain('Waktu terbit terjadwal harus di masa depan.');
    const hukum = await postForm(
      t.app,
      `${web}/baru`,
      editor,
      artikelForm({ jenis: 'produk-hukum', hukum_jenis: 'perdes' }),
    );
    expect(hukum.statusCode).toBe(400);
    expect(hukum.body).toContain('Nomor produk hukum wajib diisi.');
    const agenda = await postForm(t.app, `${web}/baru`, editor, artikelForm({ jenis: 'agenda' }));
    expect(agenda.body).toContain('Agenda perlu waktu mulai.');
    const foreignKat = await postForm(t.app, `${web}/baru`, editor, artikelForm({ kategori_id: '999999' }));
    expect(foreignKat.statusCode).toBe(400);
    expect(foreignKat.body).toContain('Pilih salah satu pilihan yang tersedia.');
    const kosong = await postForm(t.app, `${web}/baru`, editor, artikelForm({ judul: '', isi: '  ' }));
    expect(kosong.statusCode).toBe(400);
    const after = await t.db
      .selectFrom('artikel')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('stores sanitised HTML: script and event handlers gone, the raw kept only for the guard', async () => {
    const raw =
      '<p onclick="alert(1)">Halo</p><script>alert(document.cookie)</script><a href="javascript:alert(1)">x</a>';
    const id = await buat({ judul: 'Uji sanitasi', isi: raw, intent: 'terbit' });
    const a = await row(id);
    expect(a.isi_html).toContain('Halo');
    expect(a.isi_html).not.toMatch(/script|onclick|javascript:/i);
    expect(a.isi_mentah).toBe(raw);
    const page = await get(t.app, `/situs/${DESA_A}/artikel/${a.slug}`);
    expect(page.body).not.toMatch(/<script|onclick|javascript:/i);
  });

  it.each([
    ['a hidden link', '<p>Berita</p><a href="https://situs-judi.example/" style="display:none">x</a>'],
    ['gambling words', '<p>Daftar slot gacor maxwin hari ini</p>'],
  ])('holds content with %s instead of publishing it', async (_name, isi) => {
    const id = await buat({ judul: `Ditahan ${_name}`, isi, intent: 'terbit' });
    const a = await row(id);
    expect(a.status).toBe('ditahan');
    expect((await get(t.app, `/situs/${DESA_A}/artikel/${a.slug}`)).statusCode).toBe(404);
    const temuan = await t.db.selectFrom('konten_temuan').selectAll().where('sumber_id', '=', id).execute();
    expect(temuan.length).toBeGreaterThan(0);
    expect(temuan[0]?.status).toBe('menunggu');
    const edit = await get(t.app, `${web}/${id}`, editor);
    expect(edit.body).toContain('Artikel ini ditahan');
  });

  it('keeps every previous version and restores one as a draft', async () => {
    const id = await buat({ judul: 'Versi satu', isi: '<p>satu</p>', intent: 'terbit' });
    await postForm(
      t.app,
      `${web}/${id}`,
      editor,
      artikelForm({ judul: 'Versi dua', isi: '<p>dua</p>', intent: 'terbit' }),
    );
    await postForm(
      t.app,
      `${web}/${id}`,
      editor,
      artikelForm({ judul: 'Versi tiga', isi: '<p>tiga</p>', intent: 'terbit' }),
    );
    const list = await get(t.app, `${web}/${id}/revisi`, editor);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Versi satu');
    expect(list.body).toContain('Versi dua');
    const revisi = await t.db
      .selectFrom('artikel_revisi')
      .selectAll()
      .where('artikel_id', '=', id)
      .orderBy('id')
      .execute();
    expect(revisi.map((r) => r.judul)).toEqual(['Versi satu', 'Versi dua']);
    expect(revisi[0]?.oleh).toBe('editor.a');
    const first = revisi[0]?.id ?? 0;
    const view = await get(t.app, `${web}/${id}/revisi/${first}`, editor);
    expect(view.body).toContain('<p>satu</p>');
    expect((await postForm(t.app, `${web}/${id}/revisi/${first}`, editor, {})).statusCode).toBe(400);
    const restore = await postForm(t.app, `${web}/${id}/revisi/${first}`, editor, { intent: 'pulihkan' });
    expect(restore.statusCode).toBe(303);
    const a = await row(id);
    expect([a.judul, a.isi_html, a.status]).toEqual(['Versi satu', '<p>satu</p>', 'draf']);
    const after = await t.db
      .selectFrom('artikel_revisi')
      .select('judul')
      .where('artikel_id', '=', id)
      .orderBy('id')
      .execute();
    expect(after.map((r) => r.judul)).toEqual(['Versi satu', 'Versi dua', 'Versi tiga']);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('aksi')
      .where('entitas', '=', 'artikel')
      .where('entitas_id', '=', String(id))
      .execute();
    expect(audit.map((x) => x.aksi)).toEqual(expect.arrayContaining(['buat', 'ubah', 'pulihkan-revisi']));
  });

  it('keeps desa apart: another desa editor gets 404, roles without write:web 403, anonymous to login', async () => {
    const id = await buat({ judul: 'Milik desa A' });
    expect((await get(t.app, web, editorB)).statusCode).toBe(404);
    expect((await get(t.app, `${web}/${id}`, editorB)).statusCode).toBe(404);
    const hijack = await postForm(t.app, `${web}/${id}`, editorB, artikelForm({ judul: 'Dibajak', intent: 'terbit' }));
    expect(hijack.statusCode).toBe(404);
    // B's own URL with A's article id: still not found
    expect((await get(t.app, `/desa/${DESA_B}/web/artikel/${id}`, editorB)).statusCode).toBe(404);
    const viaB = await postForm(t.app, `/desa/${DESA_B}/web/artikel/${id}`, editorB, artikelForm({ judul: 'Dibajak' }));
    expect(viaB.statusCode).toBe(404);
    expect((await get(t.app, `/desa/${DESA_B}/web/artikel/${id}/revisi`, editorB)).statusCode).toBe(404);
    expect((await row(id)).judul).toBe('Milik desa A');
    expect((await get(t.app, web, operator)).statusCode).toBe(403);
    expect((await get(t.app, web, kab)).statusCode).toBe(403);
    const anon = await get(t.app, web);
    expect(anon.statusCode).toBe(303);
    expect(String(anon.headers.location)).toMatch(/^\/masuk/);
    expect((await postForm(t.app, `${web}/baru`, null, artikelForm())).statusCode).toBe(401);
  });

  it('lists with filters, categories and the public kinds', async () => {
    const kat = await postForm(t.app, `/desa/${DESA_A}/web/kategori`, editor, { nama: 'Pembangunan' });
    expect(kat.statusCode).toBe(303);
    const dup = await postForm(t.app, `/desa/${DESA_A}/web/kategori`, editor, { nama: 'pembangunan' });
    expect(dup.statusCode).toBe(409);
    expect(dup.body).toContain('Kategori dengan nama ini sudah ada.');
    const k = await t.db
      .selectFrom('kategori_artikel')
      .selectAll()
      .where('desa_kode', '=', DESA_A)
      .executeTakeFirstOrThrow();
    await buat({ judul: 'Talud dusun', kategori_id: String(k.id), intent: 'terbit' });
    await buat({
      jenis: 'produk-hukum',
      judul: 'APBDes 2027',
      hukum_jenis: 'perdes',
      hukum_nomor: '3',
      hukum_tahun: '2026',
      intent: 'terbit',
    });
    await buat({ jenis: 'informasi-publik', judul: 'Laporan realisasi', ppid_kategori: 'berkala', intent: 'terbit' });
    await buat({
      jenis: 'agenda',
      judul: 'Posyandu balita',
      agenda_mulai: waktuLokal(60 * 24),
      agenda_tempat: 'Balai desa',
      intent: 'terbit',
    });
    const byKat = await get(t.app, `/situs/${DESA_A}/artikel/kategori/pembangunan`);
    expect(byKat.body).toContain('Talud dusun');
    expect(byKat.body).not.toContain('Musyawarah dusun Krajan');
    expect((await get(t.app, `/situs/${DESA_A}/artikel/kategori/tidak-ada`)).statusCode).toBe(404);
    expect((await get(t.app, `/situs/${DESA_A}/produk-hukum`)).body).toContain('Peraturan Desa Nomor 3 Tahun 2026');
    const ppid = await get(t.app, `/situs/${DESA_A}/informasi-publik`);
    expect(ppid.body).toContain('Informasi berkala');
    expect(ppid.body).toContain('Laporan realisasi');
    expect((await get(t.app, `/situs/${DESA_A}/agenda`)).body).toContain('Balai desa');
    expect((await get(t.app, `/situs/${DESA_A}/artikel?halaman=99`)).statusCode).toBe(404);
    const admin = await get(t.app, `${web}?jenis=produk-hukum`, editor);
    expect(admin.body).toContain('APBDes 2027');
    expect(admin.body).not.toContain('Talud dusun');
    expect((await get(t.app, `${web}?status=ditahan`, editor)).body).toContain('Ditahan gambling words');
    expect((await get(t.app, `${web}?q=apbdes`, editor)).body).toContain('APBDes 2027');
  });
});
