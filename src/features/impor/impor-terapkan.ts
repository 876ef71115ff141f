import { sql } from 'kysely';
import { todayIn } from '#src/domain/age.js';
import { temporaryNumber } from '#src/domain/nik.js';
import { normaliseName } from '#src/domain/person-name.js';
import { scanRegion } from '#src/features/duplikat/duplikat.service.js';
import { countFamiliesWithoutHead } from '#src/features/keluarga/keluarga-invariants.js';
import { listLingkungan } from '#src/features/lingkungan/lingkungan.repository.js';
import { ensureLingkungan, type KnownUnits } from '#src/features/lingkungan/lingkungan-ensure.js';
import { unitIndex } from '#src/features/lingkungan/lingkungan-names.js';
import { nextTemporarySerial } from '#src/features/penduduk/penduduk.repository.js';
import { dataWarnings } from '#src/features/penduduk/penduduk-rules.js';
import { nikPrefixRegions } from '#src/features/wilayah/region-set.js';
import type { Actor } from '#src/lib/audit/audit.js';
import { insertRows, isPostgres, reserveIds, type TableRows, type Value } from '#src/lib/db/bulk.js';
import { encodeCopy, insertStaged, stageRows } from '#src/lib/db/bulk-copy.js';
import type { Db } from '#src/lib/db/connect.js';
import { nowIso } from '#src/lib/db/time.js';
import { conflict } from '#src/lib/errors.js';
import { stagedChunks } from './impor-baca.js';
import { rowUnit, type UnitNames } from './impor-banding.js';
import type { BarisPenduduk } from './impor-baris.js';
import { FIELD_PENDUDUK, KOLOM_TULIS } from './impor-kolom-tulis.js';
import { person, updateExisting } from './impor-orang.js';
import { RowInts } from './impor-per-baris.js';
import { BARU, DIPERBARUI, type Rencana } from './impor-rencana.js';

const CHUNK = 2_000;
const EVENT_OF_STATUS: Readonly<Record<number, number>> = { 2: 2, 3: 3, 4: 4, 6: 6 };

export interface Tulis {
  db: Db;
  actor: Actor;
  desaKode: string;
  stagedPath: string;
  plan: Rencana;
  progress?: (done: number) => void;
}

/**
 * Third step, inside the caller's transaction: write every accepted row of the plan. New people get ids
 * reserved up front, so each new family is written with the chunk of its first member, already naming
 * its head when the head is in that chunk or an earlier one (else the head is set after the last chunk);
 * a final check confirms every family of the desa has a living head with SHDK 1 before the caller commits.
 * On PostgreSQL a chunk's statement runs while the next chunk is made ready (one connection, in order).
 */
export async function applyPlan(t: Tulis): Promise<void> {
  const { db, desaKode, plan } = t;
  const now = nowIso();
  const today = todayIn();
  const by = t.actor.username;
  const units = await unitCache(db, t.actor, desaKode);
  const regions = await nikPrefixRegions(db);
  const baru: number[] = [];
  for (const [urut, s] of plan.status.entries()) if (s === BARU) baru.push(urut);
  const personIds = await reserveIds(db, 'penduduk', baru.length);
  const idOf = new RowInts();
  for (const [i, urut] of baru.entries()) idOf.set(urut, personIds[i] as number);
  const table = plan.keluargaBaru;
  const headUrut = (nomor: number) => table.heads(nomor).find((u) => plan.status.get(u) === BARU) ?? -1;
  /** new families with their accepted head, by number; each is written with the chunk of its first member */
  const families = [...table.nomors()].filter((n) => headUrut(n) !== -1);
  const familyIds = await reserveIds(db, 'keluarga', families.length);
  const familyIdOf = new RowInts();
  for (const [i, nomor] of families.entries()) familyIdOf.set(nomor, familyIds[i] as number);
  const written = new Uint8Array(table.size + 1);
  const familyOf = (noKk: string) => familyIdOf.get(table.nomorOf(noKk)) || plan.keluargaAda.get(noKk)?.id || null;
  /** families written before their head: the head is set after the last chunk */
  const headless: number[] = [];
  const temp = { prefix: temporaryNumber(desaKode, 0).slice(0, 11), next: 0 };
  const writer = pipelined(db);
  let done = 0;
  for await (const chunk of stagedChunks(t.stagedPath, CHUNK)) {
    const last = chunk.reduce((m, c) => Math.max(m, c.urut), 0);
    const rows = chunk.flatMap((c) => (c.row ? [c.row] : []));
    const family: Value[][] = [];
    const familyKk: Value[][] = [];
    const familyEvents: Value[][] = [];
    const people: Value[][] = [];
    const events: Value[][] = [];
    const warnings: Value[][] = [];
    await writer.guard(async () => {
      for (const row of rows.filter((r) => plan.status.get(r.urut) === BARU)) {
        const nomor = table.nomorOf(row.no_kk);
        const fid = familyIdOf.get(nomor);
        if (fid !== 0 && written[nomor] === 0) {
          written[nomor] = 1;
          const noKk = table.noKk(nomor);
          const wilayah = table.wilayah(nomor);
          const head = headUrut(nomor) <= last ? idOf.get(headUrut(nomor)) || null : null;
          if (head === null) headless.push(nomor);
          else familyEvents.push([fid, 1, today, head, 'impor OpenSID', by, now]);
          const unit = wilayah ? await units.idOf(wilayah) : null;
          family.push([fid, desaKode, noKk, head, table.alamat(nomor), unit, today, now, by, now, by]);
          familyKk.push([fid, noKk, now, 'impor OpenSID']);
        }
        const id = idOf.get(row.urut);
        const nikSementara = row.nik ? null : await nextTemp(db, desaKode, temp);
        const p = person(row.nilai);
        const status = Number(row.nilai.status_dasar ?? 1);
        const unit = await units.idOf(rowUnit(row.nilai));
        const keluargaId = familyOf(row.no_kk);
        people.push([
          id,
          desaKode,
          row.nik,
          nikSementara,
          normaliseName(String(p.nama)),
          p.nama_ibu ? normaliseName(String(p.nama_ibu)) : null,
          keluargaId,
          Number(row.nilai.kk_level),
          unit,
          1,
          status,
          ...FIELD_PENDUDUK.map(([c]) => (p as Record<string, Value>)[c] ?? null),
          now,
          by,
          now,
          by,
        ]);
        const kode = EVENT_OF_STATUS[status] ?? (status === 1 ? 5 : null);
        if (kode !== null)
          events.push([
            id,
            desaKode,
            kode,
            today,
            today,
            'impor OpenSID',
            keluargaId,
            row.no_kk,
            kode === 5 ? null : 1,
            status,
            by,
            now,
          ]);
        for (const w of dataWarnings({ ...p, nik: row.nik }, (k) => regions.has(k))) warnings.push([id, w, desaKode]);
      }
    });
    // a family before its members and its head; on PostgreSQL the foreign keys are checked at the end of the
    // statement, so a family row may name a head written in the same statement
    await writer.write([
      { table: 'keluarga', columns: KOLOM_TULIS.keluarga, rows: family, explicitIds: true },
      { table: 'keluarga_no_kk', columns: KOLOM_TULIS.keluarga_no_kk, rows: familyKk, explicitIds: false },
      { table: 'penduduk', columns: KOLOM_TULIS.penduduk, rows: people, explicitIds: true },
      { table: 'peristiwa', columns: KOLOM_TULIS.peristiwa, rows: events, explicitIds: false },
      { table: 'penduduk_peringatan', columns: KOLOM_TULIS.penduduk_peringatan, rows: warnings, explicitIds: false },
      { table: 'peristiwa_keluarga', columns: KOLOM_TULIS.peristiwa_keluarga, rows: familyEvents, explicitIds: false },
    ]);
    const updates = rows.filter((r) => plan.status.get(r.urut) === DIPERBARUI);
    if (updates.length > 0)
      await writer.guard(async () =>
        updateExisting(db, t.actor, desaKode, updates, plan.target, await units.names(), regions),
      );
    done += chunk.length;
    t.progress?.(done);
  }
  await writer.flush();
  if (temp.next > 0) await saveTempSerial(db, desaKode, temp.next);
  if (headless.length > 0)
    await setHeads(
      db,
      headless.map((nomor) => [familyIdOf.get(nomor), idOf.get(headUrut(nomor)) || null]),
    );
  await write(db, [
    {
      table: 'peristiwa_keluarga',
      columns: KOLOM_TULIS.peristiwa_keluarga,
      rows: headless.map((nomor) => [
        familyIdOf.get(nomor),
        1,
        today,
        idOf.get(headUrut(nomor)) || null,
        'impor OpenSID',
        by,
        now,
      ]),
      explicitIds: false,
    },
  ]);
  if ((await countFamiliesWithoutHead(db, desaKode)) > 0) throw conflict('imporDataBerubah');
  await scanRegion(db, desaKode);
}

/**
 * Bulk writes one after another. On PostgreSQL a chunk's rows are COPYed into staging tables, and the statement
 * that writes them (checks, indexes, triggers: most of the work) is sent and not waited for, so that the next
 * chunk is made ready meanwhile (one statement: the server needs nothing from this busy process until it has
 * finished, as it would between several). It is waited for before the next write, in `guard` when that work
 * fails (its error is the one that counts: later statements of an aborted transaction only say it is aborted),
 * and in `flush`. On SQLite (in-process, synchronous) each write completes before it returns.
 */
function pipelined(db: Db) {
  let pending: Promise<void> | null = null;
  const settle = async () => {
    const p = pending;
    pending = null;
    await p;
  };
  return {
    async write(tables: TableRows[]) {
      if (!isPostgres(db)) {
        await settle();
        return write(db, tables);
      }
      const copies = encodeCopy(tables);
      await settle();
      await stageRows(db, copies);
      const sent = insertStaged(db, copies);
      sent.catch(() => {});
      pending = sent;
    },
    async guard<T>(work: () => Promise<T>): Promise<T> {
      try {
        return await work();
      } catch (error) {
        await settle();
        throw error;
      }
    },
    flush: settle,
  };
}

/** Heads of families written before their head's chunk. */
async function setHeads(db: Db, heads: [family: number, head: number | null][]) {
  if (isPostgres(db)) {
    await sql`update keluarga k set kepala_id = v.kepala
      from unnest(${heads.map(([f]) => f)}::int[], ${heads.map(([, h]) => h)}::int[]) as v(id, kepala)
      where k.id = v.id`.execute(db);
    return;
  }
  for (const [family, head] of heads)
    await db.updateTable('keluarga').set({ kepala_id: head }).where('id', '=', family).execute();
}

async function write(db: Db, tables: TableRows[]) {
  await insertRows(db, tables);
}

/**
 * dusun/RW/RT ids by name, created when missing (once per distinct unit, not per row; a dusun or RW once, not once
 * per RT under it). The names of units by id (for comparing updated rows) are listed again only when asked for
 * after a unit was created.
 */
async function unitCache(db: Db, actor: Actor, desaKode: string) {
  const ids = new Map<string, number>();
  const known: KnownUnits = new Map();
  let namer = unitIndex(await listLingkungan(db, desaKode));
  let stale = false;
  return {
    async idOf(u: UnitNames): Promise<number | null> {
      if (!u.dusun) return null;
      const key = `${u.dusun}|${u.rw ?? ''}|${u.rt ?? ''}`;
      let id = ids.get(key);
      if (id === undefined) {
        id = await ensureLingkungan(db, actor, desaKode, { dusun: u.dusun, rw: u.rw, rt: u.rt }, known);
        ids.set(key, id);
        stale = true;
      }
      return id;
    },
    async names(): Promise<(id: number | null) => UnitNames> {
      if (stale) {
        namer = unitIndex(await listLingkungan(db, desaKode));
        stale = false;
      }
      return namer;
    },
  };
}

/** Temporary NIKs of a whole import come from one reservation of the desa's counter. */
async function nextTemp(db: Db, desaKode: string, temp: { prefix: string; next: number }): Promise<string> {
  if (temp.next === 0) temp.next = await nextTemporarySerial(db, desaKode, temp.prefix);
  else temp.next += 1;
  return temporaryNumber(desaKode, temp.next);
}

async function saveTempSerial(db: Db, desaKode: string, last: number) {
  await db
    .updateTable('pengaturan')
    .set({ nilai: String(last) })
    .where('kunci', '=', `serial_nik_sementara:${desaKode}`)
    .execute();
}

export type { BarisPenduduk };
