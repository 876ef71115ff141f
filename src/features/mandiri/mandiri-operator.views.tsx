import { maskNumber } from '#src/domain/nik.js';
import { fill } from '#src/lib/i18n/messages.js';
import { PostForm } from '#src/lib/views/components.js';
import { Layout } from '#src/lib/views/layout.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import type { BarisAkun } from './mandiri-operator.service.js';

/** The office's page of resident accounts: search, activate (PIN shown once), new PIN, switch off; the desa switch. */
export function AkunWargaPage(p: {
  ctx: PageCtx;
  kode: string;
  q: string;
  rows: BarisAkun[];
  layananAktif: boolean;
  /** the PIN just made, shown once */
  pinBaru?: { nama: string; pin: string };
}) {
  const t = p.ctx.m.mandiri.operator;
  const action = `/desa/${p.kode}/mandiri`;
  return (
    <Layout ctx={p.ctx} title={t.judul}>
      <p>{t.intro}</p>
      <ul class="inline-links">
        <li>
          <a href={`/desa/${p.kode}/mandiri/pendaftaran`}>{t.tautanPendaftaran}</a>
        </li>
        <li>
          <a href={`/desa/${p.kode}/notifikasi`}>{t.tautanNotifikasi}</a>
        </li>
      </ul>
      {p.pinBaru && (
        <p class="notice" role="status" data-pin={p.pinBaru.pin}>
          {fill(t.pinBaru, { nama: p.pinBaru.nama, pin: p.pinBaru.pin })}
        </p>
      )}
      <form method="get" action={action} class="filters">
        <label for="q">{t.cari}</label>
        <input id="q" name="q" type="search" value={p.q} maxLength={60} />
        <button type="submit">{t.tombolCari}</button>
      </form>
      {p.rows.length === 0 ? (
        <p>{t.kosong}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.kolomNama}</th>
              <th scope="col">{t.kolomNik}</th>
              <th scope="col">{t.kolomAkun}</th>
              <th scope="col">{t.kolomMasuk}</th>
              <th scope="col">
                <span class="visually-hidden">{t.aktifkan}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r) => (
              <tr key={r.pendudukId}>
                <td>{r.nama}</td>
                <td>{maskNumber(r.nik)}</td>
                <td>{r.akunId === null ? t.belumAda : r.aktif === 1 ? t.adaAkun : t.nonaktif}</td>
                <td>{r.terakhirMasuk?.slice(0, 16).replace('T', ' ') ?? '—'}</td>
                <td>
                  <PostForm action={action} class="inline">
                    <input type="hidden" name="penduduk_id" value={String(r.pendudukId)} />
                    <button type="submit" name="intent" value={r.akunId === null ? 'aktifkan' : 'atur-ulang'}>
                      {r.akunId === null || r.aktif !== 1 ? t.aktifkan : t.aturUlang}
                    </button>
                  </PostForm>
                  {r.akunId !== null && r.aktif === 1 && (
                    <PostForm action={action} class="inline">
                      <input type="hidden" name="akun_id" value={String(r.akunId)} />
                      <button type="submit" name="intent" value="nonaktifkan" class="secondary">
                        {t.nonaktifkan}
                      </button>
                    </PostForm>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t.layanan}</h2>
      <PostForm action={action}>
        <fieldset>
          <legend>{t.layanan}</legend>
          <label>
            <input type="radio" name="aktif" value="1" checked={p.layananAktif} /> {t.layananAktif}
          </label>
          <label>
            <input type="radio" name="aktif" value="0" checked={!p.layananAktif} /> {t.layananMati}
          </label>
        </fieldset>
        <button type="submit" name="intent" value="layanan">
          {t.simpanLayanan}
        </button>
      </PostForm>
    </Layout>
  );
}
