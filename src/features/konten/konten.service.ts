import { periksaKonten } from '#src/domain/konten-terlarang.js';
import { tahanKonten } from '#src/features/konten-jaga/konten-jaga.service.js';
import { type Actor, audit, diffRecords } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { nowIso } from '#src/lib/db/time.js';
import { forbidden, invalid, notFound } from '#src/lib/errors.js';
import { sanitasiHtml } from '#src/lib/sanitasi/sanitasi.js';
import * as repo from './konten.repository.js';
import type { ArtikelInput } from './konten.schema.js';
import type { StatusArtikel } from './konten.table.js';
import { domainDikenal, type KontenEnv } from './konten-domain.js';
import { slugify, uniqueSlug } from './konten-slug.js';

export interface KontenDeps {
  db: Db;
  env: KontenEnv;
}

/**
 * Whether the guard holds `raw`: its findings recorded for an admin's review. `kecualiDilepas`: findings an admin
 * already released for this article do not hold it again (the due-time check of a scheduled article).
 */
async function guardHolds(
  trx: Db,
  d: KontenDeps,
  desaKode: string,
  id: number,
  raw: string,
  kecualiDilepas = false,
): Promise<boolean> {
  const temuan = periksaKonten(raw, { domainDikenal: await domainDikenal(trx, d.env, desaKode) });
  if (temuan.length === 0) return false;
  return (await tahanKonten(trx, { desaKode, sumber: 'artikel', sumberId: id, temuan, kecualiDilepas })) > 0;
}

const FIELDS = [
  'jenis',
  'judul',
  'ringkasan',
  'kategori_id',
  'agenda_mulai',
  'agenda_selesai',
  'agenda_tempat',
  'hukum_jenis',
  'hukum_nomor',
  'hukum_tahun',
  'ppid_kategori',
] as const;

/**
 * Save an article from the editor: the body sanitised against the allowlist, the previous version kept as a
 * revision, the guard run on the submitted HTML before anything is published or scheduled (findings → 'ditahan',
 * held for an admin). 'simpan' keeps it as a draft (a published article goes back to draft until published
 * again); 'terbit' and 'jadwal' need `bolehTerbit` (permission publish:web).
 */
export async function simpanArtikel(
  d: KontenDeps,
  actor: Actor,
  desaKode: string,
  id: number | null,
  input: ArtikelInput,
  bolehTerbit: boolean,
): Promise<{ id: number; status: StatusArtikel }> {
  if (input.intent !== 'simpan' && !bolehTerbit) throw forbidden();
  const isiHtml = sanitasiHtml(input.isi, {
    hostIframe: d.env.BALAI_IFRAME_HOSTS,
    hostSendiri: await domainDikenal(d.db, d.env, desaKode),
  });
  const now = nowIso();
  // a category of this desa only (another desa's id is just an invalid choice)
  if (input.kategori_id !== null && !(await repo.findKategori(d.db, desaKode, input.kategori_id)))
    throw invalid({ kategori_id: 'pilihanTidakValid' });
  return d.db.transaction().execute(async (trx) => {
    const before = id === null ? null : await repo.findArtikel(trx, desaKode, id);
    if (id !== null && !before) throw notFound();
    const fields = Object.fromEntries(FIELDS.map((k) => [k, input[k]])) as Pick<ArtikelInput, (typeof FIELDS)[number]>;
    let status: StatusArtikel = 'draf';
    let terbitPada: string | null = before?.terbit_pada ?? null;
    if (input.intent === 'terbit') {
      status = 'terbit';
      terbitPada = before?.status === 'terbit' && before.terbit_pada ? before.terbit_pada : now;
    } else if (input.intent === 'jadwal') {
      status = 'terjadwal';
      terbitPada = input.terbit_pada;
    }
    const values = { ...fields, isi_html: isiHtml, isi_mentah: input.isi, status, terbit_pada: terbitPada };
    let artikelId: number;
    if (before) {
      artikelId = before.id;
      await repo.insertRevisi(trx, {
        artikel_id: before.id,
        judul: before.judul,
        ringkasan: before.ringkasan,
        isi_html: before.isi_html,
        oleh: before.diperbarui_oleh,
        pada: before.diperbarui_pada,
      });
      await repo.updateArtikel(trx, desaKode, before.id, {
        ...values,
        diperbarui_oleh: actor.username,
        diperbarui_pada: now,
      });
    } else {
      const slug = slugify(input.judul);
      artikelId = await repo.insertArtikel(trx, {
        ...values,
        desa_kode: desaKode,
        slug: uniqueSlug(slug, await repo.slugsLike(trx, desaKode, slug)),
        dibuat_oleh: actor.username,
        dibuat_pada: now,
        diperbarui_oleh: actor.username,
        diperbarui_pada: now,
      });
    }
    if (status !== 'draf' && (await guardHolds(trx, d, desaKode, artikelId, input.isi))) {
      status = 'ditahan';
      await repo.updateArtikel(trx, desaKode, artikelId, { status });
    }
    const { isi_mentah: _a, ...auditBefore } = before ?? ({} as Record<string, unknown>);
    await audit.record(trx, actor, {
      aksi: before ? 'ubah' : 'buat',
      entitas: 'artikel',
      entitasId: artikelId,
      desaKode,
      perubahan: diffRecords(before ? auditBefore : null, {
        ...fields,
        isi_html: isiHtml,
        status,
        terbit_pada: terbitPada,
      }),
    });
    return { id: artikelId, status };
  });
}

/** Archive (off the site) or bring back as draft. */
export async function ubahStatusArtikel(db: Db, actor: Actor, desaKode: string, id: number, status: 'arsip' | 'draf') {
  await db.transaction().execute(async (trx) => {
    const before = await repo.findArtikel(trx, desaKode, id);
    if (!before) throw notFound();
    await repo.updateArtikel(trx, desaKode, id, { status, diperbarui_oleh: actor.username, diperbarui_pada: nowIso() });
    await audit.record(trx, actor, {
      aksi: status === 'arsip' ? 'arsipkan' : 'jadikan-draf',
      entitas: 'artikel',
      entitasId: id,
      desaKode,
      perubahan: { status: [before.status, status] },
    });
  });
}

/**
 * Scheduled articles whose time has come: the guard runs again (its lists may have grown since scheduling);
 * findings → held, else 'terbit'. Visibility does not wait for this (the public queries compare the time), so it
 * only needs to run now and then (the admin list runs it; a server timer may too).
 */
export async function terbitkanJatuhTempo(d: KontenDeps, now = nowIso()): Promise<{ terbit: number; ditahan: number }> {
  const due = await repo.dueScheduled(d.db, now);
  let terbit = 0;
  let ditahan = 0;
  for (const item of due) {
    await d.db.transaction().execute(async (trx) => {
      const held = await guardHolds(trx, d, item.desa_kode, item.id, item.isi_mentah, true);
      await repo.updateArtikel(trx, item.desa_kode, item.id, { status: held ? 'ditahan' : 'terbit' });
      if (held) ditahan++;
      else terbit++;
    });
  }
  return { terbit, ditahan };
}

/** Set or clear an article's main picture or attachment (the media already stored). */
export async function pasangMedia(
  db: Db,
  actor: Actor,
  desaKode: string,
  id: number,
  kolom: 'gambar_id' | 'lampiran_id',
  mediaId: number | null,
) {
  await db.transaction().execute(async (trx) => {
    const before = await repo.findArtikel(trx, desaKode, id);
    if (!before) throw notFound();
    await repo.updateArtikel(trx, desaKode, id, {
      [kolom]: mediaId,
      diperbarui_oleh: actor.username,
      diperbarui_pada: nowIso(),
    });
    await audit.record(trx, actor, {
      aksi: mediaId === null ? 'hapus-media' : 'pasang-media',
      entitas: 'artikel',
      entitasId: id,
      desaKode,
      perubahan: { [kolom]: [before[kolom], mediaId] },
    });
  });
}
