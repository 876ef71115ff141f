import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '#src/lib/audit/audit.js';
import { follow, get, login, postForm, type Session, useTestApp } from '../../../tests/support/app.js';
import {
  activate,
  DESA_A,
  DESA_B,
  insertFamily,
  insertUser,
  makeNik,
  PASSWORD,
  person,
} from '../../../tests/support/builders.js';
import { recordArrival } from './kedatangan.service.js';

describe('moves between desa of the installation (screens)', () => {
  const t = useTestApp();
  let opA: Session;
  let opB: Session;

  beforeAll(async () => {
    await activate(t.db, DESA_A);
    await activate(t.db, DESA_B);
    await insertUser(t.db, 'op.a', 'operator-desa', DESA_A);
    await insertUser(t.db, 'op.b', 'operator-desa', DESA_B);
    opA = await login(t.app, 'op.a', PASSWORD);
    opB = await login(t.app, 'op.b', PASSWORD);
  });

  async function request(nama: string, head = false) {
    const nik = makeNik('1991-01-11', 1);
    const members = head
      ? [{ nama: `Istri ${nama}`, tanggallahir: '1992-02-02', sex: 2 as const, kkLevel: 3 }]
      : [{ nama, tanggallahir: '1991-01-11', sex: 1 as const, kkLevel: 4, nik }];
    const a = await insertFamily(
      t.db,
      DESA_A,
      {
        nama: head ? nama : `Bapak ${nama}`,
        tanggallahir: head ? '1991-01-11' : '1960-01-01',
        sex: 1,
        ...(head ? { nik } : {}),
      },
      members,
    );
    const b = await insertFamily(t.db, DESA_B, { nama: `Tuan rumah ${nama}`, tanggallahir: '1970-03-03', sex: 1 });
    const r = await recordArrival(t.db, systemActor('op.b'), DESA_B, {
      person: person({ nama, nik }),
      lingkunganId: b.lingkunganId,
      family: { kind: 'new', noKk: null, alamat: null },
      tglPeristiwa: '2026-11-20',
      tglLapor: null,
      alamatAsal: null,
      maksud: 'bekerja',
      catatan: null,
    });
    if (r.kind !== 'menunggu') throw new Error('expected a transfer request');
    return { transferId: r.transferId, personId: head ? a.kepalaId : (a.memberIds[0] as number), a };
  }

  it('the desa of origin sees the request and approves it; the record moves with its history', async () => {
    const { transferId, personId } = await request('Dimas');
    const page = await get(t.app, `/desa/${DESA_A}/pindah`, opA);
    expect(page.body).toContain('Dimas');
    expect(page.body).toContain('Desa Maguan, Kecamatan Kaliori');
    // the receiving desa cannot approve its own request
    expect([403, 404]).toContain((await postForm(t.app, `/pindah/${transferId}/terima`, opB, {})).statusCode);
    const ok = await postForm(t.app, `/pindah/${transferId}/terima`, opA, {});
    expect(ok.statusCode).toBe(303);
    expect((await follow(t.app, ok, opA)).body).toContain('Penduduk sudah dipindahkan.');
    const p = await t.db
      .selectFrom('penduduk')
      .select(['desa_kode', 'status_dasar', 'kk_level'])
      .where('id', '=', personId)
      .executeTakeFirstOrThrow();
    expect(p).toEqual({ desa_kode: DESA_B, status_dasar: 1, kk_level: 1 });
  });

  it('approving the move of a family head needs a new head for the family left behind', async () => {
    const { transferId, a } = await request('Hendra', true);
    const page = await get(t.app, `/desa/${DESA_A}/pindah`, opA);
    expect(page.body).toContain('Kepala keluarga baru');
    const refused = await postForm(t.app, `/pindah/${transferId}/terima`, opA, {});
    expect(refused.statusCode).toBe(422);
    const ok = await postForm(t.app, `/pindah/${transferId}/terima`, opA, { kepala_baru_id: String(a.memberIds[0]) });
    expect(ok.statusCode).toBe(303);
    const family = await t.db
      .selectFrom('keluarga')
      .select('kepala_id')
      .where('id', '=', a.keluargaId)
      .executeTakeFirstOrThrow();
    expect(family.kepala_id).toBe(a.memberIds[0]);
  });

  it('the origin may refuse with a reason; the receiving desa may withdraw', async () => {
    const first = await request('Rudi');
    const refused = await postForm(t.app, `/pindah/${first.transferId}/tolak`, opA, {
      alasan: 'Orangnya masih tinggal di sini',
    });
    expect(refused.statusCode).toBe(303);
    expect((await get(t.app, `/desa/${DESA_B}/pindah`, opB)).body).toContain('Orangnya masih tinggal di sini');
    const second = await request('Wawan');
    expect([403, 404]).toContain(
      (await postForm(t.app, `/pindah/${second.transferId}/batal`, opA, { alasan: 'bukan hak A' })).statusCode,
    );
    expect(
      (await postForm(t.app, `/pindah/${second.transferId}/batal`, opB, { alasan: 'salah orang' })).statusCode,
    ).toBe(303);
    const statuses = await t.db
      .selectFrom('pindah_antar_desa')
      .select(['id', 'status'])
      .where('id', 'in', [first.transferId, second.transferId])
      .orderBy('id')
      .execute();
    expect(statuses.map((s) => s.status)).toEqual(['ditolak', 'batal']);
    expect(
      (await t.db.selectFrom('penduduk').select('desa_kode').where('id', '=', first.personId).executeTakeFirstOrThrow())
        .desa_kode,
    ).toBe(DESA_A);
  });
});
