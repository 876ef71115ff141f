import { CompiledQuery, PostgresAdapter, sql } from 'kysely';
import { encodeCopy, insertCopy } from '#src/lib/db/bulk-copy.js';
import type { Db } from '#src/lib/db/connect.js';
import type { Database } from '#src/lib/db/database.js';

/**
 * Bulk writes for the demo's residents, bypassing the query builder. Rows get their ids before they are
 * written (reserved from the identity sequences on PostgreSQL, after the highest id on SQLite), so that a
 * family can name its head and a member its family without updating rows afterwards.
 *
 * - SQLite: multi-row INSERTs, as many rows per statement as its limit of 32,766 bound parameters allows.
 * - PostgreSQL (the demo): one statement per desa, every table an `INSERT … SELECT FROM unnest($1::int[], …)`
 *   in a WITH clause (one array parameter per column, so no 65,535-parameter limit), because keluarga.kepala_id
 *   and penduduk.keluarga_id reference each other there and foreign keys are checked at the end of the
 *   statement; it also spares PostgreSQL parsing tens of thousands of placeholders.
 * - PostgreSQL (`insertRows`, the import): the same single statement, its rows sent by COPY (bulk-copy.ts).
 */
const MAX_PARAMETERS = { sqlite: 32_766, postgres: 65_535 } as const;

export type Value = string | number | null;
export type PgType = 'int' | 'text' | 'date' | 'timestamptz' | 'float8';
/** A column and its PostgreSQL type (for the unnest casts). */
export type Column = readonly [name: string, type: PgType];

export interface TableRows {
  table: keyof Database;
  columns: readonly Column[];
  rows: readonly (readonly Value[])[];
  /** the rows carry their own ids (identity columns need OVERRIDING SYSTEM VALUE on PostgreSQL) */
  explicitIds: boolean;
}

export const isPostgres = (db: Db) => db.getExecutor().adapter instanceof PostgresAdapter;

/** Rows per statement for a table written with `columns` values per row. */
export function batchSize(db: Db, columns: number): number {
  return Math.floor(MAX_PARAMETERS[isPostgres(db) ? 'postgres' : 'sqlite'] / columns);
}

/**
 * Statement sizes for `rows` rows: full batches, then the rest split into powers of two, so that a table is
 * written with at most a dozen distinct statements, which the bulk session's statement cache keeps.
 */
export function chunkSizes(rows: number, batch: number): number[] {
  const sizes: number[] = [];
  let left = rows;
  for (; left >= batch; left -= batch) sizes.push(batch);
  for (let p = 2 ** Math.floor(Math.log2(batch)); left > 0; p /= 2) {
    if (left >= p) {
      sizes.push(p);
      left -= p;
    }
  }
  return sizes;
}

const statements = new Map<string, string>();
function valuesSql(table: string, columns: readonly Column[], rows: number): string {
  const key = `${table}|${columns.map(([c]) => c).join(',')}|${rows}`;
  let text = statements.get(key);
  if (!text) {
    const tuple = `(${columns.map(() => '?').join(',')})`;
    text = `insert into ${table} (${columns.map(([c]) => c).join(', ')}) values ${Array(rows).fill(tuple).join(',')}`;
    if (statements.size >= 1_000) statements.clear();
    statements.set(key, text);
  }
  return text;
}

/**
 * Columns of a SQLite table whose default is NULL (a column left out of an INSERT gets NULL), from
 * `pragma table_info`, once per table per process (one migration set: the same schema in every database).
 */
const nullDefaults = new Map<string, Set<string>>();
async function columnsDefaultingToNull(db: Db, table: string): Promise<Set<string>> {
  let columns = nullDefaults.get(table);
  if (!columns) {
    const r = await db.executeQuery<{ name: string; dflt_value: unknown }>(
      CompiledQuery.raw(`select name, dflt_value from pragma_table_info(?)`, [table]),
    );
    columns = new Set(r.rows.filter((c) => c.dflt_value === null).map((c) => c.name));
    nullDefaults.set(table, columns);
  }
  return columns;
}

/**
 * The columns worth sending: a column that is NULL in every row and whose default is NULL anyway is left out (a
 * 100,000-row import binds ~40 % fewer values: binding is most of what SQLite spends on a bulk INSERT).
 */
async function usedColumns(db: Db, table: string, columns: readonly Column[], rows: readonly (readonly Value[])[]) {
  const defaultNull = await columnsDefaultingToNull(db, table);
  const keep: number[] = [];
  for (const [c, [name]] of columns.entries())
    if (!defaultNull.has(name) || rows.some((row) => row[c] !== null && row[c] !== undefined)) keep.push(c);
  return keep.length > 0 ? keep : [0];
}

/** SQLite: the tables in order, each in multi-row INSERTs. */
export async function insertValues(db: Db, tables: readonly TableRows[]): Promise<void> {
  for (const { table, columns, rows } of tables) {
    if (rows.length === 0) continue;
    for (const row of rows)
      if (row.length !== columns.length) throw new Error(`${table}: ${row.length} nilai untuk ${columns.length} kolom`);
    const keep = await usedColumns(db, table, columns, rows);
    const sent = keep.map((c) => columns[c] as Column);
    let start = 0;
    for (const size of chunkSizes(rows.length, batchSize(db, sent.length))) {
      const parameters: Value[] = [];
      for (let r = start; r < start + size; r += 1) {
        const row = rows[r] as readonly Value[];
        for (const c of keep) parameters.push(row[c] ?? null);
      }
      start += size;
      await db.executeQuery(CompiledQuery.raw(valuesSql(table, sent, size), parameters));
    }
  }
}

/**
 * The tables' rows on either dialect, in order: on PostgreSQL by COPY, all in one statement as with `insertUnnest`
 * (see bulk-copy.ts); on SQLite as `insertValues`.
 */
export async function insertRows(db: Db, tables: readonly TableRows[]): Promise<void> {
  if (isPostgres(db)) await insertCopy(db, encodeCopy(tables));
  else await insertValues(db, tables);
}

/** PostgreSQL: every table in one statement (see above); one array parameter per column. */
export async function insertUnnest(db: Db, tables: readonly TableRows[]): Promise<void> {
  const parameters: Value[][] = [];
  const parts = tables
    .filter((t) => t.rows.length > 0)
    .map(({ table, columns, rows, explicitIds }, i) => {
      const arrays = columns.map((_, c) => rows.map((row) => row[c] ?? null));
      const casts = columns.map(([, type], c) => `$${parameters.length + c + 1}::${type}[]`);
      parameters.push(...arrays);
      const names = columns.map(([c]) => c).join(', ');
      const overriding = explicitIds ? ' overriding system value' : '';
      return `t${i} as (insert into ${table} (${names})${overriding} select * from unnest(${casts.join(', ')}))`;
    });
  if (parts.length === 0) return;
  await db.executeQuery(CompiledQuery.raw(`with ${parts.join(',\n')} select 1`, parameters));
}

/** `n` new ids for a table: from its identity sequence (PostgreSQL) or after its highest id (SQLite). */
export async function reserveIds(db: Db, table: 'penduduk' | 'keluarga' | 'rumah_tangga' | 'peristiwa', n: number) {
  if (n === 0) return [];
  if (isPostgres(db)) {
    // the sequence is looked up once, not per generated row (a plain subquery is pulled up into the join and
    // pg_get_serial_sequence ran for every id: 0.7 s for 100,000); one array comes back, not n rows
    const r = await sql<{ ids: number[] }>`with s as materialized (
        select pg_get_serial_sequence(${table}, 'id')::regclass as seq)
      select array_agg(nextval(s.seq)::integer) as ids from s, generate_series(1, ${n})`.execute(db);
    return (r.rows[0]?.ids ?? []).map(Number);
  }
  // inside the write transaction; SQLite has one writer at a time. AUTOINCREMENT never reuses an id.
  const r = await sql<{ m: number | null }>`select max(seq) as m from (
      select max(id) as seq from ${sql.table(table)} union all select seq from sqlite_sequence where name = ${table})`.execute(
    db,
  );
  const first = Number(r.rows[0]?.m ?? 0) + 1;
  return Array.from({ length: n }, (_, i) => first + i);
}
