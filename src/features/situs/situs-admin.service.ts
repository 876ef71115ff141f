import { type Actor, audit, diffRecords } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { nowIso } from '#src/lib/db/time.js';
import { notFound } from '#src/lib/errors.js';
import * as repo from './situs.repository.js';
import { barisLembaga, barisPerangkat, type SitusAdminInput } from './situs-admin.schema.js';

/** What the site settings page shows: the desa, its settings and its two lists. */
export async function getSitusAdmin(db: Db, kode: string) {
  const desa = await repo.findDesaSitus(db, kode);
  if (!desa) throw notFound('desaBelumAktif', { kode });
  const [pengaturan, perangkat, lembaga, hosts] = await Promise.all([
    repo.findPengaturan(db, kode),
    repo.listPerangkat(db, kode),
    repo.listLembaga(db, kode),
    repo.listHosts(db, kode),
  ]);
  return { desa, pengaturan, perangkat, lembaga, hosts };
}
export type SitusAdmin = Awaited<ReturnType<typeof getSitusAdmin>>;

/** Save the settings and replace both lists in one transaction, with one audit row of what changed. */
export async function saveSitusAdmin(db: Db, actor: Actor, kode: string, input: SitusAdminInput): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const desa = await repo.findDesaSitus(trx, kode);
    if (!desa) throw notFound('desaBelumAktif', { kode });
    const before = await repo.findPengaturan(trx, kode);
    const perangkat = await repo.listPerangkat(trx, kode);
    const lembaga = await repo.listLembaga(trx, kode);
    await repo.savePengaturan(trx, {
      desa_kode: kode,
      tentang: input.tentang,
      jam_layanan: input.jam_layanan,
      kontak: input.kontak,
      diperbarui_pada: nowIso(),
    });
    await repo.replacePerangkat(trx, kode, input.perangkat);
    await repo.replaceLembaga(trx, kode, input.lembaga);
    const changes = diffRecords(
      {
        tentang: before?.tentang ?? null,
        jam_layanan: before?.jam_layanan ?? null,
        kontak: before?.kontak ?? null,
        perangkat: barisPerangkat(perangkat),
        lembaga: barisLembaga(lembaga),
      },
      {
        tentang: input.tentang,
        jam_layanan: input.jam_layanan,
        kontak: input.kontak,
        perangkat: barisPerangkat(input.perangkat),
        lembaga: barisLembaga(input.lembaga),
      },
    );
    if (Object.keys(changes).length > 0) {
      await audit.record(trx, actor, {
        aksi: 'ubah',
        entitas: 'situs',
        entitasId: kode,
        desaKode: kode,
        perubahan: changes,
      });
    }
  });
}
