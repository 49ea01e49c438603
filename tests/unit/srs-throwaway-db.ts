/** Throwaway databases for the SRS tests: each gets a unique name and is closed and deleted afterwards. */
import Dexie from 'dexie';
import { afterAll, afterEach } from 'vitest';
import { openDb, type AwaitwiseDb } from '@/utils/db';

export const uniqueDbName = () => `test-${crypto.randomUUID()}`;

/**
 * Returns a function that opens a database, by default under a fresh name; pass a name to open a second
 * connection to the same database (another "view"). Deleted after each test, or after the file with `afterAll`.
 */
export function throwawayDbs(cleanup: typeof afterEach | typeof afterAll = afterEach) {
  const opened: AwaitwiseDb[] = [];
  cleanup(async () => {
    const names = new Set(opened.map((db) => db.name));
    for (const db of opened.splice(0)) db.close();
    for (const name of names) await Dexie.delete(name);
  });
  return (name = uniqueDbName()): AwaitwiseDb => {
    const db = openDb(name);
    opened.push(db);
    return db;
  };
}
