import type { Env } from '#src/env.js';
import { type OpenedDatabase, type OpenOptions, openDatabase, resolveDatabaseTarget } from './connect.js';
import { migrateToLatest } from './migrate.js';

/** Open the configured database and bring it to the latest schema (start-up, CLI). */
export async function openMigratedDatabase(
  env: Env,
  options: OpenOptions = {},
): Promise<OpenedDatabase & { applied: string[] }> {
  const opened = openDatabase(resolveDatabaseTarget(env.DATABASE_URL, env.BALAI_DATA_DIR), options);
  try {
    const applied = await migrateToLatest(opened.db);
    return { ...opened, applied };
  } catch (error) {
    await opened.close();
    throw error;
  }
}
