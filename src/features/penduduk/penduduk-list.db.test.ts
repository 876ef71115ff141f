import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureLingkungan } from '#src/features/lingkungan/lingkungan-ensure.js';
import { systemActor } from '#src/lib/audit/audit.js';
import { messagesFor } from '#src/lib/i18n/messages.js';
import { get, login, type Session, useTestApp } from '../../../tests/support/app.js';
import {
  activate,
  DESA_A,
  DESA_B,
  insertFamily,
  insertUser,
  KEC,
  makeNik,
  PASSWORD,
  person,
} from '../../../tests/support/builders.js';
import { insertPerson } from './penduduk.service.js';
import { exportPenduduk } from './penduduk-export.service.js';
import { PendudukListQuerySchema } from './penduduk-list.schema.js';

const actor = systemActor('test');
/** The cells of a worksheet row (exceljs rows are 1-based, with an empty slot 0). */
async function readSheet(data: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Penduduk');
  if (!ws) throw new Error('no worksheet');
  return { rows: ws.rowCount, row: (r: number) => (ws.getRow(r).values as unknown[]).slice(1) };
}
const rowsOf = (html: string) => [...html.matchAll(/<a href="\/penduduk\/(\d+)">([^<]+)<\/a>/g)].map((x) => x[2]);

describe('resident list, export and data-quality page', () => {
  const t = useTestApp();
  const s = {} as Record<'op' | 'kec' | 'wil' | 'opB' | 'web', Session>;
  let slametNik = '';
  let slametKk = '';
  let slametId = 0;
  let ngemplak = 0;

  beforeAll(async () => {
    await activate(t.db, DESA_A);
    await activate(t.db, DESA_B);
    slametNik = makeNik('1980-01-05', 1);
    const f = await insertFamily(t.db, DESA_A, { nama: 'Slamet', tanggallahir: '1980-01-05', sex: 1, nik: slametNik }, [
      { nama: 'Sumiyati', tanggallahir: '1984-03-03', sex: 2, kkLevel: 3 },
      { nama: 'Bayu', tanggallahir: '2015-06-06', sex: 1, kkLevel: 4, nik: null },
    ]);
    slametId = f.kepalaId;
    slametKk = (
      await t.db.selectFrom('keluarga').select('no_kk').where('id', '=', f.keluargaId).executeTakeFirstOrThrow()
    ).no_kk;
    // a second dusun with 55 people: paging, and the dusun operator of Krajan must not see them
    ngemplak = await t.db
      .transaction()
      .execute((trx) => ensureLingkungan(trx, actor, DESA_A, { dusun: 'Ngemplak', rw: '2', rt: '1' }));
    await t.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 55; i++) {
        const born = `${1950 + i}-02-0${(i % 9) + 1}`;
        await insertPerson(trx, actor, {
          desaKode: DESA_A,
          lingkunganId: ngemplak,
          person: person({
            nama: `Warga ${String(i).padStart(2, '0')}`,
            sex: i % 2 === 0 ? 1 : 2,
            tanggallahir: born,
            nik: makeNik(born, i % 2 === 0 ? 1 : 2),
            agama_id: i < 5 ? 2 : 1,
          }),
          keluarga: null,
        });
      }
    });
    await insertFamily(t.db, DESA_B, { nama: 'Orang Maguan', tanggallahir: '1970-01-01', sex: 1 });
    const krajan = await t.db
      .selectFrom('lingkungan')
      .select('id')
      .where('desa_kode', '=', DESA_A)
      .where('tingkat', '=', 'dusun')
      .where('nama', '=', 'Krajan')
      .executeTakeFirstOrThrow();
    await insertUser(t.db, 'op.a', 'operator-desa', DESA_A);
    await insertUser(t.db, 'kec.a', 'staf-kecamatan', KEC);
    await insertUser(t.db, 'wil.a', 'operator-wilayah', DESA_A, { lingkungan: krajan.id });
    await insertUser(t.db, 'op.b', 'operator-desa', DESA_B);
    await insertUser(t.db, 'web.a', 'editor-web', DESA_A);
    s.op = await login(t.app, 'op.a', PASSWORD);
    s.kec = await login(t.app, 'kec.a', PASSWORD);
    s.wil = await login(t.app, 'wil.a', PASSWORD);
    s.opB = await login(t.app, 'op.b', PASSWORD);
    s.web = await login(t.app, 'web.a', PASSWORD);
  });

  const list = (session: Session, qs = '') => get(t.app, `/desa/${DESA_A}/penduduk${qs}`, session);

  it('shows an operator full numbers, a temporary-number badge, and 50 per page with "n of N"', async () => {
    const res = await list(s.op);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(slametNik);
    expect(res.body).toContain(slametKk);
    expect(res.body).toContain('class="badge">sementara');
    expect(rowsOf(res.body)).toHaveLength(50);
    expect(res.body).toContain('1–50 dari 58 penduduk');
    expect(res.body).toContain('halaman=2');
    const page2 = await list(s.op, '?halaman=2');
    expect(rowsOf(page2.body)).toHaveLength(8);
    expect(page2.body).toContain('51–58 dari 58 penduduk');
    // navigation offers the list
    expect(res.body).toContain(`href="/desa/${DESA_A}/penduduk"`);
  });

  it('masks numbers for kecamatan staff and refuses a NIK search for them', async () => {
    const res = await list(s.kec);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(slametNik);
    expect(res.body).not.toContain(slametKk);
    expect(res.body).toContain(`************${slametNik.slice(-4)}`);
    expect(res.body).toContain('disamarkan');
    const search = await list(s.kec, `?q=${slametNik}`);
    expect(search.body).toContain('Mencari dengan NIK hanya untuk pengguna');
    expect(rowsOf(search.body)).toHaveLength(50);
  });

  it('searches by name prefix (a NIK only by POST) and filters by sex, age, code, unit and status', async () => {
    const byNik = await list(s.op, `?q=${slametNik}`);
    expect(byNik.body).toContain('Gunakan kotak &quot;Cari NIK&quot;');
    expect(rowsOf(byNik.body)).toHaveLength(50);
    expect(rowsOf((await list(s.op, '?q=sum')).body)).toEqual(['Sumiyati']);
    expect(rowsOf((await list(s.op, '?q=warga+0&urut=nama')).body)).toHaveLength(10);
    const women = rowsOf((await list(s.op, '?jenis=x&sex=2&q=warga')).body);
    expect(women).toHaveLength(27);
    const kids = rowsOf((await list(s.op, '?umur_maks=17')).body);
    expect(kids).toEqual(['Bayu']);
    const christians = rowsOf((await list(s.op, '?agama_id=2')).body);
    expect(christians).toEqual(['Warga 00', 'Warga 01', 'Warga 02', 'Warga 03', 'Warga 04']);
    const inNgemplak = await list(s.op, `?lingkungan=${ngemplak}`);
    expect(inNgemplak.body).toContain('1–50 dari 55 penduduk');
    expect(rowsOf(inNgemplak.body)).not.toContain('Slamet');
    // status: default HIDUP; the dead appear with "semua"
    await t.db.updateTable('penduduk').set({ status_dasar: 2 }).where('nama', '=', 'Warga 54').execute();
    expect(rowsOf((await list(s.op, '?q=warga+54')).body)).toEqual([]);
    expect(rowsOf((await list(s.op, '?q=warga+54&status_dasar=semua')).body)).toEqual(['Warga 54']);
    expect(rowsOf((await list(s.op, '?q=warga&urut=umur')).body)[0]).toBe('Warga 00');
  });

  it('lets a dusun operator see only their unit, with masked numbers', async () => {
    const res = await list(s.wil);
    expect(res.statusCode).toBe(200);
    expect(rowsOf(res.body).sort()).toEqual(['Bayu', 'Slamet', 'Sumiyati']);
    expect(res.body).not.toContain(slametNik);
    expect(res.body).toContain('Hanya penduduk di wilayah kerja Anda');
    // a unit filter outside their own unit gives nothing
    expect(rowsOf((await list(s.wil, `?lingkungan=${ngemplak}`)).body)).toEqual([]);
    expect((await get(t.app, `/penduduk/${slametId}`, s.wil)).statusCode).toBe(200);
    const outsider = await t.db
      .selectFrom('penduduk')
      .select('id')
      .where('nama', '=', 'Warga 01')
      .executeTakeFirstOrThrow();
    expect((await get(t.app, `/penduduk/${outsider.id}`, s.wil)).statusCode).toBe(404);
  });

  it("refuses another desa's operator (404) and roles without read:penduduk (403)", async () => {
    expect((await list(s.opB)).statusCode).toBe(404);
    expect((await get(t.app, `/penduduk/${slametId}`, s.opB)).statusCode).toBe(404);
    expect((await get(t.app, `/desa/${DESA_A}/penduduk/ekspor.xlsx`, s.opB)).statusCode).toBe(404);
    expect((await list(s.web)).statusCode).toBe(403);
    expect((await get(t.app, `/penduduk/${slametId}`, s.web)).statusCode).toBe(403);
  });

  it('audits opening a record; kecamatan staff see it masked', async () => {
    const res = await get(t.app, `/penduduk/${slametId}`, s.kec);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(slametNik);
    expect(res.body).toContain(slametNik.slice(-4));
    const reads = await t.db
      .selectFrom('audit_log')
      .select(['username', 'aksi', 'peran'])
      .where('entitas', '=', 'penduduk')
      .where('entitas_id', '=', String(slametId))
      .where('aksi', '=', 'baca')
      .execute();
    expect(reads).toContainEqual({ username: 'kec.a', aksi: 'baca', peran: 'staf-kecamatan' });
  });

  it('exports the filtered list as a valid xlsx with labels, audited', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/desa/${DESA_A}/penduduk/ekspor.xlsx?q=s`,
      headers: { cookie: s.op.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const sheet = await readSheet(res.rawPayload);
    expect(sheet.row(1)).toContain('Nama lengkap');
    expect(sheet.rows).toBe(3);
    const slamet = [sheet.row(2), sheet.row(3)].find((r) => r.includes('Slamet'));
    expect(slamet).toContain(slametNik);
    expect(slamet).toContain('LAKI-LAKI');
    expect(slamet).toContain('KEPALA KELUARGA');
    expect(slamet).toContain('Krajan');
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['aksi', 'username', 'alasan'])
      .where('aksi', '=', 'ekspor')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ username: 'op.a' });
    expect(audit.alasan).toContain('2 baris');
    // kecamatan staff may not export at all
    expect((await get(t.app, `/desa/${DESA_A}/penduduk/ekspor.xlsx`, s.kec)).statusCode).toBe(403);
  });

  it('masks numbers in an export made without read:nik', async () => {
    const { stream } = await exportPenduduk(
      t.db,
      actor,
      {
        desaKode: DESA_A,
        scope: { desaKode: DESA_A },
        filters: PendudukListQuerySchema.parse({ q: 'slamet' }),
        fullNumbers: false,
        m: messagesFor('en'),
      },
      { error: () => undefined },
    );
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    const sheet = await readSheet(Buffer.concat(chunks));
    expect(sheet.row(1)).toContain('Full name');
    const row = sheet.row(2);
    expect(row).toContain(`************${slametNik.slice(-4)}`);
    expect(row).not.toContain(slametNik);
    expect(row).not.toContain(slametKk);
  });

  it('lists data-quality warnings by kind; a dusun operator sees only their unit', async () => {
    const res = await get(t.app, `/desa/${DESA_A}/kualitas-data`, s.op);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Belum punya NIK');
    expect(rowsOf(res.body)).toContain('Bayu');
    const wil = await get(t.app, `/desa/${DESA_A}/kualitas-data`, s.wil);
    expect(wil.statusCode).toBe(200);
    expect(rowsOf(wil.body)).toContain('Bayu');
    expect((await get(t.app, `/desa/${DESA_A}/kualitas-data`, s.opB)).statusCode).toBe(404);
  });
});
