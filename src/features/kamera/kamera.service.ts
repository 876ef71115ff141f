import { levelOf, regionCovers } from '#src/domain/region-code.js';
import { type Actor, audit, diffRecords } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { nowIso } from '#src/lib/db/time.js';
import { notFound } from '#src/lib/errors.js';
import * as repo from './kamera.repository.js';
import type { KameraInput } from './kamera.schema.js';

/**
 * Cameras are registered at a desa, kecamatan or kabupaten; a staff member manages those at their region and
 * below (the route's permission check covers the region in the URL; a camera is reached only through a region
 * that contains it).
 */
export async function findKameraRegion(db: Db, kode: string) {
  if (levelOf(kode) < 1) throw notFound();
  const region = await db
    .selectFrom('wilayah')
    .select(['kode', 'nama', 'tingkat'])
    .where('kode', '=', kode)
    .executeTakeFirst();
  if (!region) throw notFound();
  if (levelOf(kode) === 3 && !(await db.selectFrom('desa').select('kode').where('kode', '=', kode).executeTakeFirst()))
    throw notFound('desaBelumAktifSingkat');
  return region;
}

export async function listKameraAdmin(db: Db, kode: string) {
  const region = await findKameraRegion(db, kode);
  return { region, kamera: await repo.listKameraUnder(db, kode, false) };
}

/** A camera reached through region `kode`: it must lie in that region (else 404, existence hidden). */
export async function getKameraIn(db: Db, kode: string, id: number) {
  const k = await repo.findKamera(db, id);
  if (!k || !regionCovers(kode, k.wilayah_kode)) throw notFound();
  return k;
}

const fields = (input: KameraInput) => ({
  nama: input.nama,
  lokasi: input.lokasi,
  lat: input.lat,
  lng: input.lng,
  jenis: input.jenis,
  stream_url: input.stream_url,
  snapshot_url: input.snapshot_url,
  aktif: input.aktif,
});

const desaOf = (kode: string) => (levelOf(kode) === 3 ? kode : null);

export async function createKamera(db: Db, actor: Actor, kode: string, input: KameraInput): Promise<number> {
  await findKameraRegion(db, kode);
  return db.transaction().execute(async (trx) => {
    const now = nowIso();
    const row = {
      wilayah_kode: kode,
      ...fields(input),
      status: 'belum-diperiksa' as const,
      dibuat_pada: now,
      diperbarui_pada: now,
    };
    const id = await repo.insertKamera(trx, row);
    await audit.record(trx, actor, {
      aksi: 'tambah',
      entitas: 'kamera',
      entitasId: id,
      desaKode: desaOf(kode),
      perubahan: diffRecords(null, { wilayah_kode: kode, ...fields(input) }),
    });
    return id;
  });
}

export async function updateKameraIn(db: Db, actor: Actor, kode: string, id: number, input: KameraInput) {
  const before = await getKameraIn(db, kode, id);
  await db.transaction().execute(async (trx) => {
    const urlsChanged = before.stream_url !== input.stream_url || before.snapshot_url !== input.snapshot_url;
    await repo.updateKamera(trx, id, {
      ...fields(input),
      diperbarui_pada: nowIso(),
      // new addresses: the old status says nothing about them
      ...(urlsChanged ? { status: 'belum-diperiksa' as const, galat: null } : {}),
    });
    await audit.record(trx, actor, {
      aksi: 'ubah',
      entitas: 'kamera',
      entitasId: id,
      desaKode: desaOf(before.wilayah_kode),
      perubahan: diffRecords(fields({ ...before } as never), fields(input)),
    });
  });
}

export async function deleteKameraIn(db: Db, actor: Actor, kode: string, id: number) {
  const before = await getKameraIn(db, kode, id);
  await db.transaction().execute(async (trx) => {
    await repo.deleteKamera(trx, id);
    await audit.record(trx, actor, {
      aksi: 'hapus',
      entitas: 'kamera',
      entitasId: id,
      desaKode: desaOf(before.wilayah_kode),
      perubahan: diffRecords(
        { wilayah_kode: before.wilayah_kode, nama: before.nama, stream_url: before.stream_url },
        null,
      ),
    });
  });
}

/** Public: active cameras of the site's region and below, without staff-only fields. */
export async function listKameraPublik(db: Db, kode: string) {
  const rows = await repo.listKameraUnder(db, kode, true);
  return rows.map(toPublik);
}

export async function getKameraPublik(db: Db, kode: string, id: number) {
  const k = await getKameraIn(db, kode, id);
  if (k.aktif !== 1) throw notFound();
  return { ...toPublik({ ...k, wilayah_nama: '' }), stream_url: k.stream_url };
}

function toPublik(k: Awaited<ReturnType<typeof repo.listKameraUnder>>[number]) {
  return {
    id: k.id,
    wilayah_kode: k.wilayah_kode,
    wilayah_nama: k.wilayah_nama,
    nama: k.nama,
    lokasi: k.lokasi,
    lat: k.lat === null ? null : Number(k.lat),
    lng: k.lng === null ? null : Number(k.lng),
    jenis: k.jenis,
    punyaSnapshot: k.snapshot_url !== null,
    status: k.status,
    terakhir_terlihat: k.terakhir_terlihat,
  };
}
export type KameraPublik = ReturnType<typeof toPublik>;
