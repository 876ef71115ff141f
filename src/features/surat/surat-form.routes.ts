import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { Deps } from '#src/deps.js';
import { cleanNumber, isPersonalNumber, maskNumber } from '#src/domain/nik.js';
import { bolehDiubah } from '#src/domain/surat-alur.js';
import { listLivingMembers } from '#src/features/keluarga/keluarga.repository.js';
import { findLivingByNik, findPenduduk } from '#src/features/penduduk/penduduk.repository.js';
import { PendudukListQuerySchema } from '#src/features/penduduk/penduduk-list.schema.js';
import { searchPenduduk } from '#src/features/penduduk/penduduk-list.service.js';
import { isHttpError } from '#src/lib/errors.js';
import { emptyForm, type FormState, formStateFromError, keepValues, parseForm } from '#src/lib/forms/form.js';
import { setFlash } from '#src/lib/http/flash.js';
import { sendPage } from '#src/lib/http/page.js';
import { intParam, param, redirect } from '#src/lib/http/request.js';
import { localise } from '#src/lib/i18n/messages.js';
import * as repo from './surat.repository.js';
import { blokAnggota, blokOrang, parseIntent, suratFormSchema, valuesFromData } from './surat.schema.js';
import { ajukanSurat, buatSurat, dataOf, type SuratInput, suratDesa, ubahSurat } from './surat.service.js';
import { SuratFormPage } from './surat-form.views.js';
import type { AnggotaRingkas } from './surat-form-anggota.views.js';
import type { HasilCari, OrangRingkas } from './surat-form-orang.views.js';
import { desaRefOf, halaman, konteksOf, pelakuOf, sendPdf } from './surat-halaman.js';
import type { Blok } from './surat-jenis.schema.js';
import { type JenisEfektif, jenisUntukDesa } from './surat-jenis.service.js';
import { pratinjauSurat } from './surat-pratinjau.service.js';

const CARI_LIMIT = 10;

const ringkas = (p: {
  id: number;
  nama: string;
  nik: string | null;
  nik_sementara: string | null;
  tanggallahir: string | null;
}): OrangRingkas => ({
  id: p.id,
  nama: p.nama,
  nikSamar: maskNumber(p.nik ?? p.nik_sementara),
  tanggallahir: p.tanggallahir,
});

/** Which form: a new letter of a type, or changes to a saved draft/rejected letter. */
type Mode = { baru: true } | { baru: false; id: number };

/**
 * The letter form (new and edit): shown, then posted. The buttons "Cari"/"Pilih"/"Ganti orang" post the whole
 * form back and show it again with the search result or the choice (no JavaScript needed, nothing typed lost);
 * "Pratinjau" answers with the draft PDF; "Simpan draf"/"Ajukan" save and go to the letter's page.
 */
export function suratFormRoutes(d: Deps) {
  /** Residents chosen in the form (only this desa's; anything else is dropped and the service says why). */
  async function chosen(kode: string, jenis: JenisEfektif, values: Record<string, string>) {
    const out: Record<string, OrangRingkas> = {};
    for (const b of blokOrang(jenis.def)) {
      const id = Number(values[`subjek.${b.kode}.penduduk_id`] ?? '');
      if (!Number.isSafeInteger(id) || id <= 0) continue;
      const p = await findPenduduk(d.db, id);
      if (p && p.desa_kode === kode) out[b.kode] = ringkas(p);
    }
    return out;
  }

  /** The main subject's other living family members, for family-member blocks (null: subject not known yet). */
  async function keluarga(kode: string, jenis: JenisEfektif, values: Record<string, string>) {
    const utama = jenis.def.blok[0]?.kode;
    if (!utama || blokAnggota(jenis.def).length === 0) return null;
    let id = Number(values[`subjek.${utama}.penduduk_id`] ?? '');
    const nik = cleanNumber(values[`subjek.${utama}.nik`] ?? '');
    if (!(id > 0) && /^\d{16}$/.test(nik)) id = (await findLivingByNik(d.db, nik))?.id ?? 0;
    const p = Number.isSafeInteger(id) && id > 0 ? await findPenduduk(d.db, id) : undefined;
    if (!p || p.desa_kode !== kode) return null;
    if (!p.keluarga_id) return [];
    const rows = await listLivingMembers(d.db, p.keluarga_id);
    return rows.filter((r) => r.id !== p.id).map((r): AnggotaRingkas => ({ ...ringkas(r), kkLevel: r.kk_level }));
  }

  async function cari(kode: string, blok: Blok, q: string): Promise<HasilCari> {
    if (!q) return { blok: blok.kode, q, rows: [], total: 0 };
    const statuses = blok.status_dasar ?? [1];
    const filters = PendudukListQuerySchema.parse({
      q,
      per: String(CARI_LIMIT),
      status_dasar: statuses.length === 1 ? String(statuses[0]) : 'semua',
      ...(blok.sex ? { sex: String(blok.sex) } : {}),
    });
    const found = await searchPenduduk(d.db, { desaKode: kode }, filters);
    return { blok: blok.kode, q, rows: found.rows.map(ringkas), total: found.total };
  }

  async function render(
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    jenis: JenisEfektif,
    mode: Mode,
    state: FormState,
    hasil: HasilCari | null = null,
  ) {
    const kode = param(req, 'kode');
    const f = req.m.surat.ui.form;
    const base = `/desa/${kode}/surat`;
    return sendPage(
      reply,
      status,
      h(SuratFormPage, {
        ctx: await halaman(d, req, reply),
        desa: await desaRefOf(d, kode),
        jenis: jenis.def,
        action: mode.baru ? `${base}/baru/${jenis.def.slug}` : `${base}/${mode.id}/ubah`,
        judul: mode.baru ? f.judulBaru(jenis.def.nama) : f.judulUbah(jenis.def.nama),
        state,
        dipilih: await chosen(kode, jenis, state.values),
        hasil,
        anggota: await keluarga(kode, jenis, state.values),
        ...(mode.baru ? { gantiJenis: `${base}/baru` } : {}),
      }),
    );
  }

  /** Search / choose / clear a person: the form again, the typed values kept. */
  async function navigate(req: FastifyRequest, reply: FastifyReply, jenis: JenisEfektif, mode: Mode) {
    const kode = param(req, 'kode');
    const intent = parseIntent((req.body as Record<string, unknown> | undefined)?.intent);
    const values = keepValues(req.body);
    const blokOf = (k: string | null) => blokOrang(jenis.def).find((b) => b.kode === k);
    let hasil: HasilCari | null = null;
    if (intent.aksi === 'cari') {
      const blok = blokOf(intent.blok) ?? blokOrang(jenis.def).find((b) => values[`cari.${b.kode}`]?.trim());
      const q = blok ? (values[`cari.${blok.kode}`] ?? '').trim().slice(0, 100) : '';
      if (blok && isPersonalNumber(q)) {
        // a NIK typed into the name box goes where NIKs go (and is not searched as a name)
        values[`subjek.${blok.kode}.nik`] = q;
        delete values[`cari.${blok.kode}`];
      } else if (blok) hasil = await cari(kode, blok, q);
    } else if (intent.aksi === 'pilih' && blokOf(intent.blok)) {
      values[`subjek.${intent.blok}.penduduk_id`] = String(intent.id);
      delete values[`subjek.${intent.blok}.nik`];
      delete values[`cari.${intent.blok}`];
    } else if (intent.aksi === 'ganti') {
      delete values[`subjek.${intent.blok}.penduduk_id`];
    }
    return render(req, reply, 200, jenis, mode, emptyForm(values), hasil);
  }

  async function submit(req: FastifyRequest, reply: FastifyReply, jenis: JenisEfektif, mode: Mode) {
    const kode = param(req, 'kode');
    const intent = parseIntent((req.body as Record<string, unknown> | undefined)?.intent);
    if (intent.aksi === 'cari' || intent.aksi === 'pilih' || intent.aksi === 'ganti')
      return navigate(req, reply, jenis, mode);
    const parsed = parseForm(suratFormSchema(jenis.def), req.body, req.m);
    if (!parsed.ok) return render(req, reply, 400, jenis, mode, parsed.state);
    const input: SuratInput = { slug: jenis.def.slug, ...parsed.data };
    const ctx = konteksOf(d, req);
    const pelaku = pelakuOf(req);
    let id: number;
    try {
      if (intent.aksi === 'pratinjau')
        return sendPdf(reply, await pratinjauSurat(ctx, kode, jenis, input), `pratinjau-${jenis.def.slug}.pdf`);
      if (mode.baru) id = await buatSurat(ctx, pelaku, kode, input, { ajukan: false });
      else {
        id = mode.id;
        await ubahSurat(ctx, pelaku, kode, id, input);
      }
    } catch (error) {
      const failed =
        isHttpError(error) && (error.status === 400 || error.status === 409)
          ? formStateFromError(error, req.body, req.m)
          : null;
      if (!failed) throw error;
      return render(req, reply, failed.status, jenis, mode, failed.state);
    }
    const u = req.m.surat.ui.pesan;
    let pesan = mode.baru ? u.disimpan : u.diubah;
    if (intent.aksi === 'ajukan') {
      // saved first: when submitting fails (someone acted, signing failed) the draft is kept and the page says why
      try {
        await ajukanSurat(ctx, pelaku, kode, id);
        const after = await repo.findSurat(d.db, id);
        pesan = after?.nomor ? u.terbit(after.nomor) : u.diajukan;
      } catch (error) {
        if (!isHttpError(error) || error.status >= 500) throw error;
        pesan = localise(error.key, req.m, error.params);
      }
    }
    setFlash(reply, pesan);
    return redirect(reply, `/desa/${kode}/surat/${id}`);
  }

  /** A saved letter that may still change, with its type; anything else goes back to its page. */
  async function editable(req: FastifyRequest, reply: FastifyReply) {
    const kode = param(req, 'kode');
    const surat = await suratDesa(d.db, kode, intParam(req, 'id'));
    if (bolehDiubah(surat.status)) return { surat, jenis: await jenisUntukDesa(d.db, kode, { id: surat.jenis_id }) };
    setFlash(reply, localise('suratTidakBisaDiubah', req.m));
    redirect(reply, `/desa/${kode}/surat/${surat.id}`);
    return null;
  }

  const jenisOf = (req: FastifyRequest) => jenisUntukDesa(d.db, param(req, 'kode'), { slug: param(req, 'slug') });

  return {
    async showNew(req: FastifyRequest, reply: FastifyReply) {
      return render(req, reply, 200, await jenisOf(req), { baru: true }, emptyForm());
    },

    async create(req: FastifyRequest, reply: FastifyReply) {
      return submit(req, reply, await jenisOf(req), { baru: true });
    },

    async showEdit(req: FastifyRequest, reply: FastifyReply) {
      const found = await editable(req, reply);
      if (!found) return reply;
      const values = valuesFromData(dataOf(found.surat));
      return render(req, reply, 200, found.jenis, { baru: false, id: found.surat.id }, emptyForm(values));
    },

    async saveEdit(req: FastifyRequest, reply: FastifyReply) {
      const found = await editable(req, reply);
      if (!found) return reply;
      return submit(req, reply, found.jenis, { baru: false, id: found.surat.id });
    },
  };
}
