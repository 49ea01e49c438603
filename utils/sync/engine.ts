/**
 * One device's sync loop: read storage.sync, merge it into this device (one Dexie transaction), write back
 * only the items that changed, in one `set`. Writes are debounced and counted against the browser's write
 * limits; a quota or rate error leaves every local record as it was and the write is retried later, since the
 * next attempt merges from the same local data.
 */
import type { AwaitwiseDb } from '@/utils/db';
import type { Settings } from '@/utils/settings';
import { syncLocal } from './step';
import type { SyncStatus } from './prefs';
import type { Ignored } from './check';
import { diffItems, fromItems, PREFIX, SYNC_LIMITS, toItems, type Items } from './shard';

/** The part of storage.sync the engine uses (browser.storage.sync satisfies it). */
export interface SyncArea {
  get(keys: null): Promise<Items>;
  set(items: Items): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface SyncDeps {
  db: AwaitwiseDb;
  area: SyncArea;
  device: string;
  now(): number;
  loadSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<void>;
  loadHidden(): Promise<string[]>;
  saveHidden(keys: string[]): Promise<void>;
  saveStatus(status: SyncStatus): Promise<void>;
  /** The status saved before this engine started (a restarted worker keeps what earlier syncs dropped). */
  loadStatus?(): Promise<SyncStatus | null>;
  timers?: Timers;
  /** Total bytes to stay under; the browser's QUOTA_BYTES by default. */
  quota?: number;
}

/** A local change waits this long for more (a review session is many ratings in a row), and at most MAX_WAIT. */
export const LOCAL_DELAY_MS = 5_000;
export const MAX_WAIT_MS = 30_000;
/** Another device's change is merged almost at once. */
export const REMOTE_DELAY_MS = 500;
/** Write operations kept under the browser's limits, with room for the odd retry. */
const PER_MINUTE = SYNC_LIMITS.MAX_WRITE_OPERATIONS_PER_MINUTE - 20;
const PER_HOUR = SYNC_LIMITS.MAX_WRITE_OPERATIONS_PER_HOUR - 100;
const MINUTE = 60_000;
const HOUR = 3_600_000;
const MAX_BACKOFF_MS = HOUR;

export type FailureKind = 'over-quota' | 'rate-limited' | 'error';

/** Chrome and Firefox name the limit in the message: "QUOTA_BYTES quota exceeded", "MAX_WRITE_OPERATIONS_PER_MINUTE …". */
export function classifyError(error: unknown): FailureKind {
  const message = error instanceof Error ? error.message : String(error);
  if (/MAX_WRITE_OPERATIONS/i.test(message)) return 'rate-limited';
  if (/QUOTA_BYTES|MAX_ITEMS|quota/i.test(message)) return 'over-quota';
  return 'error';
}

const defaultTimers: Timers = { set: (run, ms) => setTimeout(run, ms), clear: (h) => clearTimeout(h as number) };

export class SyncEngine {
  private readonly timers: Timers;
  private timer: unknown = null;
  private timerAt = Infinity;
  private timerDelay = 0;
  private firstRequestAt: number | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private writes: number[] = [];
  private failures = 0;
  private retryAt = 0;
  private quota: number;
  private stopped = false;
  private loaded = false;
  status: SyncStatus = { phase: 'idle', lastSyncedAt: null, cardsTotal: 0, cardsSynced: 0, bytes: 0 };

  constructor(private readonly deps: SyncDeps) {
    this.timers = deps.timers ?? defaultTimers;
    this.quota = deps.quota ?? SYNC_LIMITS.QUOTA_BYTES;
  }

  /**
   * Runs a sync after `delayMs`; each new request moves it (a debounce), but never past MAX_WAIT_MS after the
   * first unsynced request. A backed-off engine waits for its retry time.
   */
  schedule(delayMs: number): void {
    if (this.stopped) return;
    const now = this.deps.now();
    this.firstRequestAt ??= now;
    const at = Math.max(this.retryAt, Math.min(now + delayMs, this.firstRequestAt + MAX_WAIT_MS));
    // A local change arriving after a remote one must not push the remote one's quick merge back.
    if (this.timer !== null && this.timerDelay < delayMs && this.timerAt <= at) return;
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timerAt = at;
    this.timerDelay = delayMs;
    this.timer = this.timers.set(() => {
      this.timer = null;
      this.timerAt = Infinity;
      void this.sync();
    }, at - now);
  }

  /**
   * No sync starts after this; one already running writes nothing more to storage.sync or the status. Resolves
   * once that one has ended, so the caller's own status is the last word.
   */
  stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
    return this.running ?? Promise.resolve();
  }

  /** One sync now (or right after the one running). Never throws: failures end up in `status`. */
  sync(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.firstRequestAt = null;
    this.running = this.cycle()
      .catch((error: unknown) => this.fail('error', error))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          void this.sync();
        }
      });
    return this.running;
  }

  private async cycle(): Promise<void> {
    const { deps } = this;
    if (!this.loaded) {
      this.loaded = true;
      const { ignored, repaired } = (await deps.loadStatus?.()) ?? {};
      this.status = { ...this.status, ignored, repaired };
    }
    let current: Items;
    try {
      current = Object.fromEntries(Object.entries(await deps.area.get(null)).filter(([k]) => k.startsWith(PREFIX)));
    } catch (error) {
      await this.setStatus({ phase: 'unavailable', message: messageOf(error) });
      return;
    }
    const read = fromItems(current, deps.now());
    const [settings, hidden] = await Promise.all([deps.loadSettings(), deps.loadHidden()]);
    const { merged, writes, repaired } = await syncLocal(
      deps.db,
      read.state,
      { settings, hidden },
      deps.device,
      deps.now(),
    );
    if (writes.settings) await deps.saveSettings(writes.settings);
    if (writes.hidden) await deps.saveHidden(writes.hidden);

    const report = toItems(merged, this.quota);
    const { set, remove } = diffItems(current, report.items);
    const counts: Partial<SyncStatus> = {
      cardsTotal: report.cardsTotal,
      cardsSynced: report.cardsSynced,
      bytes: report.bytes,
    };
    // Kept until a later sync ignores something again: the items are rewritten at once, so the next sync
    // finds nothing wrong, and the user should still learn that something was dropped.
    if (read.ignored.length) counts.ignored = dropped(read.ignored, deps.now());
    if (repaired.length) counts.repaired = dropped(repaired, deps.now());
    const ops = (Object.keys(set).length ? 1 : 0) + (remove.length ? 1 : 0);
    const wait = this.rateWait(ops);
    if (wait > 0) {
      this.retryAt = deps.now() + wait;
      await this.setStatus({ phase: 'rate-limited', ...counts, retryAt: this.retryAt, message: undefined });
      this.schedule(0);
      return;
    }
    // Turned off while this sync was reading: the user's "off" means nothing more reaches storage.sync.
    if (this.stopped) return;
    try {
      if (Object.keys(set).length) {
        this.writes.push(deps.now());
        await deps.area.set(set);
      }
      if (remove.length) {
        this.writes.push(deps.now());
        await deps.area.remove(remove);
      }
    } catch (error) {
      await this.fail(classifyError(error), error, counts);
      return;
    }
    this.failures = 0;
    this.retryAt = 0;
    const partial = report.cardsSynced < report.cardsTotal;
    await this.setStatus({
      phase: partial ? 'over-quota' : 'ok',
      lastSyncedAt: deps.now(),
      ...counts,
      message: undefined,
      retryAt: undefined,
    });
  }

  /** How long to wait before `ops` more writes stay under the per-minute and per-hour limits (0: go). */
  private rateWait(ops: number): number {
    if (ops === 0) return 0;
    const now = this.deps.now();
    this.writes = this.writes.filter((at) => at > now - HOUR);
    const lastMinute = this.writes.filter((at) => at > now - MINUTE);
    if (lastMinute.length + ops > PER_MINUTE)
      return lastMinute[lastMinute.length + ops - PER_MINUTE - 1]! + MINUTE - now;
    if (this.writes.length + ops > PER_HOUR) return this.writes[this.writes.length + ops - PER_HOUR - 1]! + HOUR - now;
    return 0;
  }

  private async fail(kind: FailureKind, error: unknown, counts: Partial<SyncStatus> = {}): Promise<void> {
    this.failures++;
    // The browser counts differently from us, or something else fills the area: aim lower next time.
    if (kind === 'over-quota') this.quota = Math.max(SYNC_LIMITS.QUOTA_BYTES / 2, Math.floor(this.quota * 0.9));
    const base = kind === 'rate-limited' ? MINUTE : 30_000;
    const delay = Math.min(MAX_BACKOFF_MS, base * 2 ** (this.failures - 1));
    this.retryAt = this.deps.now() + delay;
    await this.setStatus({ phase: kind, ...counts, message: messageOf(error), retryAt: this.retryAt });
    this.schedule(0);
  }

  private async setStatus(patch: Partial<SyncStatus>): Promise<void> {
    if (this.stopped) return;
    this.status = { ...this.status, ...patch };
    for (const key of Object.keys(this.status) as (keyof SyncStatus)[]) {
      if (this.status[key] === undefined) delete this.status[key];
    }
    await this.deps.saveStatus(this.status);
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** How many entries a sync dropped, with the first few named for Options. */
function dropped(entries: readonly Ignored[], at: number): NonNullable<SyncStatus['ignored']> {
  return { count: entries.length, at, examples: entries.slice(0, 3).map((e) => `${e.what}: ${e.why}`) };
}
