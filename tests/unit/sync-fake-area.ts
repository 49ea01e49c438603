/**
 * A stand-in for chrome.storage.sync shared by simulated devices: the real quotas (bytes in all and per item,
 * item count, writes per minute and per hour), enforced with the errors Chrome raises, and onChanged events
 * delivered after each write as the browser does.
 */
import type { SyncArea, Timers } from '@/utils/sync/engine';
import { itemBytes, SYNC_LIMITS, type Items } from '@/utils/sync/shard';

type Changes = Record<string, { oldValue?: unknown; newValue?: unknown }>;

export class FakeSyncArea implements SyncArea {
  private items = new Map<string, string>();
  private writeTimes: number[] = [];
  private listeners = new Set<(changes: Changes) => void>();
  private forced: string[] = [];
  /** Every write attempted (set and remove), accepted or not. */
  attempts = 0;
  rejected: string[] = [];

  constructor(
    private readonly now: () => number,
    readonly limits: Record<keyof typeof SYNC_LIMITS, number> = { ...SYNC_LIMITS },
  ) {}

  onChanged(listener: (changes: Changes) => void): void {
    this.listeners.add(listener);
  }

  /** The next writes fail with these messages (as the browser's lastError would). */
  failNext(...messages: string[]): void {
    this.forced.push(...messages);
  }

  async get(_keys: null): Promise<Items> {
    return Object.fromEntries([...this.items].map(([k, v]) => [k, JSON.parse(v) as unknown]));
  }

  snapshot(): Items {
    return Object.fromEntries([...this.items].map(([k, v]) => [k, JSON.parse(v) as unknown]));
  }

  bytes(): number {
    let sum = 0;
    for (const [k, v] of this.items) sum += itemBytes(k, JSON.parse(v));
    return sum;
  }

  private countWrite(): void {
    this.attempts++;
    const now = this.now();
    this.writeTimes = this.writeTimes.filter((t) => t > now - 3_600_000);
    const forced = this.forced.shift();
    const reject = (message: string) => {
      this.rejected.push(message);
      throw new Error(message);
    };
    if (forced) reject(forced);
    if (this.writeTimes.filter((t) => t > now - 60_000).length >= this.limits.MAX_WRITE_OPERATIONS_PER_MINUTE)
      reject('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.');
    if (this.writeTimes.length >= this.limits.MAX_WRITE_OPERATIONS_PER_HOUR)
      reject('This request exceeds the MAX_WRITE_OPERATIONS_PER_HOUR quota.');
    this.writeTimes.push(now);
  }

  async set(items: Items): Promise<void> {
    this.countWrite();
    const next = new Map(this.items);
    for (const [k, v] of Object.entries(items)) {
      if (itemBytes(k, v) > this.limits.QUOTA_BYTES_PER_ITEM) {
        this.rejected.push('QUOTA_BYTES_PER_ITEM');
        throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
      }
      next.set(k, JSON.stringify(v));
    }
    let total = 0;
    for (const [k, v] of next) total += itemBytes(k, JSON.parse(v));
    if (total > this.limits.QUOTA_BYTES) {
      this.rejected.push('QUOTA_BYTES');
      throw new Error('QUOTA_BYTES quota exceeded');
    }
    if (next.size > this.limits.MAX_ITEMS) {
      this.rejected.push('MAX_ITEMS');
      throw new Error('MAX_ITEMS quota exceeded');
    }
    const changes: Changes = {};
    for (const [k, v] of Object.entries(items)) {
      const old = this.items.get(k);
      if (old !== JSON.stringify(v))
        changes[k] = { oldValue: old === undefined ? undefined : JSON.parse(old), newValue: v };
    }
    this.items = next;
    this.emit(changes);
  }

  async remove(keys: string[]): Promise<void> {
    this.countWrite();
    const changes: Changes = {};
    for (const k of keys) {
      const old = this.items.get(k);
      if (old !== undefined) changes[k] = { oldValue: JSON.parse(old) };
      this.items.delete(k);
    }
    this.emit(changes);
  }

  /** Written by "another device" directly, as the browser's sync would. */
  async inject(items: Items): Promise<void> {
    const changes: Changes = {};
    for (const [k, v] of Object.entries(items)) {
      changes[k] = { newValue: v };
      this.items.set(k, JSON.stringify(v));
    }
    this.emit(changes);
  }

  private emit(changes: Changes): void {
    if (Object.keys(changes).length === 0) return;
    for (const listener of this.listeners) queueMicrotask(() => listener(changes));
  }
}

/** Timers the test runs by hand against a fake clock. */
export class ManualTimers implements Timers {
  private pending = new Map<number, { at: number; run: () => void }>();
  private next = 1;
  constructor(private readonly now: () => number) {}
  set(run: () => void, ms: number): unknown {
    const id = this.next++;
    this.pending.set(id, { at: this.now() + ms, run });
    return id;
  }
  clear(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  /** Runs every timer due by now; returns how many ran. */
  runDue(): number {
    const due = [...this.pending].filter(([, t]) => t.at <= this.now());
    for (const [id, t] of due) {
      this.pending.delete(id);
      t.run();
    }
    return due.length;
  }
  get size(): number {
    return this.pending.size;
  }
  nextAt(): number | undefined {
    return Math.min(...[...this.pending.values()].map((t) => t.at));
  }
}
