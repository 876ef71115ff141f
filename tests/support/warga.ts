import type { FastifyInstance } from 'fastify';
import { aktifkanAkun } from '#src/features/mandiri/warga-akun.service.js';
import { systemActor } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { cookieFrom, csrfFrom, ORIGIN, type Session } from './app.js';

/** A resident's layanan-mandiri account with a known PIN already chosen (no forced change pending). */
export async function wargaAccount(
  db: Db,
  pendudukId: number,
  pin = '482915',
): Promise<{ akunId: number; pin: string }> {
  const { akunId } = await aktifkanAkun(db, systemActor('uji'), pendudukId);
  const { hashPin } = await import('#src/features/mandiri/warga-masuk.service.js');
  await db
    .updateTable('warga_akun')
    .set({ pin_hash: await hashPin(pin), harus_ganti_pin: 0 })
    .where('id', '=', akunId)
    .execute();
  return { akunId, pin };
}

/** Sign a resident in through the form (NIK + PIN) and pick up the session's CSRF token. */
export async function wargaLogin(app: FastifyInstance, nik: string, pin: string): Promise<Session> {
  const res = await app.inject({
    method: 'POST',
    url: '/layanan-mandiri/masuk',
    headers: { origin: ORIGIN, host: 'localhost' },
    payload: { nik, pin },
  });
  const token = cookieFrom(res, 'balai_warga');
  if (res.statusCode !== 302 && res.statusCode !== 303) throw new Error(`masuk warga gagal: ${res.statusCode}`);
  if (!token) throw new Error('cookie warga tidak ada');
  const cookie = `balai_warga=${token}`;
  const page = await app.inject({ method: 'GET', url: '/layanan-mandiri/pin', headers: { cookie } });
  const csrf = csrfFrom(page.body);
  if (!csrf) throw new Error('token CSRF warga tidak ditemukan');
  return { cookie, csrf, username: `warga:${nik.slice(-4)}` };
}
