import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { openDb, type AwaitwiseDb } from '@/utils/db';

let shared: AwaitwiseDb | undefined;

/**
 * The database the views of a page read. Pages leave it empty and get the extension's one connection;
 * tests provide a throwaway database.
 */
export const DbContext = createContext<AwaitwiseDb | null>(null);

/** The clock the views read ("now"); tests provide a fixed one. */
export const ClockContext = createContext<() => number>(() => Date.now());

/** The extension's database for this page (extension pages only; never content scripts). */
export function useDb(): AwaitwiseDb {
  const provided = useContext(DbContext);
  if (provided) return provided;
  shared ??= openDb();
  return shared;
}

export function useClock(): () => number {
  return useContext(ClockContext);
}
