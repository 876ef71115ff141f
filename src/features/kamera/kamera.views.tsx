import { emptyForm, type FormState } from '#src/lib/forms/form.js';
import { fill } from '#src/lib/i18n/messages.js';
import { ErrorSummary, Field, PostForm, Select } from '#src/lib/views/components.js';
import { Layout } from '#src/lib/views/layout.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import { kameraSchema } from './kamera.schema.js';
import { JENIS_KAMERA, type KameraTable } from './kamera.table.js';
import { waktu } from './layanan-form.js';

type Kamera = Omit<KameraTable, 'id'> & { id: number; wilayah_nama?: string };
const SCHEMA = kameraSchema([]);

/** Staff: the cameras of a region and below, and the form to add one. */
export function KameraAdminPage(p: {
  ctx: PageCtx;
  region: { kode: string; nama: string };
  kamera: Kamera[];
  state?: FormState;
}) {
  const { m, lang } = p.ctx;
  const t = m.layanan.kamera;
  return (
    <Layout ctx={p.ctx} title={`${t.kelola} · ${p.region.nama}`}>
      <p>
        <a href={`/situs/${p.region.kode}/kamera`}>{t.judul}</a>
      </p>
      {p.kamera.length === 0 ? (
        <p class="muted">{t.kosong}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.nama}</th>
                <th scope="col">{t.wilayah}</th>
                <th scope="col">{t.jenis}</th>
                <th scope="col">Status</th>
                <th scope="col">{t.terakhir}</th>
                <th scope="col">{t.galat}</th>
              </tr>
            </thead>
            <tbody>
              {p.kamera.map((k) => (
                <tr key={k.id}>
                  <td>
                    <a href={`/wilayah/${p.region.kode}/kamera/${k.id}`}>{k.nama}</a>
                    {k.aktif ? '' : ' (—)'}
                  </td>
                  <td>{k.wilayah_nama}</td>
                  <td>{t.jenisPilihan[k.jenis]}</td>
                  <td>{t.status[k.status]}</td>
                  <td>{waktu(k.terakhir_terlihat, lang) || t.belumPernah}</td>
                  <td>{k.galat ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section>
        <h2>{t.tambah}</h2>
        <KameraForm
          ctx={p.ctx}
          action={`/wilayah/${p.region.kode}/kamera`}
          state={p.state ?? emptyForm({ aktif: '1' })}
        />
      </section>
    </Layout>
  );
}

/** Staff: one camera, its last check, the edit form, check now and delete. */
export function KameraEditPage(p: { ctx: PageCtx; kode: string; kamera: Kamera; state?: FormState }) {
  const { m, lang } = p.ctx;
  const t = m.layanan.kamera;
  const k = p.kamera;
  const action = `/wilayah/${p.kode}/kamera/${k.id}`;
  const values: Record<string, string> = {
    nama: k.nama,
    lokasi: k.lokasi ?? '',
    lat: k.lat === null ? '' : String(k.lat),
    lng: k.lng === null ? '' : String(k.lng),
    jenis: k.jenis,
    stream_url: k.stream_url,
    snapshot_url: k.snapshot_url ?? '',
    aktif: k.aktif ? '1' : '',
  };
  return (
    <Layout ctx={p.ctx} title={`${t.ubah}: ${k.nama}`}>
      <p>
        <a href={`/wilayah/${p.kode}/kamera`}>{t.kelola}</a>
      </p>
      <dl class="facts">
        <dt>Status</dt>
        <dd>{t.status[k.status]}</dd>
        <dt>{t.diperiksa}</dt>
        <dd>{waktu(k.diperiksa_pada, lang) || t.belumPernah}</dd>
        <dt>{t.terakhir}</dt>
        <dd>{waktu(k.terakhir_terlihat, lang) || t.belumPernah}</dd>
        {k.galat ? (
          <>
            <dt>{t.galat}</dt>
            <dd>{k.galat}</dd>
          </>
        ) : null}
      </dl>
      <PostForm action={action} label={t.cekSekarang}>
        <input type="hidden" name="intent" value="cek" />
        <button type="submit">{t.cekSekarang}</button>
      </PostForm>
      <h2>{t.ubah}</h2>
      <KameraForm ctx={p.ctx} action={action} state={p.state ?? emptyForm(values)} intent="simpan" />
      <PostForm action={action} label={t.hapus}>
        <input type="hidden" name="intent" value="hapus" />
        <button type="submit" class="danger">
          {t.hapus}
        </button>
      </PostForm>
    </Layout>
  );
}

function KameraForm(p: { ctx: PageCtx; action: string; state: FormState; intent?: string }) {
  const t = p.ctx.m.layanan.kamera;
  const s = p.state;
  return (
    <>
      <ErrorSummary state={s} />
      <PostForm action={p.action} label={t.tambah}>
        {p.intent ? <input type="hidden" name="intent" value={p.intent} /> : null}
        <Field name="nama" label={t.nama} state={s} schema={SCHEMA} />
        <Field name="lokasi" label={t.lokasi} state={s} schema={SCHEMA} />
        <div class="grid2">
          <Field name="lat" label={t.lat} state={s} hint={t.koordinatHint} inputMode="text" />
          <Field name="lng" label={t.lng} state={s} inputMode="text" />
        </div>
        <Select
          name="jenis"
          label={t.jenis}
          state={s}
          options={JENIS_KAMERA.map((j) => ({ value: j, label: t.jenisPilihan[j] ?? j }))}
        />
        <Field name="stream_url" label={t.streamUrl} state={s} schema={SCHEMA} type="url" hint={t.streamHint} />
        <Field name="snapshot_url" label={t.snapshotUrl} state={s} schema={SCHEMA} type="url" hint={t.snapshotHint} />
        <div class="field">
          <label>
            <input type="checkbox" name="aktif" value="1" checked={s.values.aktif === '1'} /> {t.aktif}
          </label>
        </div>
        <button type="submit">{t.simpan}</button>
      </PostForm>
    </>
  );
}

export const dicekText = (t: PageCtx['m']['layanan']['kamera'], status: string) =>
  fill(t.dicek, { status: t.status[status] ?? status });
