import type { Messages } from '#src/lib/i18n/messages.js';
import { capitalise } from '#src/lib/views/region-title.js';
import { type Situs, situsHref } from './situs-context.js';
import type { Profil } from './situs-halaman.service.js';
import { SitusLayout } from './situs-layout.js';

interface Props {
  situs: Situs;
  m: Messages;
  canonical: string;
  data: Profil;
}

/** Plain text kept by the editors, as paragraphs (blank lines separate them); never HTML. */
export function Paragraf({ teks }: { teks: string | null | undefined }) {
  if (!teks) return null;
  return (
    <>
      {teks
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p, i) => (
          <p key={i}>{p}</p>
        ))}
    </>
  );
}

/** Address, phone, email, head of the desa and office hours: on the profile and the contact page. */
function Identitas({ data, m }: { data: Profil; m: Messages }) {
  const t = m.situs.profil;
  const { desa, pengaturan } = data;
  const rows: [string, string | null][] = [
    [t.alamat, desa.alamat],
    [t.kodePos, desa.kode_pos],
    [t.kecamatan, desa.kecamatan],
    [t.telepon, desa.telepon],
    [t.email, desa.email],
    [t.kepala(capitalise(desa.sebutan)), desa.kepala_desa],
    [t.jamLayanan, pengaturan?.jam_layanan ?? null],
    [m.situs.admin.kontak, pengaturan?.kontak ?? null],
    [t.kodeWilayah, desa.kode],
  ];
  return (
    <dl class="identitas">
      {rows
        .filter((r): r is [string, string] => Boolean(r[1]))
        .map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>
              {label === t.email ? (
                <a href={`mailto:${value}`}>{value}</a>
              ) : label === t.telepon ? (
                <a href={`tel:${value.replace(/[^\d+]/g, '')}`}>{value}</a>
              ) : (
                value
              )}
            </dd>
          </div>
        ))}
    </dl>
  );
}

export function ProfilPage({ situs, m, canonical, data }: Props) {
  const t = m.situs.profil;
  const sebutanDusun = capitalise(data.desa.sebutan_dusun);
  return (
    <SitusLayout
      situs={situs}
      m={m}
      title={t.judul}
      description={data.pengaturan?.tentang?.slice(0, 160) ?? `${t.judul} ${situs.nama}`}
      canonical={canonical}
      aktif="/profil"
    >
      <h1>
        {t.judul} {situs.nama}
      </h1>
      {data.pengaturan?.tentang ? (
        <section aria-labelledby="h-tentang">
          <h2 id="h-tentang">{t.tentang}</h2>
          <Paragraf teks={data.pengaturan.tentang} />
        </section>
      ) : null}
      <section aria-labelledby="h-identitas">
        <h2 id="h-identitas">{t.identitas}</h2>
        <Identitas data={data} m={m} />
      </section>
      <section aria-labelledby="h-wilayah">
        <h2 id="h-wilayah">{t.wilayah}</h2>
        {data.dusun.length === 0 ? (
          <p class="muted">{t.belumDiisi}</p>
        ) : (
          <>
            <p>{t.wilayahKet(data.jumlah.dusun, data.jumlah.rw, data.jumlah.rt, sebutanDusun)}</p>
            <ul class="dusun">
              {data.dusun.map((d) => (
                <li key={d.nama}>
                  {sebutanDusun} {d.nama}{' '}
                  <span class="muted">
                    ({d.rw} RW, {d.rt} RT)
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section aria-labelledby="h-perangkat">
        <h2 id="h-perangkat">{t.perangkat}</h2>
        {data.perangkat.length === 0 ? (
          <p class="muted">{t.belumDiisi}</p>
        ) : (
          <ol class="bagan">
            {data.perangkat.map((x) => (
              <li key={x.id}>
                <span class="jabatan">{x.jabatan}</span> <span class="nama">{x.nama}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="h-lembaga">
        <h2 id="h-lembaga">{t.lembaga}</h2>
        {data.lembaga.length === 0 ? (
          <p class="muted">{t.belumDiisi}</p>
        ) : (
          <ul class="lembaga">
            {data.lembaga.map((x) => (
              <li key={x.id}>
                <strong>{x.nama}</strong>
                {x.ketua ? ` · ${t.ketua}: ${x.ketua}` : ''}
                {x.keterangan ? <p>{x.keterangan}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </SitusLayout>
  );
}

export function KontakPage({ situs, m, canonical, data }: Props) {
  const t = m.situs.kontak;
  const href = (path: string) => situsHref(situs, path);
  return (
    <SitusLayout
      situs={situs}
      m={m}
      title={t.judul}
      description={t.deskripsi(situs.nama)}
      canonical={canonical}
      aktif="/kontak"
    >
      <h1>{t.judul}</h1>
      <section aria-labelledby="h-kantor">
        <h2 id="h-kantor">{t.kantor}</h2>
        <Identitas data={data} m={m} />
      </section>
      <section aria-labelledby="verifikasi">
        <h2 id="verifikasi">{t.verifikasi}</h2>
        <p>{t.verifikasiKet}</p>
      </section>
      <p>
        <a href={href('/pengaduan')}>{t.pengaduan}</a>
      </p>
    </SitusLayout>
  );
}
