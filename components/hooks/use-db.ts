import { openDb, type AwaitwiseDb } from '@/utils/db';

let db: AwaitwiseDb | undefined;

/** The extension's one database connection for this page (extension pages only; never content scripts). */
export function useDb(): AwaitwiseDb {
  db ??= openDb();
  return db;
}
