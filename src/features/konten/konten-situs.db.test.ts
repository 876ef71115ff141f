import { beforeAll, describe, expect, it } from 'vitest';
import { get, login, postForm, type Session, useTestApp } from '../../../tests/support/app.js';
import { activate, DESA_A, DESA_B, insertUser, PASSWORD } from '../../../tests/support/builders.js';
import { artikelForm } from '../../../tests/support/konten-fixture.js';

/** The content pages on a desa's own host name, embedded players, caching. */
describe('konten on the desa site', () => {
  const t = useTestApp();
  let admin: Session;
  let editorB: Session;

  beforeAll(async () => {
    await activate(t.db, DESA_A);
    await activate(t.db, DESA_B);
    await insertUser(t.db, 'admin.a', 'admin-desa', DESA_A);
    await insertUser(t.db, 'editor.b', 'editor-web', DESA_B);
    admin = await login(t.app, 'admin.a', PASSWORD);
    editorB = await login(t.app, 'editor.b', PASSWORD);
    const isi = '<p>Video</p><iframe src="https://www.youtube-nocookie.com/embed/abc123"></iframe>';
    const web = `/desa/${DESA_A}/web/artikel/baru`;
    expect(
      (await postForm(t.app, web, admin, artikelForm({ judul: 'Rapat RT', isi, intent: 'terbit' }))).statusCode,
    ).toBe(303);
    const b = `/desa/${DESA_B}/web/artikel/baru`;
    expect(
      (await postForm(t.app, b, editorB, artikelForm({ judul: 'Rahasia Maguan', intent: 'terbit' }))).statusCode,
    ).toBe(303);
    // the desa's own host name (the site core reloads its host map when the profile is saved)
    const saved = await postForm(t.app, `/desa/${DESA_A}`, admin, {
      sebutan: 'desa',
      sebutan_dusun: 'dusun',
      hosts: 'meteseh.example',
    });
    expect(saved.statusCode).toBe(303);
  });

  const onHost = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers: { host: 'meteseh.example', ...headers } });

  it('serves the lists and articles on the desa host with host-relative links, never another desa', async () => {
    const list = await onHost('/artikel');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('href="/artikel/rapat-rt"');
    expect(list.body).not.toContain('/situs/');
    const page = await onHost('/artikel/rapat-rt');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<link rel="canonical" href="http://meteseh.example/artikel/rapat-rt"');
    for (const url of [
      '/artikel/rahasia-maguan',
      `/situs/${DESA_B}/artikel/rahasia-maguan`,
      `/situs/${DESA_B}/artikel`,
    ]) {
      const res = await onHost(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toContain('Rahasia Maguan');
    }
    // by path on the main host, the canonical address is the desa's host
    const byPath = await get(t.app, `/situs/${DESA_A}/artikel/rapat-rt`);
    expect(byPath.body).toContain('<link rel="canonical" href="http://meteseh.example/artikel/rapat-rt"');
  });

  it('keeps allowlisted players and lets only their hosts be framed on that page', async () => {
    const page = await get(t.app, `/situs/${DESA_A}/artikel/rapat-rt`);
    expect(page.body).toContain('src="https://www.youtube-nocookie.com/embed/abc123"');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain('frame-src https://www.youtube-nocookie.com');
    expect(csp).toContain("script-src 'self'");
    const list = await get(t.app, `/situs/${DESA_A}/artikel`);
    expect(String(list.headers['content-security-policy'])).not.toContain('frame-src');
  });

  it('answers with an ETag and one minute of public caching, 304 when unchanged', async () => {
    const first = await get(t.app, `/situs/${DESA_A}/artikel/rapat-rt`);
    expect(first.headers['cache-control']).toBe('public, max-age=60');
    const etag = String(first.headers.etag);
    const again = await t.app.inject({
      method: 'GET',
      url: `/situs/${DESA_A}/artikel/rapat-rt`,
      headers: { 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
  });
});
