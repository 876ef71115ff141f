import { formatDateTime } from '#src/lib/time-zone.js';
import { PostForm } from '#src/lib/views/components.js';
import { Layout } from '#src/lib/views/layout.js';
import { type PageCtx, usePage } from '#src/lib/views/page-context.js';

export interface TransferItem {
  id: number;
  nama: string;
  penduduk_id: number;
  dari_desa: string;
  dari_nama: string;
  ke_desa: string;
  ke_nama: string;
  status: string;
  diminta_oleh: string | null;
  diminta_pada: string;
  alasan: string | null;
  /** for requests this desa must answer: other living members when the person heads a family */
  anggota?: { id: number; nama: string }[];
}

function ReasonForm({ action, label, button }: { action: string; label: string; button: string }) {
  const { m } = usePage();
  const id = `alasan-${action.replace(/\W/g, '-')}`;
  return (
    <PostForm action={action} class="row">
      <label for={id}>{m.registry.antrian.alasanLabel}</label>
      <input
        id={id}
        name="alasan"
        required
        minLength={3}
        maxLength={500}
        aria-label={`${m.registry.antrian.alasanLabel} — ${label}`}
      />
      <button type="submit" class="small secondary">
        {button}
      </button>
    </PostForm>
  );
}

function Rows({
  items,
  mode,
  canAct,
}: {
  items: TransferItem[];
  mode: 'keluar' | 'masuk' | 'riwayat';
  canAct: boolean;
}) {
  const { m, lang } = usePage();
  const t = m.registry.antrian;
  if (items.length === 0) return <p class="muted">{m.common.kosong}</p>;
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{m.registry.field.nama}</th>
            <th scope="col">{t.dari}</th>
            <th scope="col">{t.ke}</th>
            <th scope="col">{t.diminta}</th>
            <th scope="col">{m.common.status}</th>
            {canAct && mode !== 'riwayat' && <th scope="col">{m.common.aksi}</th>}
          </tr>
        </thead>
        <tbody>
          {items.map((x) => (
            <tr key={x.id}>
              <td>{mode === 'keluar' ? <a href={`/penduduk/${x.penduduk_id}`}>{x.nama}</a> : x.nama}</td>
              <td>{x.dari_nama}</td>
              <td>{x.ke_nama}</td>
              <td>
                {formatDateTime(x.diminta_pada, lang)} · {x.diminta_oleh}
              </td>
              <td>
                {t.status[x.status] ?? x.status}
                {x.alasan && <div class="muted">{x.alasan}</div>}
              </td>
              {canAct && mode === 'keluar' && (
                <td>
                  <PostForm action={`/pindah/${x.id}/terima`}>
                    {x.anggota && x.anggota.length > 0 && (
                      <div class="field">
                        <label for={`kepala-${x.id}`}>{t.kepalaBaru}</label>
                        <select id={`kepala-${x.id}`} name="kepala_baru_id" required>
                          <option value="">—</option>
                          {x.anggota.map((a) => (
                            <option key={a.id} value={String(a.id)}>
                              {a.nama}
                            </option>
                          ))}
                        </select>
                      </div>
                    )}
                    <button type="submit" class="small">
                      {t.terima}
                    </button>
                  </PostForm>
                  <ReasonForm action={`/pindah/${x.id}/tolak`} label={x.nama} button={t.tolak} />
                </td>
              )}
              {canAct && mode === 'masuk' && (
                <td>
                  <ReasonForm action={`/pindah/${x.id}/batal`} label={x.nama} button={t.batalkan} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function PindahPage({
  ctx,
  keluar,
  masuk,
  riwayat,
  canAct,
}: {
  ctx: PageCtx;
  keluar: TransferItem[];
  masuk: TransferItem[];
  riwayat: TransferItem[];
  canAct: boolean;
}) {
  const t = ctx.m.registry.antrian;
  return (
    <Layout ctx={ctx} title={t.pindahJudul}>
      <p>{t.pindahIntro}</p>
      <h2>{t.pindahKeluarMenunggu}</h2>
      <Rows items={keluar} mode="keluar" canAct={canAct} />
      <h2>{t.pindahMasukMenunggu}</h2>
      <Rows items={masuk} mode="masuk" canAct={canAct} />
      <h2>{t.pindahRiwayat}</h2>
      <Rows items={riwayat} mode="riwayat" canAct={false} />
    </Layout>
  );
}
