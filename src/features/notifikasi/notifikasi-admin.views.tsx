import { emptyForm, type FormState } from '#src/lib/forms/form.js';
import { fill } from '#src/lib/i18n/messages.js';
import { ErrorSummary, PostForm } from '#src/lib/views/components.js';
import { Layout } from '#src/lib/views/layout.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import type { StatusKeluar } from './notifikasi.table.js';
import type { BarisTemplat } from './notifikasi-admin.service.js';
import { PLACEHOLDER } from './notifikasi-templat.js';

/** /desa/{kode}/notifikasi: the channels, the outbox counts, each event's wording, and linking one's own Telegram. */
export function NotifikasiAdminPage(p: {
  ctx: PageCtx;
  kode: string;
  kanal: { telegram: boolean; email: boolean };
  hitung: { status: string; n: number }[];
  templat: BarisTemplat[];
  /** the event whose form failed, with its state */
  gagal?: { jenis: string; state: FormState };
  kode_telegram?: string;
}) {
  const t = p.ctx.m.notifikasi.admin;
  const action = `/desa/${p.kode}/notifikasi`;
  const yaTidak = (b: boolean) => (b ? t.aktif : t.mati);
  return (
    <Layout ctx={p.ctx} title={t.judul}>
      <p>{t.intro}</p>
      <p>{fill(t.kanal, { telegram: yaTidak(p.kanal.telegram), email: yaTidak(p.kanal.email) })}</p>
      <h2>{t.antrean}</h2>
      <ul>
        {(['menunggu', 'terkirim', 'gagal', 'dilewati'] as StatusKeluar[]).map((s) => (
          <li key={s}>
            {t.status[s]}: {p.hitung.find((h) => h.status === s)?.n ?? 0}
          </li>
        ))}
      </ul>
      {p.templat.map((row) => {
        const state = p.gagal?.jenis === row.jenis ? p.gagal.state : emptyForm({ subjek: row.subjek, teks: row.teks });
        return (
          <section key={row.jenis} aria-labelledby={`t-${row.jenis}`}>
            <h2 id={`t-${row.jenis}`}>
              {t.jenis[row.jenis]}
              {row.diubah && <small> · {t.diubahDesa}</small>}
            </h2>
            <ErrorSummary state={state} idPrefix={`f-${row.jenis}`} />
            <p class="hint">{fill(t.isian, { daftar: PLACEHOLDER[row.jenis].map((k) => `{${k}}`).join(' ') })}</p>
            <PostForm action={action} label={t.jenis[row.jenis]}>
              <input type="hidden" name="intent" value="simpan" />
              <input type="hidden" name="jenis" value={row.jenis} />
              <label for={`f-${row.jenis}-subjek`}>{t.subjek}</label>
              <input
                id={`f-${row.jenis}-subjek`}
                name="subjek"
                value={state.values.subjek ?? ''}
                maxLength={200}
                required
              />
              {state.errors.subjek && <p class="error">{state.errors.subjek}</p>}
              <label for={`f-${row.jenis}-teks`}>{t.teks}</label>
              <textarea id={`f-${row.jenis}-teks`} name="teks" rows={3} maxLength={2000} required>
                {state.values.teks ?? ''}
              </textarea>
              {state.errors.teks && <p class="error">{state.errors.teks}</p>}
              <button type="submit">{t.simpan}</button>
            </PostForm>
            {row.diubah && (
              <PostForm action={action}>
                <input type="hidden" name="intent" value="bawaan" />
                <input type="hidden" name="jenis" value={row.jenis} />
                <button type="submit" class="link">
                  {t.bawaan}
                </button>
              </PostForm>
            )}
          </section>
        );
      })}
      {p.kanal.telegram && (
        <section aria-labelledby="t-telegram">
          <h2 id="t-telegram">{t.telegramJudul}</h2>
          <p>{t.telegramTeks}</p>
          {p.kode_telegram && (
            <p class="notice" role="status" data-kode={p.kode_telegram}>
              {fill(t.telegramKode, { kode: p.kode_telegram })}
            </p>
          )}
          <PostForm action={action}>
            <input type="hidden" name="intent" value="telegram-kode" />
            <button type="submit">{t.telegramBuatKode}</button>
          </PostForm>
        </section>
      )}
    </Layout>
  );
}
