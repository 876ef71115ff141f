import { formatDate } from '#src/features/penduduk/penduduk-display.js';
import { readJson } from '#src/lib/db/time.js';
import type { Messages } from '#src/lib/i18n/messages.js';
import { Layout } from '#src/lib/views/layout.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import type { listAgenda } from './surat.repository.js';
import { type DesaRef, SuratCrumbs } from './surat-list.views.js';

export type AgendaRow = Awaited<ReturnType<typeof listAgenda>>[number];

/** The signer as the register lists them: "AHMAD FAUZI (a.n. Kepala Desa … Sekretaris Desa)". */
export function penandatanganText(value: unknown): string {
  const p = readJson<{ nama?: string; jabatan?: string; atasNama?: string | null }>(value);
  if (!p?.nama) return '';
  const jabatan = [p.atasNama, p.jabatan].filter(Boolean).join(' ');
  return jabatan ? `${p.nama} (${jabatan})` : p.nama;
}

/** One register line's cells, shared by the page and the spreadsheet. */
export function agendaCells(r: AgendaRow, m: Messages) {
  return {
    nomor: r.nomor ?? '',
    jenis: r.jenis_nama,
    perihal: r.subjek_nama,
    penandatangan: penandatanganText(r.penandatangan),
    keterangan: r.status === 'dibatalkan' ? m.surat.ui.agenda.dibatalkan(r.alasan ?? '') : '',
  };
}

/**
 * Buku Agenda Surat Keluar: every numbered letter of the year in date order, cancelled ones kept with their
 * reason. The browser's print leaves out the menus and forms (print stylesheet).
 */
export function AgendaPage(props: {
  ctx: PageCtx;
  desa: DesaRef;
  tahun: number;
  tahunPilihan: number[];
  rows: AgendaRow[];
}) {
  const { ctx, desa, tahun } = props;
  const a = ctx.m.surat.ui.agenda;
  const base = `/desa/${desa.kode}/surat/agenda`;
  return (
    <Layout ctx={ctx} title={`${a.judul(tahun)} — ${desa.nama}`} above={<SuratCrumbs desa={desa} />}>
      <form method="get" action={base} class="filters" aria-label={a.tahun}>
        <div class="field">
          <label for="q-tahun">{a.tahun}</label>
          <select id="q-tahun" name="tahun">
            {props.tahunPilihan.map((t) => (
              <option key={t} value={String(t)} selected={t === tahun}>
                {t}
              </option>
            ))}
          </select>
        </div>
        <div class="field buttons">
          <button type="submit">{a.tampilkan}</button>
        </div>
      </form>
      <p class="actions">
        <a class="button" href={`${base}.xlsx?tahun=${tahun}`} download>
          {a.unduh}
        </a>{' '}
        <span class="hint">{a.cetak}</span>
      </p>
      {props.rows.length === 0 ? (
        <p>{a.kosong}</p>
      ) : (
        <div class="table-wrap">
          <table class="agenda">
            <thead>
              <tr>
                <th scope="col">{a.kolomNo}</th>
                <th scope="col">{a.kolomNomor}</th>
                <th scope="col">{a.kolomTanggal}</th>
                <th scope="col">{a.kolomJenis}</th>
                <th scope="col">{a.kolomPerihal}</th>
                <th scope="col">{a.kolomPenandatangan}</th>
                <th scope="col">{a.kolomKeterangan}</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((r, i) => {
                const c = agendaCells(r, ctx.m);
                return (
                  <tr key={r.id}>
                    <td>{i + 1}</td>
                    <td>
                      <a href={`/desa/${desa.kode}/surat/${r.id}`}>{c.nomor}</a>
                    </td>
                    <td>{formatDate(r.tanggal, ctx.lang)}</td>
                    <td>{c.jenis}</td>
                    <td>{c.perihal}</td>
                    <td>{c.penandatangan}</td>
                    <td>{c.keterangan}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
