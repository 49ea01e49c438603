/**
 * Sync's own keys in storage.local (per device, never synced): the switch and this device's id, the status the
 * background reports to Options, and the "Sync now" request Options sends. Validated on read like settings.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { DeviceIdSchema } from '@/utils/records/schema';
import { validatedItem } from '@/utils/stored-item';

export const PREFS_KEY = 'syncPrefs';
export const STATUS_KEY = 'syncStatus';
export const REQUEST_KEY = 'syncRequest';
/** The storage.local key of the hidden badges (utils/hidden.ts). */
export const HIDDEN_KEY = 'dismissedProblems';

export interface SyncPrefs {
  /**
   * On by default: storage.sync is the browser's own store, it travels only inside the account the user signed
   * in to the browser with (and only when they sync extension data there), and it needs no account of ours.
   */
  enabled: boolean;
  /** Random id naming this device's review counts in the synced state. */
  device: string;
}

export type SyncPhase = 'idle' | 'syncing' | 'ok' | 'over-quota' | 'rate-limited' | 'unavailable' | 'error';

export interface SyncStatus {
  phase: SyncPhase;
  /** When this device last finished a sync (epoch ms). */
  lastSyncedAt: number | null;
  /** Cards in the deck and how many of them fit in storage.sync. */
  cardsTotal: number;
  cardsSynced: number;
  /** Bytes written to storage.sync by the last sync. */
  bytes: number;
  /** The browser's error, when the last attempt failed. */
  message?: string;
  /** When a backed-off write will be retried. */
  retryAt?: number;
  /** Entries from storage.sync the last sync that found any dropped (another device's bug, a forged item). */
  ignored?: DroppedEntries;
  /** This device's records, let in by an earlier version, that the last sync to find any repaired or removed. */
  repaired?: DroppedEntries;
}

export interface DroppedEntries {
  count: number;
  /** When (epoch ms). */
  at: number;
  /** The first few, as `card "x": due: impossible date (before 2000)`. */
  examples: string[];
}

const PrefsSchema = v.object({
  enabled: v.optional(v.boolean(), true),
  // A device id that is not one (a damaged or hand-edited value) is replaced like a missing one.
  device: v.optional(v.fallback(DeviceIdSchema, ''), ''),
});

export const newDeviceId = () => crypto.randomUUID().slice(0, 8);

export async function loadPrefs(): Promise<SyncPrefs> {
  const stored = (await browser.storage.local.get(PREFS_KEY))[PREFS_KEY];
  const parsed = v.safeParse(PrefsSchema, stored ?? {});
  const prefs = parsed.success ? parsed.output : { enabled: true, device: '' };
  if (!prefs.device) {
    prefs.device = newDeviceId();
    await browser.storage.local.set({ [PREFS_KEY]: prefs });
  }
  return prefs;
}

export async function setSyncEnabled(enabled: boolean): Promise<void> {
  const prefs = await loadPrefs();
  await browser.storage.local.set({ [PREFS_KEY]: { ...prefs, enabled } });
}

const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const DroppedSchema = v.object({ count, at: v.number(), examples: v.array(v.string()) });
const StatusSchema = v.object({
  phase: v.picklist(['idle', 'syncing', 'ok', 'over-quota', 'rate-limited', 'unavailable', 'error']),
  lastSyncedAt: v.nullable(v.number()),
  cardsTotal: count,
  cardsSynced: count,
  bytes: count,
  message: v.optional(v.string()),
  retryAt: v.optional(v.number()),
  ignored: v.optional(DroppedSchema),
  repaired: v.optional(DroppedSchema),
});

const parseStatus = (raw: unknown): SyncStatus | null => {
  const parsed = v.safeParse(StatusSchema, raw);
  return parsed.success ? parsed.output : null;
};

/** The background's report; a status another version wrote, or a damaged one, reads as none yet. */
const statusItem = validatedItem(`local:${STATUS_KEY}`, parseStatus);

export const loadStatus = (): Promise<SyncStatus | null> => statusItem.getValue();

export const watchStatus = (onChange: (status: SyncStatus | null) => void): (() => void) => statusItem.watch(onChange);

/** Asks the background to sync now (Options' button); the background watches this key. */
export async function requestSync(): Promise<void> {
  await browser.storage.local.set({ [REQUEST_KEY]: Date.now() });
}

export async function loadHidden(): Promise<string[]> {
  const value = (await browser.storage.local.get(HIDDEN_KEY))[HIDDEN_KEY];
  return Array.isArray(value) ? value.filter((k): k is string => typeof k === 'string') : [];
}
