import type { FormState } from '#src/lib/forms/form.js';
import { ErrorSummary, Field, PostForm, TextArea } from '#src/lib/views/components.js';
import { Layout } from '#src/lib/views/layout.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import { KontenMenu } from './konten-admin.views.js';
import { mediaPath, pickWidth, widthsOf } from './konten-media-url.js';

export function GaleriAdminPage(p: {
  ctx: PageCtx;
  kode: string;
  album: { id: number; judul: string; terbit: number; jumlah: number | null }[];
  state: FormState;
}) {
  const { ctx, kode } = p;
  const t = ctx.m.konten.galeri;
  const base = `/desa/${kode}/web/galeri`;
  return (
    <Layout ctx={ctx} title={t.judul} above={<KontenMenu ctx={ctx} kode={kode} />}>
      {p.album.length === 0 ? <p>{t.kosong}</p> : null}
      <ul>
        {p.album.map((a) => (
          <li key={a.id}>
            <a href={`${base}/${a.id}`}>{a.judul}</a>{' '}
            <span class="muted">
              {t.jumlahFoto.replace('{n}', String(a.jumlah ?? 0))} · {a.terbit === 1 ? t.tampil : t.tersembunyi}
            </span>
          </li>
        ))}
      </ul>
      <h2>{t.baru}</h2>
      <ErrorSummary state={p.state} />
      <PostForm action={base}>
        <Field name="judul" label={t.judulAlbum} state={p.state} />
        <TextArea name="keterangan" label={t.keterangan} state={p.state} />
        <button type="submit">{t.buat}</button>
      </PostForm>
    </Layout>
  );
}

export function AlbumAdminPage(p: {
  ctx: PageCtx;
  kode: string;
  album: { id: number; judul: string; keterangan: string | null; terbit: number };
  foto: { id: number; keterangan: string | null; berkas: string; varian: unknown }[];
  state: FormState;
}) {
  const { ctx, kode, album } = p;
  const t = ctx.m.konten.galeri;
  const action = `/desa/${kode}/web/galeri/${album.id}`;
  return (
    <Layout ctx={ctx} title={album.judul} above={<KontenMenu ctx={ctx} kode={kode} />}>
      <p>
        <a href={`/desa/${kode}/web/galeri`}>{t.judul}</a> · {album.terbit === 1 ? t.tampil : t.tersembunyi}
      </p>
      <PostForm action={action}>
        <button type="submit" name="intent" value={album.terbit === 1 ? 'tarik' : 'terbitkan'} class="secondary">
          {album.terbit === 1 ? t.tarik : t.terbitkan}
        </button>
      </PostForm>
      {p.foto.length === 0 ? <p>{t.fotoKosong}</p> : null}
      <ul class="galeri-admin">
        {p.foto.map((f) => {
          const w = pickWidth(widthsOf(f.varian), 320);
          return (
            <li key={f.id}>
              {w ? (
                <img
                  src={`/situs/${kode}${mediaPath(f.berkas, w, 'jpg')}`}
                  alt={f.keterangan ?? ''}
                  width={160}
                  loading="lazy"
                />
              ) : null}
              {f.keterangan ? <span> {f.keterangan}</span> : null}
              <PostForm action={action} class="inline">
                <input type="hidden" name="foto" value={String(f.id)} />
                <button type="submit" name="intent" value="hapus-foto" class="link">
                  {t.hapusFoto}
                </button>
              </PostForm>
            </li>
          );
        })}
      </ul>
      <h2>{t.unggah}</h2>
      <ErrorSummary state={p.state} />
      <PostForm action={`${action}/foto`} multipart>
        <div class={p.state.errors.foto ? 'field has-error' : 'field'}>
          <label for="f-foto">{t.foto}</label>
          {p.state.errors.foto ? (
            <p class="error" id="f-foto-error">
              {p.state.errors.foto}
            </p>
          ) : null}
          <input id="f-foto" name="foto" type="file" accept="image/jpeg,image/png,image/webp,image/gif" required />
        </div>
        <Field name="keterangan" label={t.keterangan} state={p.state} />
        <button type="submit">{t.unggah}</button>
      </PostForm>
    </Layout>
  );
}
