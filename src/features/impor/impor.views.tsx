import { localise } from '#src/lib/i18n/messages.js';
import { PostForm } from '#src/lib/views/components.js';
import { Layout } from '#src/lib/views/layout.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import type { JenisImpor, StatusImpor } from './impor.table.js';
import type { Masalah } from './impor-baris.js';
import type { TugasRow } from './impor-tugas.repository.js';
import type { HasilImpor, Kemajuan } from './impor-tugas.service.js';

export interface JobView {
  id: number;
  desa_kode: string;
  jenis: JenisImpor;
  status: StatusImpor;
  nama_berkas: string;
  pesan: string | null;
  hasil: HasilImpor | null;
  kemajuan: Kemajuan | null;
  dibuat_pada: string;
  dibuat_oleh: string;
}

export function ImporPage(props: {
  ctx: PageCtx;
  kode: string;
  jobs: TugasRow[];
  maxMb: number;
  error?: string | null;
}) {
  const { ctx, kode } = props;
  const t = ctx.m.impor;
  return (
    <Layout ctx={ctx} title={t.judul}>
      <p>{t.intro}</p>
      {props.error && (
        <p class="error" role="alert">
          {props.error}
        </p>
      )}
      <PostForm action={`/desa/${kode}/impor`} multipart label={t.judul}>
        <fieldset>
          <legend>{ctx.m.impor.jenisLabel}</legend>
          <label>
            <input type="radio" name="jenis" value="penduduk" checked /> {t.jenis.penduduk}
          </label>
          <label>
            <input type="radio" name="jenis" value="rumah_tangga" /> {t.jenis.rumah_tangga}
          </label>
        </fieldset>
        <label for="berkas">{t.berkas}</label>
        <input
          id="berkas"
          type="file"
          name="berkas"
          required
          accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby="berkas-hint"
        />
        <p id="berkas-hint" class="hint">
          {t.berkasHint(props.maxMb)}
        </p>
        <button type="submit">{t.tombolPeriksa}</button>
      </PostForm>
      <p>
        <a href={`/desa/${kode}/impor/templat.xlsx`} download>
          {t.templat}
        </a>
      </p>
      <h2>{t.riwayat}</h2>
      {props.jobs.length === 0 ? (
        <p>{t.tidakAdaRiwayat}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t.berkas}</th>
              <th scope="col">{t.statusLabel}</th>
              <th scope="col">{t.oleh}</th>
            </tr>
          </thead>
          <tbody>
            {props.jobs.map((j) => (
              <tr key={j.id}>
                <td>
                  <a href={`/desa/${kode}/impor/${j.id}`}>{j.id}</a>
                </td>
                <td>
                  {t.jenis[j.jenis]}: {j.nama_berkas}
                </td>
                <td>{t.status[j.status]}</td>
                <td>
                  {j.dibuat_oleh} · {j.dibuat_pada.slice(0, 16).replace('T', ' ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

function Counts({ ctx, hasil }: { ctx: PageCtx; hasil: HasilImpor }) {
  const t = ctx.m.impor.jumlah;
  const rows: [string, number][] = [
    [t.total, hasil.total],
    [t.baru, hasil.baru],
    [t.diperbarui, hasil.diperbarui],
    [t.tidak_berubah, hasil.tidak_berubah],
    [t.ditolak, hasil.ditolak],
    [t.ganda, hasil.ganda],
    [t.peringatan, hasil.peringatan],
  ];
  return (
    <dl class="stats counts">
      {rows.map(([label, n]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{n.toLocaleString(ctx.lang === 'en' ? 'en' : 'id-ID')}</dd>
        </div>
      ))}
    </dl>
  );
}

function Problems(props: { ctx: PageCtx; title: string; list: Masalah[]; total: number }) {
  const { ctx } = props;
  const t = ctx.m.impor;
  if (props.total === 0) return null;
  return (
    <section>
      <h2>
        {props.title} ({props.total.toLocaleString(ctx.lang === 'en' ? 'en' : 'id-ID')})
      </h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.kolomBaris}</th>
            <th scope="col">{t.kolomKolom}</th>
            <th scope="col">{t.kolomPesan}</th>
          </tr>
        </thead>
        <tbody>
          {props.list.map((p, i) => (
            <tr key={i}>
              <td>
                {p.lembar ? `${p.lembar}: ` : ''}
                {p.baris}
              </td>
              <td>
                <code>{p.kolom}</code>
              </td>
              <td>{localise(p.pesan, ctx.m)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.total > props.list.length && <p>{t.lebihBanyak(props.total - props.list.length)}</p>}
    </section>
  );
}

export function ImporJobPage({ ctx, job }: { ctx: PageCtx; job: JobView }) {
  const t = ctx.m.impor;
  const base = `/desa/${job.desa_kode}/impor/${job.id}`;
  const running = job.status === 'membaca' || job.status === 'menerapkan';
  const h = job.hasil;
  const p = job.kemajuan;
  return (
    <Layout ctx={ctx} title={`${t.judulTugas} #${job.id}`} refreshSeconds={running ? 2 : undefined}>
      <p>
        {t.jenis[job.jenis]}: <strong>{job.nama_berkas}</strong> — <span role="status">{t.status[job.status]}</span>
      </p>
      {running && (
        <div>
          <p>{p ? `${t.fase[p.fase]}: ${t.kemajuan(p.selesai, p.total)}` : t.status[job.status]}</p>
          <progress
            max={p?.total ?? undefined}
            value={p?.total ? p.selesai : undefined}
            aria-label={t.status[job.status]}
          />
          <p class="hint">{t.muatUlang}</p>
          <p>
            <a href={base}>{t.muatUlangTombol}</a>
          </p>
        </div>
      )}
      {job.status === 'gagal' && (
        <div class="error" role="alert">
          <p>{localise(job.pesan ?? 'imporGagal', ctx.m)}</p>
          {h?.berkas && (
            <ul>
              {h.berkas.map((b) => (
                <li key={`${b.kolom}${b.pesan}`}>{localise(b.pesan, ctx.m)}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {h && job.status !== 'gagal' && <Counts ctx={ctx} hasil={h} />}
      {job.status === 'selesai' && h && <p class="flash">{t.selesai(h.baru, h.diperbarui)}</p>}
      {job.status === 'siap' && h && (
        <section>
          {h.baru + h.diperbarui > 0 ? (
            <>
              <p>{t.terapkanHint}</p>
              <PostForm action={`${base}/terapkan`} class="inline">
                <button type="submit">{t.terapkan}</button>
              </PostForm>
            </>
          ) : (
            <p>{t.tidakAdaYangDisimpan}</p>
          )}
          <PostForm action={`${base}/batal`} class="inline">
            <button type="submit" class="secondary">
              {t.batalkan}
            </button>
          </PostForm>
        </section>
      )}
      {h && (job.status === 'siap' || job.status === 'selesai') && (
        <>
          {h.jumlahGalat + h.jumlahPeringatan > 0 && (
            <p>
              <a href={`${base}/laporan.xlsx`}>{t.unduhLaporan}</a>
            </p>
          )}
          <Problems ctx={ctx} title={t.galat} list={h.galat} total={h.jumlahGalat} />
          <Problems ctx={ctx} title={t.peringatan} list={h.peringatanDaftar} total={h.jumlahPeringatan} />
        </>
      )}
      <p>
        <a href={`/desa/${job.desa_kode}/impor`}>{t.kembali}</a>
      </p>
    </Layout>
  );
}
