import { randomBytes } from 'node:crypto';
import {
  bolehDibatalkan,
  bolehDiubah,
  type Langkah,
  langkahDilewati,
  langkahTertinggi,
  parseRantai,
  setelahDiajukan,
  setelahDisetujui,
} from '#src/domain/surat-alur.js';
import type { PendudukRow } from '#src/features/penduduk/penduduk.repository.js';
import { type Actor, audit } from '#src/lib/audit/audit.js';
import { findGrant, type Grant } from '#src/lib/auth/grants.js';
import type { Db } from '#src/lib/db/connect.js';
import { nowIso, readJson } from '#src/lib/db/time.js';
import { conflict, forbidden, invalid, notFound } from '#src/lib/errors.js';
import { readSetelan } from './nomor/setelan.repository.js';
import * as repo from './surat.repository.js';
import { notify, type SuratContext } from './surat-context.js';
import { isianSchema } from './surat-jenis.schema.js';
import { type JenisEfektif, jenisUntukDesa } from './surat-jenis.service.js';
import { resolveAnggota, resolveSubjek, type Subjek, type SubjekInput } from './surat-subjek.service.js';
import { terbitkanSurat } from './surat-terbit.service.js';

/** Who acts: the user (for the audit trail and the signature block) and their role grants. */
export interface Pelaku {
  actor: Actor;
  grants: readonly Grant[];
  nama: string;
}

export interface SuratInput {
  slug: string;
  subjek: Record<string, SubjekInput>;
  isian: Record<string, string>;
}

/** What a letter row keeps in `data`: the subjects (resident ids or outsiders' data) and the answers. */
export interface DataSurat {
  subjek: Record<string, { penduduk_id: number } | { luar: Record<string, string> } | { anggota: number[] }>;
  isian: Record<string, string>;
}

/** Check the form against the type: subjects per block, then the custom fields (all problems at once). */
export async function periksaInput(db: Db, desaKode: string, jenis: JenisEfektif, input: SuratInput) {
  const fields: Record<string, string> = {};
  const subjek: Record<string, Subjek> = {};
  for (const [i, blok] of jenis.def.blok.entries()) {
    if (blok.sumber !== 'penduduk') continue;
    try {
      const s = await resolveSubjek(db, desaKode, blok, input.subjek[blok.kode], i === 0);
      if (s) subjek[blok.kode] = s;
    } catch (error) {
      const f = (error as { fields?: Record<string, string> }).fields;
      if (!f) throw error;
      Object.assign(fields, f);
    }
  }
  const anggota: Record<string, PendudukRow[]> = {};
  for (const blok of jenis.def.blok) {
    if (blok.sumber !== 'anggota') continue;
    try {
      anggota[blok.kode] = await resolveAnggota(db, desaKode, blok, input.subjek[blok.kode], subjek.individu);
    } catch (error) {
      const f = (error as { fields?: Record<string, string> }).fields;
      if (!f) throw error;
      Object.assign(fields, f);
    }
  }
  const parsed = isianSchema(jenis.def).safeParse(input.isian);
  if (!parsed.success)
    for (const issue of parsed.error.issues) fields[`isian.${issue.path.join('.')}`] ??= issue.message;
  if (Object.keys(fields).length > 0) throw invalid(fields);
  const isian = parsed.success ? (parsed.data as Record<string, unknown>) : {};
  const data: DataSurat = {
    subjek: {
      ...Object.fromEntries(
        Object.entries(subjek).map(([k, s]) => [
          k,
          s.jenis === 'penduduk' ? { penduduk_id: s.penduduk.id } : { luar: s.data },
        ]),
      ),
      ...Object.fromEntries(Object.entries(anggota).map(([k, rows]) => [k, { anggota: rows.map((r) => r.id) }])),
    },
    isian: Object.fromEntries(
      Object.entries(isian).map(([k, v]) => [k, v === undefined || v === null ? '' : String(v)]),
    ),
  };
  const utama = Object.values(subjek)[0];
  const nama = utama ? (utama.jenis === 'penduduk' ? utama.penduduk.nama : (utama.data.nama ?? '')) : '';
  const pendudukId = utama?.jenis === 'penduduk' ? utama.penduduk.id : null;
  return { data, subjek, anggota, nama, pendudukId };
}

function requireDesa(pelaku: Pelaku, desaKode: string, permission: 'write:surat' | 'read:surat') {
  if (!findGrant(pelaku.grants, permission, { kode: desaKode })) throw forbidden();
}

/** The steps a user may approve in a desa, from their grants. */
export function langkahPelaku(pelaku: Pelaku, desaKode: string): Set<Langkah> {
  const steps = new Set<Langkah>();
  if (findGrant(pelaku.grants, 'approve:surat-sekdes', { kode: desaKode })) steps.add('sekdes');
  if (findGrant(pelaku.grants, 'approve:surat-kades', { kode: desaKode })) steps.add('kades');
  return steps;
}

export async function rantaiDesa(db: Db, desaKode: string): Promise<Langkah[]> {
  return parseRantai(await readSetelan(db, desaKode, 'rantai'));
}

/** Draft a letter (and submit it at once when asked). Returns the letter id. */
export async function buatSurat(
  ctx: SuratContext,
  pelaku: Pelaku,
  desaKode: string,
  input: SuratInput,
  opts: { ajukan: boolean },
): Promise<number> {
  requireDesa(pelaku, desaKode, 'write:surat');
  const jenis = await jenisUntukDesa(ctx.db, desaKode, { slug: input.slug });
  const checked = await periksaInput(ctx.db, desaKode, jenis, input);
  const now = nowIso();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertSurat(trx, {
      kode_publik: randomBytes(12).toString('base64url'),
      desa_kode: desaKode,
      jenis_id: jenis.id,
      status: 'draf',
      langkah: null,
      penduduk_id: checked.pendudukId,
      subjek_nama: checked.nama,
      data: JSON.stringify(checked.data),
      nomor: null,
      lingkup_nomor: null,
      urut: null,
      tahun: null,
      tanggal: null,
      berlaku_sampai: null,
      penandatangan: null,
      pdf_berkas: null,
      pdf_sha256: null,
      isi_sha256: null,
      token: null,
      penanda: null,
      alasan: null,
      dibuat_oleh: pelaku.actor.username,
      dibuat_pada: now,
      diperbarui_pada: now,
      selesai_pada: null,
      dibatalkan_pada: null,
    });
    await repo.insertRiwayat(trx, { surat_id: id, aksi: 'buat', langkah: null, oleh: pelaku.actor.username });
    await audit.record(trx, pelaku.actor, {
      aksi: 'buat-surat',
      entitas: 'surat',
      entitasId: id,
      desaKode,
      perubahan: { jenis: [null, jenis.def.slug], subjek: [null, checked.nama] },
    });
    return id;
  });
  if (opts.ajukan) await ajukanSurat(ctx, pelaku, desaKode, id);
  return id;
}

/** Change a draft or a rejected letter (it becomes a draft again). */
export async function ubahSurat(ctx: SuratContext, pelaku: Pelaku, desaKode: string, id: number, input: SuratInput) {
  requireDesa(pelaku, desaKode, 'write:surat');
  const surat = await suratDesa(ctx.db, desaKode, id);
  if (!bolehDiubah(surat.status)) throw conflict('suratTidakBisaDiubah');
  const jenis = await jenisUntukDesa(ctx.db, desaKode, { id: surat.jenis_id });
  const checked = await periksaInput(ctx.db, desaKode, jenis, { ...input, slug: jenis.def.slug });
  await ctx.db.transaction().execute(async (trx) => {
    const ok = await repo.updateSuratFrom(trx, id, ['draf', 'ditolak'], {
      status: 'draf',
      langkah: null,
      alasan: null,
      penduduk_id: checked.pendudukId,
      subjek_nama: checked.nama,
      data: JSON.stringify(checked.data),
    });
    if (!ok) throw conflict('suratStatusBerubah');
    await repo.insertRiwayat(trx, { surat_id: id, aksi: 'ubah', langkah: null, oleh: pelaku.actor.username });
    await audit.record(trx, pelaku.actor, { aksi: 'ubah-surat', entitas: 'surat', entitasId: id, desaKode });
  });
}

/** A letter of this desa (another desa's id → 404, as if it did not exist). */
export async function suratDesa(db: Db, desaKode: string, id: number) {
  const surat = await repo.findSurat(db, id);
  if (!surat || surat.desa_kode !== desaKode) throw notFound();
  return surat;
}

/** Submit a draft into the approval chain; with no step switched on, it is issued at once. */
export async function ajukanSurat(ctx: SuratContext, pelaku: Pelaku, desaKode: string, id: number) {
  requireDesa(pelaku, desaKode, 'write:surat');
  const surat = await suratDesa(ctx.db, desaKode, id);
  if (!bolehDiubah(surat.status)) throw conflict('suratStatusBerubah');
  const next = setelahDiajukan(await rantaiDesa(ctx.db, desaKode));
  if (next.ke === 'terbit') return terbitkanSurat(ctx, pelaku, surat, { dari: ['draf', 'ditolak'], langkah: [] });
  await ctx.db.transaction().execute(async (trx) => {
    if (
      !(await repo.updateSuratFrom(trx, id, ['draf', 'ditolak'], {
        status: 'diajukan',
        langkah: next.langkah,
        alasan: null,
      }))
    )
      throw conflict('suratStatusBerubah');
    await repo.insertRiwayat(trx, { surat_id: id, aksi: 'ajukan', langkah: next.langkah, oleh: pelaku.actor.username });
    await audit.record(trx, pelaku.actor, { aksi: 'ajukan-surat', entitas: 'surat', entitasId: id, desaKode });
  });
  await notify(ctx, ctx.hooks?.menunggu, { suratId: id, desaKode, langkah: next.langkah });
}

/** Approve at the current step: on to the next step, or — after the last — numbered, signed and issued. */
export async function setujuiSurat(ctx: SuratContext, pelaku: Pelaku, desaKode: string, id: number) {
  const surat = await suratDesa(ctx.db, desaKode, id);
  if (surat.status !== 'diajukan' || !surat.langkah) throw conflict('suratStatusBerubah');
  const tertinggi = langkahTertinggi(langkahPelaku(pelaku, desaKode));
  const rantai = await rantaiDesa(ctx.db, desaKode);
  const next = setelahDisetujui(rantai, surat.langkah, tertinggi);
  if (!next || !tertinggi) throw forbidden('suratBukanGiliran');
  const passed = langkahDilewati(rantai, surat.langkah, tertinggi);
  if (next.ke === 'terbit')
    return terbitkanSurat(ctx, pelaku, surat, { dari: ['diajukan'], langkahSekarang: surat.langkah, langkah: passed });
  await ctx.db.transaction().execute(async (trx) => {
    const ok = await repo.updateSuratFrom(trx, id, ['diajukan'], { langkah: next.langkah }, surat.langkah);
    if (!ok) throw conflict('suratStatusBerubah');
    for (const l of passed)
      await repo.insertRiwayat(trx, { surat_id: id, aksi: 'setujui', langkah: l, oleh: pelaku.actor.username });
    await audit.record(trx, pelaku.actor, { aksi: 'setujui-surat', entitas: 'surat', entitasId: id, desaKode });
  });
  await notify(ctx, ctx.hooks?.menunggu, { suratId: id, desaKode, langkah: next.langkah });
}

/** Send a submitted letter back with a reason; the operator may change it and submit again. */
export async function tolakSurat(ctx: SuratContext, pelaku: Pelaku, desaKode: string, id: number, alasan: string) {
  const reason = alasan.trim();
  if (!reason) throw invalid({ alasan: 'suratAlasanWajib' });
  const surat = await suratDesa(ctx.db, desaKode, id);
  if (surat.status !== 'diajukan' || !surat.langkah) throw conflict('suratStatusBerubah');
  if (
    !setelahDisetujui(
      await rantaiDesa(ctx.db, desaKode),
      surat.langkah,
      langkahTertinggi(langkahPelaku(pelaku, desaKode)),
    )
  )
    throw forbidden('suratBukanGiliran');
  await ctx.db.transaction().execute(async (trx) => {
    const ok = await repo.updateSuratFrom(
      trx,
      id,
      ['diajukan'],
      { status: 'ditolak', alasan: reason.slice(0, 500) },
      surat.langkah,
    );
    if (!ok) throw conflict('suratStatusBerubah');
    await repo.insertRiwayat(trx, {
      surat_id: id,
      aksi: 'tolak',
      langkah: surat.langkah,
      oleh: pelaku.actor.username,
      alasan: reason.slice(0, 500),
    });
    await audit.record(trx, pelaku.actor, {
      aksi: 'tolak-surat',
      entitas: 'surat',
      entitasId: id,
      desaKode,
      alasan: reason.slice(0, 500),
    });
  });
  await notify(ctx, ctx.hooks?.ditolak, { suratId: id, desaKode });
}

/**
 * Cancel a letter with a reason. An issued letter keeps its number (marked cancelled in the agenda) and its
 * verification page then says it was revoked.
 */
export async function batalkanSurat(ctx: SuratContext, pelaku: Pelaku, desaKode: string, id: number, alasan: string) {
  requireDesa(pelaku, desaKode, 'write:surat');
  const reason = alasan.trim();
  if (!reason) throw invalid({ alasan: 'suratAlasanWajib' });
  const surat = await suratDesa(ctx.db, desaKode, id);
  if (!bolehDibatalkan(surat.status)) throw conflict('suratStatusBerubah');
  await ctx.db.transaction().execute(async (trx) => {
    const ok = await repo.updateSuratFrom(trx, id, [surat.status], {
      status: 'dibatalkan',
      alasan: reason.slice(0, 500),
      dibatalkan_pada: nowIso(),
    });
    if (!ok) throw conflict('suratStatusBerubah');
    await repo.insertRiwayat(trx, {
      surat_id: id,
      aksi: 'batal',
      langkah: surat.langkah,
      oleh: pelaku.actor.username,
      alasan: reason.slice(0, 500),
    });
    await audit.record(trx, pelaku.actor, {
      aksi: 'batalkan-surat',
      entitas: 'surat',
      entitasId: id,
      desaKode,
      perubahan: { status: [surat.status, 'dibatalkan'], nomor: [surat.nomor, surat.nomor] },
      alasan: reason.slice(0, 500),
    });
  });
}

export const dataOf = (surat: repo.SuratRow): DataSurat => readJson<DataSurat>(surat.data) ?? { subjek: {}, isian: {} };
