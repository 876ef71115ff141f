import { formatDateTime } from '#src/lib/time-zone.js';
import { PostForm } from '#src/lib/views/components.js';
import { Layout } from '#src/lib/views/layout.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import type { TemuanBaris } from './konten-jaga.repository.js';

/** Findings grouped by the content they were found in (one decision per piece of content). */
interface Kelompok {
  desaKode: string;
  desaNama: string | null;
  sumber: TemuanBaris['sumber'];
  sumberId: number;
  judul: string | null;
  statusKonten: string | null;
  temuan: TemuanBaris[];
}

export function kelompokkan(rows: readonly TemuanBaris[]): Kelompok[] {
  const map = new Map<string, Kelompok>();
  for (const r of rows) {
    const key = `${r.desa_kode}/${r.sumber}/${r.sumber_id}`;
    let k = map.get(key);
    if (!k) {
      k = {
        desaKode: r.desa_kode,
        desaNama: r.desa_nama,
        sumber: r.sumber,
        sumberId: r.sumber_id,
        judul: r.judul,
        statusKonten: r.status_konten,
        temuan: [],
      };
      map.set(key, k);
    }
    k.temuan.push(r);
  }
  return [...map.values()];
}

function Filter({ ctx, action, semua }: { ctx: PageCtx; action: string; semua: boolean }) {
  const t = ctx.m.jaga.filter;
  return (
    <form method="get" action={action} class="filters" aria-label={t.label}>
      <div class="field">
        <label for="q-tampil">{t.label}</label>
        <select id="q-tampil" name="tampil">
          <option value="">{t.menunggu}</option>
          <option value="semua" selected={semua}>
            {t.semua}
          </option>
        </select>
      </div>
      <button type="submit" class="secondary">
        {t.terapkan}
      </button>
    </form>
  );
}

function DaftarTemuan({ ctx, k }: { ctx: PageCtx; k: Kelompok }) {
  const t = ctx.m.jaga;
  return (
    <ul>
      {k.temuan.map((r) => (
        <li key={r.id}>
          <strong>{t.jenis[r.jenis]}</strong>: <code>{r.detail}</code>{' '}
          <span class="muted">
            ({t.status[r.status]}, {formatDateTime(r.dibuat_pada, ctx.lang)}
            {r.diputus_oleh ? `, ${r.diputus_oleh}` : ''})
          </span>
        </li>
      ))}
    </ul>
  );
}

function Judul({ ctx, k }: { ctx: PageCtx; k: Kelompok }) {
  const judul = k.judul ?? `#${k.sumberId}`;
  return (
    <>
      <a href={`/desa/${k.desaKode}/web/artikel/${k.sumberId}`}>{judul}</a>
      <div class="muted">
        {ctx.m.jaga.sumber[k.sumber]} · {k.statusKonten ?? '—'}
      </div>
    </>
  );
}

/** A desa's findings with a release/reject decision per held piece of content. */
export function TemuanDesaPage(p: { ctx: PageCtx; kode: string; rows: TemuanBaris[]; semua: boolean }) {
  const { ctx, kode } = p;
  const t = ctx.m.jaga;
  const action = `/desa/${kode}/web/temuan`;
  const kelompok = kelompokkan(p.rows);
  return (
    <Layout ctx={ctx} title={t.judul}>
      <p>{t.pengantar}</p>
      <Filter ctx={ctx} action={action} semua={p.semua} />
      {kelompok.length === 0 ? (
        <p class="muted">{p.semua ? t.kosongRiwayat : t.kosong}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.kolom.konten}</th>
                <th scope="col">{t.kolom.detail}</th>
                <th scope="col">{t.kolom.aksi}</th>
              </tr>
            </thead>
            <tbody>
              {kelompok.map((k) => (
                <tr key={`${k.sumber}/${k.sumberId}`}>
                  <td>
                    <Judul ctx={ctx} k={k} />
                  </td>
                  <td>
                    <DaftarTemuan ctx={ctx} k={k} />
                  </td>
                  <td>
                    {k.temuan.some((r) => r.status === 'menunggu') &&
                      (['lepas', 'tolak'] as const).map((intent) => (
                        <PostForm key={intent} action={action} class="inline">
                          <input type="hidden" name="intent" value={intent} />
                          <input type="hidden" name="sumber" value={k.sumber} />
                          <input type="hidden" name="sumber_id" value={String(k.sumberId)} />
                          <button
                            type="submit"
                            class={intent === 'lepas' ? 'small secondary' : 'small'}
                            aria-label={`${t[intent]}: ${k.judul ?? k.sumberId}`}
                          >
                            {t[intent]}
                          </button>
                        </PostForm>
                      ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

/** Findings across every desa in the user's scope; decisions are taken on each desa's page. */
export function TemuanKabupatenPage(p: { ctx: PageCtx; rows: TemuanBaris[]; semua: boolean }) {
  const { ctx } = p;
  const t = ctx.m.jaga;
  const kelompok = kelompokkan(p.rows);
  return (
    <Layout ctx={ctx} title={t.judulKabupaten}>
      <p>{t.pengantar}</p>
      <Filter ctx={ctx} action="/kabupaten/web/temuan" semua={p.semua} />
      {kelompok.length === 0 ? (
        <p class="muted">{p.semua ? t.kosongRiwayat : t.kosong}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.kolom.desa}</th>
                <th scope="col">{t.kolom.konten}</th>
                <th scope="col">{t.kolom.detail}</th>
              </tr>
            </thead>
            <tbody>
              {kelompok.map((k) => (
                <tr key={`${k.desaKode}/${k.sumber}/${k.sumberId}`}>
                  <td>
                    <a href={`/desa/${k.desaKode}/web/temuan`}>{k.desaNama ?? k.desaKode}</a>
                    <div class="muted">
                      <code>{k.desaKode}</code>
                    </div>
                  </td>
                  <td>
                    <Judul ctx={ctx} k={k} />
                  </td>
                  <td>
                    <DaftarTemuan ctx={ctx} k={k} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
