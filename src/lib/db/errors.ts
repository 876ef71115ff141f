/** Whether a database error is a unique-constraint violation (PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_UNIQUE). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * The column a unique violation is about, when the driver says (PostgreSQL constraint name, SQLite message). An
 * index on an expression is named by SQLite's message as `index 'name'`, without columns: pass its `indexName`.
 */
export function uniqueViolationOn(error: unknown, column: string, indexName?: string): boolean {
  if (!isUniqueViolation(error)) return false;
  const e = error as { constraint?: string; message?: string };
  if (indexName && (e.constraint === indexName || (e.message ?? '').includes(`index '${indexName}'`))) return true;
  return (e.message ?? '').includes(`.${column}`) || (e.constraint ?? '').includes(column);
}
