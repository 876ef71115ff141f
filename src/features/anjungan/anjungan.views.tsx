import type { FormState } from '#src/lib/forms/form.js';
import { fill } from '#src/lib/i18n/messages.js';
import { CsrfInput, ErrorSummary } from '#src/lib/views/components.js';
import type { PageCtx } from '#src/lib/views/page-context.js';
import type { InfoDesa } from './anjungan-beranda.service.js';
import { AnjunganLayout } from './anjungan-layout.js';

/** Kiosk pages: home (desa info + card tap), PIN pad, NIK sign-in, the resident's menu, card registration. */
interface KioskProps {
  ctx: PageCtx;
  idleDetik: number;
  desa: string;
}

const angka = (n: number) => n.toLocaleString('id-ID');

/** The field the card reader types into: autofocused, no autocomplete; a plain form field without JavaScript. */
export function KartuField(p: { ctx: PageCtx; state?: FormState | undefined }) {
  const t = p.ctx.m.anjungan.beranda;
  const error = p.state?.errors.uid;
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for="f-uid">{t.kartu}</label>
      {error && (
        <p class="error" id="f-uid-error">
          {error}
        </p>
      )}
      <input
        id="f-uid"
        name="uid"
        type="text"
        inputMode="numeric"
        autocomplete="off"
        // biome-ignore lint/a11y/noAutofocus: a kiosk: the card reader and the touch keyboard type into this one field
        autoFocus
        data-kartu
        maxLength={80}
        required
        aria-describedby={error ? 'f-uid-error' : undefined}
      />
    </div>
  );
}

export function BerandaAnjunganPage(p: KioskProps & { info: InfoDesa; state?: FormState; lanjut: boolean }) {
  const t = p.ctx.m.anjungan.beranda;
  const { info } = p;
  return (
    <AnjunganLayout
      ctx={p.ctx}
      title={fill(t.selamatDatang, { desa: info.nama })}
      idleDetik={p.idleDetik}
      pulang="/anjungan"
      desa={p.desa}
    >
      <div class="anj-kolom">
        <section class="anj-kartu-masuk" aria-labelledby="h-layanan">
          <h2 id="h-layanan">{t.layanan}</h2>
          {p.lanjut ? (
            <p>
              <a class="anj-tombol anj-utama" href="/anjungan/layanan">
                {p.ctx.m.anjungan.layanan.ajukan}
              </a>
            </p>
          ) : null}
          <form method="post" action="/anjungan/kartu" class="anj-form">
            <p class="anj-besar">{t.tempel}</p>
            <p>{t.tempelPetunjuk}</p>
            {p.state && <ErrorSummary state={p.state} />}
            <KartuField ctx={p.ctx} state={p.state} />
            <button type="submit" class="anj-tombol anj-utama">
              {t.lanjut}
            </button>
          </form>
          <p>
            <a class="anj-tombol" href="/anjungan/nik">
              {t.pakaiNik}
            </a>
          </p>
        </section>
        <section aria-labelledby="h-desa">
          <h2 id="h-desa">{info.nama}</h2>
          <dl class="anj-info">
            {info.kepalaDesa && (
              <>
                <dt>{t.kepalaDesa}</dt>
                <dd>{info.kepalaDesa}</dd>
              </>
            )}
            {info.alamat && (
              <>
                <dt>{t.alamat}</dt>
                <dd>{info.alamat}</dd>
              </>
            )}
            {info.telepon && (
              <>
                <dt>{t.telepon}</dt>
                <dd>{info.telepon}</dd>
              </>
            )}
            {info.jamLayanan && (
              <>
                <dt>{t.jam}</dt>
                <dd class="anj-pre">{info.jamLayanan}</dd>
              </>
            )}
          </dl>
          <h2>{t.statistik}</h2>
          <ul class="anj-angka">
            <li>
              <strong>{angka(info.angka.penduduk)}</strong> {t.penduduk}
            </li>
            <li>
              <strong>{angka(info.angka.laki)}</strong> {t.laki}
            </li>
            <li>
              <strong>{angka(info.angka.perempuan)}</strong> {t.perempuan}
            </li>
            <li>
              <strong>{angka(info.angka.keluarga)}</strong> {t.keluarga}
            </li>
          </ul>
          <Daftar judul={t.pengumuman} items={info.pengumuman} />
          <Daftar judul={t.berita} items={info.berita} />
        </section>
      </div>
    </AnjunganLayout>
  );
}

/** Titles and summaries only: a kiosk does not browse away to the public site. */
function Daftar(p: { judul: string; items: InfoDesa['berita'] }) {
  if (p.items.length === 0) return null;
  return (
    <>
      <h2>{p.judul}</h2>
      <ul class="anj-berita">
        {p.items.map((i) => (
          <li key={i.href}>
            <strong>{i.judul}</strong> <span class="anj-tgl">{i.tanggal.slice(0, 10)}</span>
            {i.ringkasan && <p>{i.ringkasan}</p>}
          </li>
        ))}
      </ul>
    </>
  );
}

/** On-screen digits for the PIN (shown only when the script runs; without it the touch keyboard opens). */
function PinPad(p: { hapus: string }) {
  return (
    <div class="anj-pinpad" data-pinpad hidden>
      {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => (
        <button key={d} type="button" class="anj-tombol" data-digit={d}>
          {d}
        </button>
      ))}
      <button type="button" class="anj-tombol" data-hapus>
        {p.hapus}
      </button>
      <button type="button" class="anj-tombol" data-digit="0">
        0
      </button>
    </div>
  );
}
function PinField(p: { ctx: PageCtx }) {
  return (
    <div class="field">
      <label for="f-pin">{p.ctx.m.anjungan.masuk.pin}</label>
      <input
        id="f-pin"
        name="pin"
        type="password"
        inputMode="numeric"
        pattern="[0-9]{6}"
        maxLength={6}
        autocomplete="off"
        // biome-ignore lint/a11y/noAutofocus: a kiosk: the card reader and the touch keyboard type into this one field
        autoFocus
        required
        data-pin
      />
    </div>
  );
}

export function PinPage(p: KioskProps & { uid: string; state?: FormState }) {
  const t = p.ctx.m.anjungan.masuk;
  return (
    <AnjunganLayout ctx={p.ctx} title={t.pinJudul} idleDetik={p.idleDetik} desa={p.desa}>
      <form method="post" action="/anjungan/pin" class="anj-form">
        <p>{t.pinIntro}</p>
        {p.state && <ErrorSummary state={p.state} />}
        <input type="hidden" name="uid" value={p.uid} />
        <PinField ctx={p.ctx} />
        <PinPad hapus={t.hapus} />
        <button type="submit" class="anj-tombol anj-utama">
          {t.tombol}
        </button>
      </form>
    </AnjunganLayout>
  );
}

export function NikPage(p: KioskProps & { state?: FormState }) {
  const t = p.ctx.m.anjungan.masuk;
  const nikError = p.state?.errors.nik;
  return (
    <AnjunganLayout ctx={p.ctx} title={t.nikJudul} idleDetik={p.idleDetik} desa={p.desa}>
      <form method="post" action="/anjungan/nik" class="anj-form">
        {p.state && <ErrorSummary state={p.state} />}
        <div class={nikError ? 'field has-error' : 'field'}>
          <label for="f-nik">{t.nik}</label>
          {nikError && <p class="error">{nikError}</p>}
          <input
            id="f-nik"
            name="nik"
            type="text"
            inputMode="numeric"
            pattern="[0-9]{16}"
            maxLength={16}
            autocomplete="off"
            // biome-ignore lint/a11y/noAutofocus: a kiosk: the card reader and the touch keyboard type into this one field
            autoFocus
            required
            value={p.state?.values.nik ?? ''}
          />
        </div>
        <PinField ctx={p.ctx} />
        <button type="submit" class="anj-tombol anj-utama">
          {t.tombol}
        </button>
      </form>
    </AnjunganLayout>
  );
}

export function LayananPage(p: KioskProps & { nama: string }) {
  const t = p.ctx.m.anjungan.layanan;
  return (
    <AnjunganLayout ctx={p.ctx} title={fill(t.salam, { nama: p.nama })} idleDetik={p.idleDetik} desa={p.desa}>
      <p>{fill(t.intro, { detik: p.idleDetik })}</p>
      <ul class="anj-menu">
        <li>
          <a class="anj-tombol anj-utama" href="/layanan-mandiri/surat/baru">
            {t.ajukan}
          </a>
        </li>
        <li>
          <a class="anj-tombol" href="/layanan-mandiri/surat">
            {t.status}
          </a>
        </li>
        <li>
          <a class="anj-tombol" href="/anjungan/kartu-saya">
            {t.kartu}
          </a>
        </li>
        <li>
          <form method="post" action="/anjungan/selesai">
            <CsrfInput />
            <button type="submit" class="anj-tombol">
              {t.selesai}
            </button>
          </form>
        </li>
      </ul>
    </AnjunganLayout>
  );
}

export function KartuSayaPage(p: KioskProps & { punyaKartu: boolean; state?: FormState }) {
  const t = p.ctx.m.anjungan.kartu;
  return (
    <AnjunganLayout ctx={p.ctx} title={t.judul} idleDetik={p.idleDetik} desa={p.desa}>
      <form method="post" action="/anjungan/kartu-saya" class="anj-form">
        <CsrfInput />
        <p class="anj-besar">{t.intro}</p>
        {p.punyaKartu && <p>{t.sudahAda}</p>}
        {p.state && <ErrorSummary state={p.state} />}
        <KartuField ctx={p.ctx} state={p.state} />
        <button type="submit" class="anj-tombol anj-utama">
          {t.tombol}
        </button>
      </form>
      <p>
        <a class="anj-tombol" href="/anjungan/layanan">
          {p.ctx.m.anjungan.masuk.batal}
        </a>
      </p>
    </AnjunganLayout>
  );
}
