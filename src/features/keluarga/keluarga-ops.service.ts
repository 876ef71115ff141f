import { updatePenduduk } from '#src/features/penduduk/penduduk.repository.js';
import { type Actor, audit } from '#src/lib/audit/audit.js';
import type { Db } from '#src/lib/db/connect.js';
import { nowIso } from '#src/lib/db/time.js';
import { createFamilyWithHead } from './keluarga.service.js';
import { withKkConflict } from './keluarga-data.service.js';
import {
  currentFamily,
  type FamilyRow,
  fieldError,
  joinFamily,
  KEPALA,
  leaveFamily,
  livingMember,
  livingResident,
  lockFamily,
  setHead,
  unitOfDesa,
} from './keluarga-ops.common.js';

/**
 * Who belongs to which family: a new KK for a resident (also how a member is taken out of a KK), adding a
 * member, SHDK changes, a new head, and splitting a KK. Each is one transaction with its audit rows; a
 * family is never left without a head.
 */
export interface NewKkInput {
  penduduk_id: number;
  /** null → a temporary number until Dukcapil issues one */
  no_kk: string | null;
  alamat: string | null;
  kelas_sosial: number | null;
  /** null → where the person lives now */
  lingkungan_id: number | null;
  /** required when the person heads a family that keeps other members */
  kepala_baru_id: number | null;
  /** when taking a member out of a family ("keluarkan"): that family, which they must belong to */
  dari_keluarga_id?: number;
}

/** A new KK headed by an existing living resident, who leaves their old family (event 12 there, 1 here). */
export function newKkForResident(db: Db, actor: Actor, desaKode: string, input: NewKkInput): Promise<number> {
  return withKkConflict(db, input.no_kk, null, () =>
    db.transaction().execute(async (trx) => {
      const person = await livingResident(trx, desaKode, input.penduduk_id, 'penduduk_id');
      if (input.dari_keluarga_id !== undefined && person.keluarga_id !== input.dari_keluarga_id)
        throw fieldError(422, 'penduduk_id', 'bukanAnggotaKeluarga');
      const lingkunganId =
        input.lingkungan_id === null
          ? person.lingkungan_id
          : await unitOfDesa(trx, desaKode, input.lingkungan_id, 'lingkungan_id');
      const old = await currentFamily(trx, person);
      if (old) await leaveFamily(trx, actor, old, [person.id], input.kepala_baru_id, 'membentuk KK baru');
      const made = await createFamilyWithHead(
        trx,
        actor,
        desaKode,
        {
          noKk: input.no_kk,
          alamat: input.alamat ?? old?.alamat ?? person.alamat_sekarang,
          kelasSosial: input.kelas_sosial,
          lingkunganId,
        },
        { existingId: person.id },
      );
      await joinFamily(trx, actor, person, { id: made.keluargaId, lingkungan_id: lingkunganId }, KEPALA, 'kk-baru');
      return made.keluargaId;
    }),
  );
}

/** A living resident of this desa joins the family with an SHDK (not 1); from another family, they leave it. */
export function addMember(
  db: Db,
  actor: Actor,
  desaKode: string,
  keluargaId: number,
  input: { penduduk_id: number; kk_level: number; kepala_baru_id: number | null },
): Promise<void> {
  return db.transaction().execute(async (trx) => {
    const family = await lockFamily(trx, desaKode, keluargaId);
    if (input.kk_level === KEPALA) throw fieldError(400, 'kk_level', 'shdkSatuLewatGantiKepala');
    const person = await livingResident(trx, desaKode, input.penduduk_id, 'penduduk_id');
    if (person.keluarga_id === family.id) throw fieldError(409, 'penduduk_id', 'sudahAnggota');
    const old = await currentFamily(trx, person);
    if (old) await leaveFamily(trx, actor, old, [person.id], input.kepala_baru_id, `pindah ke KK #${family.id}`);
    await joinFamily(trx, actor, person, family, input.kk_level, 'masuk-kk');
  });
}

/** A member's relationship to the head. The head's own SHDK changes only with a new head. */
export function changeShdk(
  db: Db,
  actor: Actor,
  desaKode: string,
  keluargaId: number,
  input: { penduduk_id: number; kk_level: number },
): Promise<void> {
  return db.transaction().execute(async (trx) => {
    const family = await lockFamily(trx, desaKode, keluargaId);
    if (input.kk_level === KEPALA) throw fieldError(400, 'kk_level', 'shdkSatuLewatGantiKepala');
    const person = await livingMember(trx, family, input.penduduk_id, 'penduduk_id');
    if (person.id === family.kepala_id) throw fieldError(409, 'kk_level', 'shdkKepalaLewatGantiKepala');
    if (person.kk_level === input.kk_level) return;
    await updatePenduduk(trx, person.id, {
      kk_level: input.kk_level,
      diperbarui_pada: nowIso(),
      diperbarui_oleh: actor.username,
    });
    await audit.record(trx, actor, {
      aksi: 'ubah-shdk',
      entitas: 'penduduk',
      entitasId: person.id,
      desaKode,
      perubahan: { kk_level: [person.kk_level, input.kk_level] },
    });
  });
}

/** Another living member becomes head; the old head gets the SHDK the operator chose. */
export function changeHead(
  db: Db,
  actor: Actor,
  desaKode: string,
  keluargaId: number,
  input: { kepala_baru_id: number; shdk_kepala_lama: number },
): Promise<void> {
  return db.transaction().execute(async (trx) => {
    const family = await lockFamily(trx, desaKode, keluargaId);
    if (input.shdk_kepala_lama === KEPALA) throw fieldError(400, 'shdk_kepala_lama', 'shdkSatuLewatGantiKepala');
    const next = await livingMember(trx, family, input.kepala_baru_id, 'kepala_baru_id');
    if (next.id === family.kepala_id) throw fieldError(409, 'kepala_baru_id', 'sudahKepala');
    await setHead(trx, actor, family, next.id, input.shdk_kepala_lama);
  });
}

export interface SplitInput {
  /** the members leaving for the new KK */
  anggota: number[];
  /** the new KK's head, one of `anggota` */
  kepala_id: number;
  no_kk: string | null;
  /** required when the old head leaves and others stay */
  kepala_baru_id: number | null;
  /** SHDK in the new KK of each member other than its head (default: their current SHDK) */
  shdk: Record<number, number>;
}

/** Pecah KK: some members go to a new KK with one of them as head (event 12 for each on the old KK, 1 on the new). */
export function splitFamily(
  db: Db,
  actor: Actor,
  desaKode: string,
  keluargaId: number,
  input: SplitInput,
): Promise<number> {
  return withKkConflict(db, input.no_kk, null, () =>
    db.transaction().execute(async (trx) => {
      const family = await lockFamily(trx, desaKode, keluargaId);
      const ids = [...new Set(input.anggota)];
      if (ids.length === 0) throw fieldError(400, 'anggota', 'pilihAnggota');
      if (!ids.includes(input.kepala_id)) throw fieldError(422, 'kepala_id', 'kepalaPecahBukanYangKeluar');
      const leaving = [];
      for (const id of ids) leaving.push(await livingMember(trx, family, id, 'anggota'));
      const levels = new Map<number, number>();
      for (const p of leaving) {
        if (p.id === input.kepala_id) continue;
        const level = input.shdk[p.id] ?? p.kk_level;
        if (level === null || level === KEPALA) throw fieldError(422, `shdk_${p.id}`, 'shdkWajib');
        levels.set(p.id, level);
      }
      await leaveFamily(trx, actor, family, ids, input.kepala_baru_id, 'pecah KK');
      const head = leaving.find((p) => p.id === input.kepala_id);
      if (!head) throw new Error('kepala pecah KK hilang');
      const made = await createFamilyWithHead(
        trx,
        actor,
        desaKode,
        { noKk: input.no_kk, alamat: family.alamat, kelasSosial: null, lingkunganId: family.lingkungan_id },
        { existingId: head.id },
      );
      const target = { id: made.keluargaId, lingkungan_id: family.lingkungan_id };
      await joinFamily(trx, actor, head, target, KEPALA, 'pecah-kk');
      for (const p of leaving) {
        const level = levels.get(p.id);
        if (level !== undefined) await joinFamily(trx, actor, p, target, level, 'pecah-kk');
      }
      return made.keluargaId;
    }),
  );
}

export type { FamilyRow };
