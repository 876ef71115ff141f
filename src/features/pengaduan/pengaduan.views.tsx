import { waktu } from '#src/features/kamera/layanan-form.js';
import { emptyForm, type FormState } from '#src/lib/forms/form.js';
import { ErrorSummary, Field, PostForm, Select, TextArea } from '#src/lib/views/components.js';
import { Layout } from '#src/lib/views/layout.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import type { getPengaduanStaf } from './pengaduan.service.js';
import { STATUS_PENGADUAN } from './pengaduan.table.js';

interface Baris {
  id: number;
  nomor: string;
  nama: string | null;
  kategori: string;
  isi: string;
  status: string;
  dibuat_pada: string;
}

/** Staff: the desa's complaints, newest first, filterable by state. */
export function PengaduanQueuePage(p: { ctx: PageCtx; kode: string; status: string | null; rows: Baris[] }) {
  const { m, lang } = p.ctx;
  const t = m.layanan.pengaduan;
  const base = `/desa/${p.kode}/pengaduan`;
  return (
    <Layout ctx={p.ctx} title={t.antrian}>
      <p>
        <a href={`/situs/${p.kode}/pengaduan`}>{t.judul}</a>
      </p>
      <nav aria-label="Status">
        <a href={base} aria-current={p.status === null ? 'page' : undefined}>
          {t.semua}
        </a>
        {STATUS_PENGADUAN.map((s) => (
          <span key={s}>
            {' · '}
            <a href={`${base}?status=${s}`} aria-current={p.status === s ? 'page' : undefined}>
              {t.status[s]}
            </a>
          </span>
        ))}
      </nav>
      {p.rows.length === 0 ? (
        <p class="muted">{t.kosong}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.nomor}</th>
                <th scope="col">{t.diterimaPada}</th>
                <th scope="col">{t.kategori}</th>
                <th scope="col">Status</th>
                <th scope="col">{t.isi}</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <a href={`${base}/${r.id}`}>{r.nomor}</a>
                  </td>
                  <td>{waktu(r.dibuat_pada, lang)}</td>
                  <td>{t.kategoriPilihan[r.kategori]}</td>
                  <td>{t.status[r.status]}</td>
                  <td>{r.isi.length > 120 ? `${r.isi.slice(0, 120)}…` : r.isi}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

/** Staff: one complaint with the contact, every reply (internal notes marked) and the reply/state form. */
export function PengaduanDetailPage(p: {
  ctx: PageCtx;
  kode: string;
  data: Awaited<ReturnType<typeof getPengaduanStaf>>;
  state?: FormState;
}) {
  const { m, lang } = p.ctx;
  const t = m.layanan.pengaduan;
  const a = p.data.pengaduan;
  const s = p.state ?? emptyForm({ publik: '1' });
  const action = `/desa/${p.kode}/pengaduan/${a.id}`;
  return (
    <Layout ctx={p.ctx} title={`${t.nomor} ${a.nomor}`}>
      <p>
        <a href={`/desa/${p.kode}/pengaduan`}>{t.antrian}</a> ·{' '}
        <a href={`/situs/${p.kode}/pengaduan/${a.nomor}`}>{t.lihat}</a>
      </p>
      <dl class="facts">
        <dt>Status</dt>
        <dd>{t.status[a.status]}</dd>
        {a.alasan_tutup ? (
          <>
            <dt>{t.alasanTutup}</dt>
            <dd>{a.alasan_tutup}</dd>
          </>
        ) : null}
        <dt>{t.kategori}</dt>
        <dd>{t.kategoriPilihan[a.kategori]}</dd>
        <dt>{t.diterimaPada}</dt>
        <dd>{waktu(a.dibuat_pada, lang)}</dd>
        <dt>{t.nama}</dt>
        <dd>{a.nama ?? t.anonim}</dd>
        <dt>{t.kontakPelapor}</dt>
        <dd>{a.kontak}</dd>
      </dl>
      <p class="teks">{a.isi}</p>
      {a.foto_berkas ? <img src={`${action}/foto`} alt={t.fotoAlt} class="aduan-foto" /> : null}
      <h2>{t.riwayat}</h2>
      <ol>
        {p.data.tanggapan.map((r) => (
          <li key={r.id}>
            <p class="muted">
              {waktu(r.dibuat_pada, lang)} {t.oleh} {r.username}
              {r.status_baru ? ` · ${t.status[r.status_baru]}` : ''}
              {r.publik ? '' : ` · ${t.catatanInternal}`}
            </p>
            {r.isi ? <p class="teks">{r.isi}</p> : null}
          </li>
        ))}
      </ol>
      <h2>{t.balas}</h2>
      <ErrorSummary state={s} />
      <PostForm action={action} label={t.balas}>
        <TextArea name="isi" label={t.tanggapanIsi} state={s} rows={4} />
        <div class="field">
          <label>
            <input type="checkbox" name="publik" value="1" checked={s.values.publik === '1'} /> {t.publik}
          </label>
        </div>
        <Select
          name="status"
          label={t.statusBaru}
          state={s}
          placeholder={t.tetap}
          options={STATUS_PENGADUAN.map((x) => ({ value: x, label: t.status[x] ?? x }))}
        />
        <Field name="alasan_tutup" label={t.alasanTutup} hint={t.alasanHint} state={s} />
        <button type="submit">{t.simpan}</button>
      </PostForm>
    </Layout>
  );
}
