import { finished } from 'node:stream/promises';
import { CompiledQuery } from 'kysely';
import { from as copyFrom } from 'pg-copy-streams';
import type { Column, TableRows, Value } from '#src/lib/db/bulk.js';
import type { Db } from '#src/lib/db/connect.js';

/**
 * PostgreSQL bulk writes through `COPY … FROM STDIN` (pg-copy-streams). Rows travel as tab-separated text that the
 * server reads with each column's own input function — the same conversions as text parameters of an INSERT —
 * without one array parameter per column to build in Node and to parse on the server.
 *
 * A COPY fills one table, and foreign keys are checked at the end of each statement, while keluarga.kepala_id and
 * penduduk.keluarga_id reference each other. So rows are COPYed into temporary staging tables first (`stageRows`:
 * quick, the rows are only parsed), then all tables are written in one `INSERT … SELECT` statement
 * (`insertStaged`: the checks, indexes and triggers, the bulk of the work), as the rows of one `unnest` statement
 * were. A caller that makes the next rows ready meanwhile sends that statement without waiting for it: it is then
 * the only query in flight, and needs no answer from this process until it has finished.
 */

/** A table's rows in COPY's text format, made ready before the connection is free. */
export interface CopyRows {
  table: TableRows['table'];
  columns: readonly Column[];
  explicitIds: boolean;
  rows: number;
  text: string;
}

const SPECIAL = /[\\\t\n\r]/;
const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One value in COPY's text format: `\N` for NULL; backslash, tab, newline and carriage return escaped. */
export function copyValue(value: Value | undefined): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number') return String(value);
  return SPECIAL.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c] as string) : value;
}

export function encodeCopy(tables: readonly TableRows[]): CopyRows[] {
  return tables.map(({ table, columns, rows, explicitIds }) => {
    let text = '';
    for (const row of rows) {
      if (row.length !== columns.length) throw new Error(`${table}: ${row.length} nilai untuk ${columns.length} kolom`);
      text += copyValue(row[0]);
      for (let c = 1; c < row.length; c += 1) text += `\t${copyValue(row[c])}`;
      text += '\n';
    }
    return { table, columns, explicitIds, rows: rows.length, text };
  });
}

/** Every table in one statement; in a transaction of its own when the caller has none. */
export async function insertCopy(db: Db, tables: readonly CopyRows[]): Promise<void> {
  if (!db.isTransaction) return db.transaction().execute((trx) => insertCopy(trx, tables));
  await stageRows(db, tables);
  await insertStaged(db, tables);
}

const names = (columns: readonly Column[]) => columns.map(([name]) => name).join(', ');
const staging = (table: string) => `pg_temp.bulk_${table}`;
const filled = (tables: readonly CopyRows[]) => tables.filter((t) => t.rows > 0);

/**
 * The rows into staging tables: every column of their table, no constraints, empty between writes, dropped when
 * the transaction ends. `trx` must be a transaction (the tables and the COPYs belong to its connection).
 */
export async function stageRows(trx: Db, tables: readonly CopyRows[]): Promise<void> {
  const live = filled(tables);
  if (live.length === 0) return;
  const create = live.map(
    ({ table }) =>
      `create temporary table if not exists bulk_${table} on commit drop as select * from ${table} with no data`,
  );
  await trx.executeQuery(CompiledQuery.raw(create.join(';\n')));
  for (const { table, columns, text } of live) await copyIn(trx, staging(table), columns, text);
}

/** The staged rows into their tables, in one statement (in the order given), then the staging tables emptied. */
export async function insertStaged(trx: Db, tables: readonly CopyRows[]): Promise<void> {
  const live = filled(tables);
  if (live.length === 0) return;
  const parts = live.map(({ table, columns, explicitIds }, i) => {
    const overriding = explicitIds ? ' overriding system value' : '';
    return `t${i} as (insert into ${table} (${names(columns)})${overriding} select ${names(columns)} from ${staging(table)})`;
  });
  await trx.executeQuery(CompiledQuery.raw(`with ${parts.join(',\n')} select 1`));
  await trx.executeQuery(CompiledQuery.raw(`truncate ${live.map((t) => staging(t.table)).join(', ')}`));
}

/**
 * One COPY on the transaction's connection. Kysely's PostgreSQL driver hands a query's `sql` to pg's
 * `client.query`, which runs any object with a `submit` method in its turn — pg-copy-streams' stream is one (the
 * way that library is meant to be used). The query returns at once; the stream ends when the server has the rows.
 */
async function copyIn(trx: Db, table: string, columns: readonly Column[], text: string) {
  const stream = copyFrom(`copy ${table} (${names(columns)}) from stdin`);
  const done = finished(stream);
  try {
    await trx.executeQuery(CompiledQuery.raw(stream as unknown as string));
  } catch (error) {
    done.catch(() => {});
    throw error;
  }
  stream.end(text);
  await done;
}
