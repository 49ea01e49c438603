/** What Options says about sync, from the switch and the status the background last reported. Pure, for tests. */
import type { SyncPrefs, SyncStatus } from './prefs';
import { SYNC_LIMITS } from './shard';

export type Tone = 'ok' | 'warn' | 'off' | 'error';

export interface SyncStatusText {
  headline: string;
  detail?: string;
  tone: Tone;
  /** What the last syncs dropped or repaired, one sentence each (shown until sync drops something again). */
  notices: string[];
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** "just now", "1 minute ago", "2 hours ago", "3 days ago". */
export function ago(ms: number): string {
  if (ms < MINUTE) return 'just now';
  const [n, unit] =
    ms < HOUR
      ? [Math.floor(ms / MINUTE), 'minute']
      : ms < 48 * HOUR
        ? [Math.floor(ms / HOUR), 'hour']
        : [Math.floor(ms / (24 * HOUR)), 'day'];
  return `${n} ${unit}${n === 1 ? '' : 's'} ago`;
}

/** "in 40 seconds", "in 2 minutes". */
function within(ms: number): string {
  if (ms < MINUTE) return `in ${Math.max(1, Math.round(ms / 1000))} seconds`;
  const n = Math.round(ms / MINUTE);
  return `in ${n} minute${n === 1 ? '' : 's'}`;
}

const kb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))}\u00a0KB`;

const entries = (n: number) => `${n.toLocaleString('en')} ${n === 1 ? 'entry' : 'entries'}`;
const records = (n: number) => `${n.toLocaleString('en')} ${n === 1 ? 'record' : 'records'}`;
const listed = (examples: readonly string[], count: number) =>
  `${examples.join('; ')}${count > examples.length ? `; and ${(count - examples.length).toLocaleString('en')} more` : ''}.`;

/** "3 entries from another device were ignored 2 minutes ago: card "x": due: …", and likewise for repairs here. */
export function droppedNotices(status: SyncStatus | null, now: number): string[] {
  const notices: string[] = [];
  const { ignored, repaired } = status ?? {};
  if (ignored) {
    notices.push(
      `${entries(ignored.count)} from another device ${ignored.count === 1 ? 'was' : 'were'} ignored ${ago(now - ignored.at)}` +
        ` and the synced copy rewritten from this browser's data: ${listed(ignored.examples, ignored.count)}`,
    );
  }
  if (repaired) {
    notices.push(
      `${records(repaired.count)} in this browser that an earlier version let in ${repaired.count === 1 ? 'was' : 'were'}` +
        ` repaired ${ago(now - repaired.at)}: ${listed(repaired.examples, repaired.count)}`,
    );
  }
  return notices;
}

export function syncStatusText(
  prefs: Pick<SyncPrefs, 'enabled'> | null,
  status: SyncStatus | null,
  now: number,
): SyncStatusText {
  const text = phaseText(prefs, status, now);
  return { ...text, notices: prefs?.enabled ? droppedNotices(status, now) : [] };
}

function phaseText(
  prefs: Pick<SyncPrefs, 'enabled'> | null,
  status: SyncStatus | null,
  now: number,
): Omit<SyncStatusText, 'notices'> {
  if (!prefs) return { headline: 'Loading…', tone: 'off' };
  if (!prefs.enabled) return { headline: 'Off: your progress stays in this browser only.', tone: 'off' };
  const last = status?.lastSyncedAt ? `last synced ${ago(now - status.lastSyncedAt)}` : null;
  const retry = status?.retryAt && status.retryAt > now ? `; next try ${within(status.retryAt - now)}` : '';
  switch (status?.phase) {
    case undefined:
    case 'idle':
    case 'syncing':
      return { headline: last ? `On, ${last}.` : 'On, syncing for the first time…', tone: 'ok' };
    case 'ok':
      return {
        headline: `On, ${last ?? 'synced'}.`,
        detail: `${status.cardsSynced.toLocaleString('en')} card${status.cardsSynced === 1 ? '' : 's'} synced, using ${kb(status.bytes)} of the ${kb(SYNC_LIMITS.QUOTA_BYTES)} the browser allows.`,
        tone: 'ok',
      };
    case 'over-quota':
      return status.cardsSynced < status.cardsTotal && !status.message
        ? {
            headline: `Over quota: ${status.cardsSynced.toLocaleString('en')} of ${status.cardsTotal.toLocaleString('en')} cards fit in the browser's sync storage.`,
            detail: `The most recently reviewed cards sync first; the others stay in this browser only${last ? ` (${last})` : ''}.`,
            tone: 'warn',
          }
        : {
            headline: `Over quota: the browser refused the write${retry}.`,
            detail: `Nothing is lost here; it will try again with less. (${status.message ?? 'quota exceeded'})`,
            tone: 'warn',
          };
    case 'rate-limited':
      return {
        headline: `On, waiting: the browser limits how often extensions may write${retry}.`,
        detail: last ? `Changes are kept here meanwhile; ${last}.` : 'Changes are kept here meanwhile.',
        tone: 'warn',
      };
    case 'unavailable':
      return {
        headline: "Off: this browser's sync storage is not available.",
        detail: status.message,
        tone: 'error',
      };
    case 'error':
      return {
        headline: `On, but the last sync failed${retry}.`,
        detail: status.message,
        tone: 'error',
      };
  }
}
