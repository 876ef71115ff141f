import { PostForm } from '#src/lib/views/components.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import type { ArtikelDiForm } from './konten-form.views.js';
import { mediaPath, pdfPath, pickWidth, widthsOf } from './konten-media-url.js';

/** Under the editor: the main picture, the PDF attachment, archive/draft — each its own small form. */
function Salah({ id, pesan }: { id: string; pesan: string | undefined }) {
  return pesan ? (
    <p class="error" id={id}>
      {pesan}
    </p>
  ) : null;
}

export function KontenLampiran(p: {
  ctx: PageCtx;
  kode: string;
  artikel: ArtikelDiForm;
  bolehTerbit: boolean;
  errors: Record<string, string>;
}) {
  const { ctx, kode, artikel } = p;
  const f = ctx.m.konten.form;
  const base = `/desa/${kode}/web/artikel/${artikel.id}`;
  const media = (path: string) => `/situs/${kode}${path}`;
  const w = artikel.gambar ? pickWidth(widthsOf(artikel.gambar.varian), 320) : null;
  return (
    <>
      <section aria-labelledby="h-gambar">
        <h2 id="h-gambar">{f.gambar}</h2>
        {artikel.gambar && w ? (
          <>
            <img src={media(mediaPath(artikel.gambar.berkas, w, 'jpg'))} alt="" width={320} loading="lazy" />
            <PostForm action={`${base}/gambar`}>
              <button type="submit" name="intent" value="hapus" class="secondary">
                {f.hapus}
              </button>
            </PostForm>
          </>
        ) : null}
        <PostForm action={`${base}/gambar`} multipart>
          <div class="field">
            <label for="f-gambar">{f.unggahGambar}</label>
            <p class="hint" id="f-gambar-hint">
              {f.gambarHint}
            </p>
            <Salah id="f-gambar-error" pesan={p.errors.gambar} />
            <input
              id="f-gambar"
              name="gambar"
              type="file"
              accept="image/jpeg,image/png,image/webp,image/gif"
              required
              aria-describedby="f-gambar-hint"
            />
          </div>
          <button type="submit">{f.unggahGambar}</button>
        </PostForm>
      </section>
      <section aria-labelledby="h-lampiran">
        <h2 id="h-lampiran">{f.lampiran}</h2>
        {artikel.lampiran ? (
          <>
            <p>
              <a href={media(pdfPath(artikel.lampiran.berkas))}>{artikel.lampiran.nama_asli}</a>
            </p>
            <PostForm action={`${base}/lampiran`}>
              <button type="submit" name="intent" value="hapus" class="secondary">
                {f.hapus}
              </button>
            </PostForm>
          </>
        ) : null}
        <PostForm action={`${base}/lampiran`} multipart>
          <div class="field">
            <label for="f-lampiran">{f.unggahLampiran}</label>
            <Salah id="f-lampiran-error" pesan={p.errors.lampiran} />
            <input id="f-lampiran" name="lampiran" type="file" accept="application/pdf" required />
          </div>
          <button type="submit">{f.unggahLampiran}</button>
        </PostForm>
      </section>
      {p.bolehTerbit && artikel.status !== 'draf' ? (
        <PostForm action={`${base}/status`}>
          <p class="actions">
            {artikel.status !== 'arsip' ? (
              <button type="submit" name="status" value="arsip" class="secondary">
                {f.arsipkan}
              </button>
            ) : null}{' '}
            <button type="submit" name="status" value="draf" class="secondary">
              {f.jadikanDraf}
            </button>
          </p>
        </PostForm>
      ) : null}
    </>
  );
}
