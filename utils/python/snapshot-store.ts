/**
 * The interpreter snapshot, kept in the extension's own IndexedDB (a database of its own, apart from the
 * user's data: never synced, backed up or exported) under the extension's version and Pyodide's build id,
 * since a snapshot restores only in the build that made it. One record at most: another key is stale and
 * goes. Only extension pages open it; the worker never touches storage.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { SnapshotStore } from './pool';
import { plainBytes } from './boot';
import type { SnapshotData } from './protocol';

interface SnapshotRecord {
  key: string;
  bytes: Blob;
  /** SHA-256 of the bytes, checked by the worker before it restores them. */
  digest: string;
  savedAt: number;
}

export const SNAPSHOT_DB_NAME = 'awaitwise-python';

class SnapshotDb extends Dexie {
  declare snapshots: EntityTable<SnapshotRecord, 'key'>;

  constructor() {
    super(SNAPSHOT_DB_NAME);
    this.version(1).stores({ snapshots: 'key' });
  }
}

const asBlob = (data: SnapshotData): Blob => (data instanceof Blob ? data : new Blob([data]));

/** `extensionVersion/buildId`: the snapshot of one build of the extension and of Pyodide. */
export function snapshotKey(extensionVersion: string, buildId: string): string {
  return `${extensionVersion}/${buildId}`;
}

/** `key` is asked for on first use (it needs the manifest, which pages have by then). */
export function indexedDbSnapshotStore(keyOf: () => string): SnapshotStore {
  let db: SnapshotDb | null = null;
  let key = '';
  const open = () => {
    key ||= keyOf();
    return (db ??= new SnapshotDb());
  };
  return {
    async load() {
      const snapshots = open().snapshots;
      await snapshots.where('key').notEqual(key).delete();
      const record = await snapshots.get(key);
      return record ? { data: record.bytes, digest: record.digest } : null;
    },
    async save(data, digest) {
      await open().snapshots.put({ key, bytes: asBlob(data), digest, savedAt: Date.now() });
    },
    async discard() {
      await open().snapshots.delete(key);
    },
    keep: (bytes) => new Blob([plainBytes(bytes)]),
  };
}
