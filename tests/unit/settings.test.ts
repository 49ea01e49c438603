/** Settings as a validated storage item (`local:settings`), against WXT's fake browser. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  DEFAULT_SETTINGS,
  flattenSettings,
  loadSettings,
  normaliseSettings,
  saveSettings,
  SETTING_PATHS,
  unflattenSettings,
  watchSettings,
  type Settings,
} from '@/utils/settings';
import { DEFAULT_SRS_SETTINGS } from '@/utils/srs/settings';

beforeEach(() => fakeBrowser.reset());

const store = (value: unknown) => fakeBrowser.storage.local.set({ settings: value });

describe('reading settings', () => {
  it('gives the defaults when nothing is stored', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('reads what was saved, under the key existing users have', async () => {
    const mine: Settings = {
      sites: { ...DEFAULT_SETTINGS.sites, leetcode: false },
      theme: 'dark',
      srs: { ...DEFAULT_SRS_SETTINGS, newPerDay: 3 },
    };
    await saveSettings(mine);
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({ settings: mine });
    expect(await loadSettings()).toEqual(mine);
  });

  it('keeps each valid part of a damaged value and defaults the rest, part by part', async () => {
    await store({
      sites: { leetcode: false, neetcode: 'no', nowhere: false },
      theme: 'purple',
      srs: { desiredRetention: 5, newPerDay: 3, dayStartHour: 'four' },
    });
    expect(await loadSettings()).toEqual({
      sites: { ...DEFAULT_SETTINGS.sites, leetcode: false },
      theme: 'system',
      srs: { ...DEFAULT_SRS_SETTINGS, newPerDay: 3 },
    });
  });

  it('a bad theme or bad sites do not reset the other parts', async () => {
    await store({ sites: 'all', theme: 7, srs: { newPerDay: 4 } });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, srs: { ...DEFAULT_SRS_SETTINGS, newPerDay: 4 } });
    await store({ sites: { exercism: false }, theme: 'light', srs: null });
    expect(await loadSettings()).toEqual({
      sites: { ...DEFAULT_SETTINGS.sites, exercism: false },
      theme: 'light',
      srs: DEFAULT_SRS_SETTINGS,
    });
  });

  it.each([null, 'settings', 42, [1, 2], true])('a stored %j reads as the defaults', async (value) => {
    await store(value);
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(normaliseSettings(value)).toEqual(DEFAULT_SETTINGS);
  });
});

describe('watching settings', () => {
  it('calls back with the validated value when another context writes', async () => {
    const seen: Settings[] = [];
    const stop = watchSettings((s) => seen.push(s));
    await store({ theme: 'dark', srs: { newPerDay: -1, reviewsPerDay: 50 }, sites: { codewars: false } });
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]).toEqual({
      sites: { ...DEFAULT_SETTINGS.sites, codewars: false },
      theme: 'dark',
      srs: { ...DEFAULT_SRS_SETTINGS, reviewsPerDay: 50 },
    });

    await fakeBrowser.storage.local.remove('settings');
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    expect(seen[1]).toEqual(DEFAULT_SETTINGS);

    stop();
    await store({ theme: 'light' });
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toHaveLength(2);
  });
});

describe('settings as flat paths (sync)', () => {
  it('flatten gives every known path once, and unflatten of that gives the settings back', () => {
    const mine: Settings = { ...DEFAULT_SETTINGS, theme: 'dark', srs: { ...DEFAULT_SRS_SETTINGS, newPerDay: 4 } };
    const flat = flattenSettings(mine);
    expect([...flat.keys()]).toEqual([...SETTING_PATHS.keys()]);
    expect(unflattenSettings(DEFAULT_SETTINGS, flat)).toEqual(mine);
  });

  it('a path through __proto__, constructor or prototype, an unknown path or a bad value changes nothing', () => {
    const flat = new Map<string, unknown>([
      ['__proto__.polluted', 'yes'],
      ['constructor.prototype', { polluted: 'yes' }],
      ['prototype', 1],
      ['sites.__proto__', { polluted: true }],
      ['srs.constructor', 5],
      ['srs.newPerDay', -3],
      ['theme', 'purple'],
      ['fontSize', 14],
    ]);
    expect(unflattenSettings(DEFAULT_SETTINGS, flat)).toEqual(DEFAULT_SETTINGS);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  });
});
