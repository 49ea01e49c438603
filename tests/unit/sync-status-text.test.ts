/** What Options says for each sync state. */
import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '@/utils/sync/prefs';
import { ago, syncStatusText } from '@/utils/sync/status-text';

const NOW = 1_800_000_000_000;
const status = (patch: Partial<SyncStatus>): SyncStatus => ({
  phase: 'ok',
  lastSyncedAt: NOW - 120_000,
  cardsTotal: 150,
  cardsSynced: 150,
  bytes: 18_418,
  ...patch,
});

describe('sync state text', () => {
  it('says how long ago', () => {
    expect(ago(5_000)).toBe('just now');
    expect(ago(60_000)).toBe('1 minute ago');
    expect(ago(125_000)).toBe('2 minutes ago');
    expect(ago(3 * 3_600_000)).toBe('3 hours ago');
    expect(ago(3 * 86_400_000)).toBe('3 days ago');
  });
  it('on, off, over quota, rate-limited, unavailable', () => {
    expect(syncStatusText({ enabled: true }, status({}), NOW)).toMatchObject({
      headline: 'On, last synced 2 minutes ago.',
      detail: '150 cards synced, using 18\u00a0KB of the 100\u00a0KB the browser allows.',
      tone: 'ok',
    });
    expect(syncStatusText({ enabled: false }, status({}), NOW).headline).toBe(
      'Off: your progress stays in this browser only.',
    );
    expect(
      syncStatusText({ enabled: true }, status({ phase: 'over-quota', cardsTotal: 2000, cardsSynced: 832 }), NOW),
    ).toMatchObject({
      headline: "Over quota: 832 of 2,000 cards fit in the browser's sync storage.",
      tone: 'warn',
    });
    expect(
      syncStatusText({ enabled: true }, status({ phase: 'rate-limited', retryAt: NOW + 90_000 }), NOW).headline,
    ).toBe('On, waiting: the browser limits how often extensions may write; next try in 2 minutes.');
    expect(syncStatusText({ enabled: true }, status({ phase: 'unavailable', message: 'no id' }), NOW)).toMatchObject({
      headline: "Off: this browser's sync storage is not available.",
      detail: 'no id',
      tone: 'error',
    });
    expect(syncStatusText({ enabled: true }, null, NOW).headline).toBe('On, syncing for the first time…');
  });
});

describe('entries a sync dropped', () => {
  it('counts and names what another device sent that was ignored, and what was repaired here', () => {
    const text = syncStatusText(
      { enabled: true },
      status({
        ignored: {
          count: 5,
          at: NOW - 120_000,
          examples: [
            'setting "__proto__.polluted": not a setting this version has',
            'card "async-deadlocks": due: missing',
            'saved problem "javascript:alert(1)": expected an https URL',
          ],
        },
        repaired: {
          count: 1,
          at: NOW - 60_000,
          examples: ['card "shield": repaired (last_review: impossible date (after 2300))'],
        },
      }),
      NOW,
    );
    expect(text.headline).toBe('On, last synced 2 minutes ago.');
    expect(text.notices).toEqual([
      '5 entries from another device were ignored 2 minutes ago and the synced copy rewritten from this' +
        ' browser\'s data: setting "__proto__.polluted": not a setting this version has; card "async-deadlocks":' +
        ' due: missing; saved problem "javascript:alert(1)": expected an https URL; and 2 more.',
      '1 record in this browser that an earlier version let in was repaired 1 minute ago: card "shield": repaired' +
        ' (last_review: impossible date (after 2300)).',
    ]);
  });
  it('says nothing when nothing was dropped, or when sync is off', () => {
    expect(syncStatusText({ enabled: true }, status({}), NOW).notices).toEqual([]);
    const dropped = { count: 1, at: NOW, examples: ['card "x": due: missing'] };
    expect(syncStatusText({ enabled: false }, status({ ignored: dropped }), NOW).notices).toEqual([]);
    expect(syncStatusText({ enabled: true }, status({ ignored: dropped }), NOW).notices[0]).toMatch(
      /^1 entry from another device was ignored just now/,
    );
  });
});
