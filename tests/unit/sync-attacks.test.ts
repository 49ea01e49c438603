/**
 * Items another device (or a buggy older version, or anyone who can write the user's storage.sync) could
 * write, each fed through the real engine of a device that holds real progress. After the sync: nothing reached
 * Object.prototype and valibot still validates, every record is one a backup accepts (the device's own export
 * imports back), storage.sync holds only valid entries again, and Options' status names what was ignored.
 */
import * as v from 'valibot';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { AwaitwiseDb } from '@/utils/db';
import { questionById } from '@/utils/knowledge/all';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings';
import { exportBackup, importBackupText, serialiseBackup } from '@/utils/srs/backup';
import { CardSchema, SavedSchema } from '@/utils/srs/backup-schema';
import { addCards } from '@/utils/srs/repository';
import { rate } from '@/utils/srs/review';
import { SyncEngine } from '@/utils/sync/engine';
import type { SyncStatus } from '@/utils/sync/prefs';
import { fromItems, type Items } from '@/utils/sync/shard';
import { FakeSyncArea, ManualTimers } from './sync-fake-area';
import { throwawayDbs } from './srs-throwaway-db';

const freshDb = throwawayDbs(afterAll);
const KNOWN = new Set(questionById.keys());
const DAY = 86_400_000;
const YEAR = 365 * DAY;
const NOW = Date.UTC(2026, 11, 7, 12);
const b36 = (ms: number) => ms.toString(36);

afterEach(() => {
  // A failed test must not leave the others running on a polluted prototype.
  for (const key of ['polluted', 'x']) delete (Object.prototype as Record<string, unknown>)[key];
});

/** JSON as storage.sync hands it over: a `__proto__` key arrives as an own property, as the browser gives it. */
const json = (text: string): Items => JSON.parse(text) as Items;

/** A card as the engine packs it (shard.ts), with fields overridden. */
function packed(patch: Record<number, unknown> = {}, length = 17): unknown[] {
  const card: unknown[] = [
    b36(NOW - DAY),
    3,
    0,
    b36(NOW + 4 * DAY),
    4.2,
    5.1,
    1,
    4,
    0,
    0,
    2,
    0,
    0,
    0,
    0,
    b36(NOW - 10 * DAY),
    0,
  ];
  for (const [i, value] of Object.entries(patch)) card[Number(i)] = value;
  return card.slice(0, length);
}

/** The user's device: two cards in the deck, one reviewed, syncing through the real engine. */
async function userDevice() {
  const clock = { t: NOW };
  const area = new FakeSyncArea(() => clock.t);
  const db = freshDb();
  await addCards(db, ['gather-basics', 'task-group-vs-gather'], 'manual', NOW - 10 * DAY);
  await rate(db, 'gather-basics', 3, NOW - DAY, DEFAULT_SETTINGS.srs, {
    expected: { reps: 0, last_review: null },
    fuzz: false,
  });
  const local = { settings: structuredClone<Settings>(DEFAULT_SETTINGS), hidden: ['leetcode:two-sum'] };
  const engine = new SyncEngine({
    db,
    area,
    device: 'phone',
    now: () => clock.t,
    loadSettings: async () => local.settings,
    saveSettings: async (s) => void (local.settings = s),
    loadHidden: async () => local.hidden,
    saveHidden: async (k) => void (local.hidden = k),
    saveStatus: async () => undefined,
    timers: new ManualTimers(() => clock.t),
  });
  await engine.sync();
  return { clock, area, db, engine, local, status: (): SyncStatus => engine.status };
}

/** The record checks and the round trip the user would do: export, then import that file into a new profile. */
async function expectRestorable(db: AwaitwiseDb) {
  for (const card of await db.cards.toArray()) expect(v.safeParse(CardSchema, card).issues).toBeUndefined();
  for (const saved of await db.saved.toArray()) expect(v.safeParse(SavedSchema, saved).issues).toBeUndefined();
  const text = serialiseBackup(await exportBackup(db, NOW + DAY));
  const result = await importBackupText(freshDb(), text, KNOWN, 'replace');
  expect(result.ok ? 'imported' : result.error).toBe('imported');
}

/** Whatever a sync read, the background lives on: nothing on Object.prototype, valibot objects still check. */
function expectPrototypeClean() {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(v.safeParse(v.object({ a: v.string() }), { a: 'x' }).success).toBe(true);
}

interface Attack {
  name: string;
  items: () => Items;
  /** Each must be among the ignored entries Options names. */
  ignored: RegExp[];
  /** What else must hold on the user's device afterwards. */
  then?: (device: Awaited<ReturnType<typeof userDevice>>) => Promise<void>;
}

const protoNames = ['__proto__', 'constructor', 'prototype'];

const attacks: Attack[] = [
  {
    name: 'a settings path through __proto__',
    items: () => json(`{"aw:s":{"__proto__.polluted":["${b36(NOW)}","yes"]}}`),
    ignored: [/setting "__proto__\.polluted": not a setting/],
  },
  {
    name: 'settings paths through constructor and prototype, and into sites and srs',
    items: () =>
      json(
        `{"aw:s":{"constructor.prototype":["${b36(NOW)}",{"polluted":"yes"}],"prototype":["1","x"],` +
          `"sites.__proto__":["1",{"polluted":true}],"srs.constructor":["1",5],"srs.newPerDay":["1",-3]}}`,
      ),
    ignored: [
      /setting "constructor\.prototype"/,
      /setting "prototype"/,
      /setting "sites\.__proto__"/,
      /setting "srs\.newPerDay"/,
    ],
    then: async (d) => expect(d.local.settings).toEqual(DEFAULT_SETTINGS),
  },
  {
    name: 'card ids __proto__, constructor and prototype',
    items: () => ({
      'aw:c07': json(`{${protoNames.map((id) => `"${id}":${JSON.stringify(packed())}`).join(',')}}`),
    }),
    ignored: protoNames.map((id) => new RegExp(`card "${id}": a reserved name|card "${id}": not a card id`)),
    then: async (d) =>
      expect((await d.db.cards.toArray()).map((c) => c.id).sort()).toEqual(['gather-basics', 'task-group-vs-gather']),
  },
  {
    name: 'saved, hidden and solved entries keyed __proto__, constructor and prototype',
    items: () => ({
      'aw:p01': json(`{"__proto__":["${b36(NOW)}","leetcode","x","X","${b36(NOW)}"]}`),
      'aw:h02': json(`{"__proto__":["${b36(NOW)}",1],"constructor":["${b36(NOW)}",1]}`),
      'aw:x': json(`{"__proto__":"${b36(NOW)}","constructor":"${b36(NOW)}","prototype":"${b36(NOW)}"}`),
    }),
    ignored: [
      /saved problem "__proto__"/,
      /hidden badge "__proto__"/,
      /hidden badge "constructor"/,
      /solved problem "constructor": a reserved name/,
    ],
    then: async (d) => expect(d.local.hidden).toEqual(['leetcode:two-sum']),
  },
  {
    name: 'device ids __proto__, constructor and prototype',
    items: () => ({
      'aw:d:__proto__': { '2026-12-06': 5 },
      'aw:d:constructor': { '2026-12-06': 5 },
      'aw:d:prototype': { '2026-12-06': 5 },
    }),
    ignored: protoNames.map((id) => new RegExp(`review counts of device "${id}": a reserved name`)),
    then: async (d) => expect(await d.db.remoteDays.count()).toBe(0),
  },
  {
    name: "the README's old minimal card {lastReview: null, reps: 0}",
    items: () => ({ 'aw:c11': { 'async-deadlocks': { lastReview: null, reps: 0 } } }),
    ignored: [/card "async-deadlocks": due: missing/],
    then: async (d) => expect(await d.db.cards.get('async-deadlocks')).toBeUndefined(),
  },
  {
    name: 'a saved problem on a site the extension does not support',
    items: () => ({
      'aw:p00': {
        'https://codeforces.com/problemset/problem/1/A': [b36(NOW), 'codeforces', '1A', 'Theatre', b36(NOW)],
      },
    }),
    ignored: [/saved problem "https:\/\/codeforces\.com.*": expected a problem page of a supported site/],
  },
  {
    name: 'a javascript: URL',
    items: () => ({ 'aw:p02': { 'javascript:alert(document.cookie)': [b36(NOW), 'leetcode', 'x', 'X', b36(NOW)] } }),
    ignored: [/saved problem "javascript:alert\(document\.cookie\)": expected an https URL/],
  },
  {
    name: 'a supported site with a foreign site id, and an HTML title',
    items: () => ({
      'aw:p03': {
        'https://leetcode.com/problems/two-sum/': [b36(NOW), 'codeforces', 'two-sum', 'Two Sum', b36(NOW)],
        'https://leetcode.com/problems/add-two-numbers/': [
          b36(NOW),
          'leetcode',
          'add-two-numbers',
          '<img src=x onerror=alert(1)>',
          b36(NOW),
        ],
      },
    }),
    ignored: [
      /saved problem ".*two-sum\/": value\.site: expected one of/,
      /saved problem ".*add-two-numbers\/": value\.title: expected plain text/,
    ],
    then: async (d) => expect(await d.db.saved.count()).toBe(0),
  },
  {
    name: 'a review time of 1e300',
    items: () => ({ 'aw:c05': { 'gather-basics': packed({ 1: 1, 2: 1e300 }) } }),
    ignored: [/card "gather-basics": rAt: impossible date \(after 2300\)/],
    then: async (d) => expect((await d.db.cards.get('gather-basics'))!.reps).toBe(1),
  },
  {
    name: 'an ancient review and a solve at epoch 1 ms',
    items: () => ({
      'aw:c05': { 'gather-basics': packed({ 0: b36(Date.UTC(1999, 0, 1)), 2: 0 }) },
      'aw:x': { 'print-in-order': '1' },
    }),
    ignored: [
      /card "gather-basics": lastReview: impossible date \(before 2000\)/,
      /solved problem "print-in-order": impossible date/,
    ],
    then: async (d) => expect(await d.db.practiceProgress.count()).toBe(0),
  },
  {
    name: 'wrong types in every field of a packed card',
    items: () => ({ 'aw:c09': { 'async-deadlocks': packed({ 1: '3', 4: 'x', 10: 9, 16: 7 }), shield: [1, 2, 3] } }),
    ignored: [/card "async-deadlocks": reps: expected a number/, /card "shield": /],
  },
];

describe('forged items from another device', () => {
  for (const attack of attacks) {
    it(`${attack.name}: ignored and named, the device keeps working and its export restores`, async () => {
      const device = await userDevice();
      await device.area.inject(attack.items());
      device.clock.t += 1000;
      await device.engine.sync();

      expectPrototypeClean();
      await expectRestorable(device.db);
      // storage.sync holds nothing bad any more: the items were rewritten from this device's valid data.
      expect(fromItems(device.area.snapshot(), device.clock.t).ignored).toEqual([]);
      const { ignored } = device.status();
      expect(ignored?.count ?? 0).toBeGreaterThanOrEqual(attack.ignored.length);
      const named = ignored?.examples.join('\n') ?? '';
      // Options names the first three; each expected one is among them or counted past them.
      for (const pattern of attack.ignored.slice(0, 3)) expect(named).toMatch(pattern);
      await attack.then?.(device);
      expect(device.status().phase).toBe('ok');
    });
  }
});

describe('clocks', () => {
  it('a review from a clock 5 years ahead counts as made when it arrived: four later reviews here win', async () => {
    const device = await userDevice();
    const ahead = NOW + 5 * YEAR;
    // reps 1, reviewed "in 2031": what a device whose clock runs 5 years ahead writes.
    await device.area.inject({ 'aw:c05': { 'gather-basics': packed({ 0: b36(ahead), 1: 1, 3: b36(ahead + DAY) }) } });
    device.clock.t += 1000;
    await device.engine.sync();
    expect((await device.db.cards.get('gather-basics'))!.reps).toBe(1);
    for (let i = 0; i < 4; i++) {
      device.clock.t += 60_000;
      const card = (await device.db.cards.get('gather-basics'))!;
      const result = await rate(device.db, 'gather-basics', 3, device.clock.t, DEFAULT_SETTINGS.srs, {
        expected: { reps: card.reps, last_review: card.last_review },
        fuzz: false,
      });
      expect(result.ok).toBe(true);
    }
    await device.engine.sync();
    expect((await device.db.cards.get('gather-basics'))!.reps).toBe(5);
    const remote = fromItems(device.area.snapshot(), device.clock.t).state;
    expect(remote.cards['gather-basics']).toMatchObject({ reps: 5, rAt: device.clock.t - 0 });
    await expectRestorable(device.db);
  });

  it('a theme set by a clock far ahead does not lock the theme: a later change here wins', async () => {
    const device = await userDevice();
    await device.area.inject({ 'aw:s': { theme: [b36(NOW + 5 * YEAR), 'dark'] } });
    device.clock.t += 1000;
    await device.engine.sync();
    expect(device.local.settings.theme).toBe('dark');
    device.clock.t += 60_000;
    device.local.settings = { ...device.local.settings, theme: 'light' };
    await device.engine.sync();
    expect(fromItems(device.area.snapshot(), device.clock.t).state.settings.theme).toMatchObject({ value: 'light' });
  });

  it('a time less than a day ahead is a clock a little fast and stays; one further ahead counts as now', async () => {
    const device = await userDevice();
    await device.area.inject({
      'aw:s': { 'srs.newPerDay': [b36(NOW + DAY / 2), 15], 'srs.reviewsPerDay': [b36(NOW + 2 * DAY), 150] },
    });
    await device.engine.sync();
    const settings = fromItems(device.area.snapshot(), device.clock.t).state.settings;
    expect(settings['srs.newPerDay']).toEqual({ at: NOW + DAY / 2, value: 15 });
    expect(settings['srs.reviewsPerDay']).toEqual({ at: device.clock.t, value: 150 });
  });
});

describe('a device that already holds poisoned data', () => {
  it('repairs its records, its last merge and storage.sync on the next sync, with sync left on', async () => {
    const device = await userDevice();
    // What the earlier version wrote here from forged items: a card from the minimal form (due and added at 0),
    // a card with a review time of 1e300, a saved javascript: link, a solve at 1 ms, a bad hidden key.
    await device.db.cards.put({
      ...(await device.db.cards.get('task-group-vs-gather'))!,
      id: 'async-deadlocks',
      due: 0,
      addedAt: 0,
    });
    await device.db.cards.put({ ...(await device.db.cards.get('gather-basics'))!, id: 'shield', last_review: 1e300 });
    await device.db.cards.put({ ...(await device.db.cards.get('gather-basics'))!, id: '__proto__' });
    await device.db.saved.put({
      url: 'javascript:alert(1)',
      site: 'leetcode',
      slug: 'x',
      title: '<b>x</b>',
      savedAt: 0,
    });
    await device.db.practiceProgress.put({ problemId: 'print-in-order', attempts: 1, solvedAt: 1, lastAttemptAt: 1 });
    device.local.hidden = [...device.local.hidden, '__proto__'];
    const shadow = (await device.db.syncShadow.get('state'))!.state;
    await device.db.syncShadow.put({
      key: 'state',
      state: {
        ...shadow,
        cards: { ...shadow.cards, shield: { ...shadow.cards['gather-basics']!, rAt: 1e300 } },
        settings: {
          ...shadow.settings,
          ...(json(`{"__proto__.polluted":{"at":1,"value":"yes"}}`) as typeof shadow.settings),
        },
      },
    });
    // And storage.sync as the earlier version left it.
    await device.area.inject({
      ...json(`{"aw:s":{"__proto__.polluted":["1","yes"],"theme":["${b36(NOW)}","dark"]}}`),
      'aw:c11': { 'async-deadlocks': [null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2] },
      'aw:x': { 'print-in-order': '1' },
    });
    expect(fromItems(device.area.snapshot(), NOW).ignored.length).toBeGreaterThan(0);

    device.clock.t += 1000;
    await device.engine.sync();

    expectPrototypeClean();
    await expectRestorable(device.db);
    expect(fromItems(device.area.snapshot(), device.clock.t).ignored).toEqual([]);
    expect(await device.db.cards.get('async-deadlocks')).toMatchObject({
      due: device.clock.t,
      addedAt: device.clock.t,
    });
    expect((await device.db.cards.get('shield'))!.last_review).toBeNull();
    expect(await device.db.cards.get('__proto__')).toBeUndefined();
    expect(await device.db.saved.count()).toBe(0);
    expect((await device.db.practiceProgress.get('print-in-order'))!.solvedAt).toBeNull();
    expect(device.local.hidden).toEqual(['leetcode:two-sum']);
    expect(device.local.settings.theme).toBe('dark');
    const shadowNow = (await device.db.syncShadow.get('state'))!.state;
    expect(Object.keys(shadowNow.settings)).not.toContain('__proto__.polluted');
    expect(shadowNow.cards.shield!.rAt).toBeLessThanOrEqual(device.clock.t);
    const { repaired, ignored } = device.status();
    expect(repaired?.count).toBe(6);
    expect(ignored?.count).toBeGreaterThanOrEqual(3);
    // The next sync finds nothing left to repair and writes nothing.
    const writes = device.area.attempts;
    device.clock.t += 1000;
    await device.engine.sync();
    expect(device.area.attempts).toBe(writes);
    expect(device.status().repaired?.at).toBe(device.clock.t - 1000);
  });
});

it('the packed card the attacks start from is valid: each attack differs from it only where it says', () => {
  expect(fromItems({ 'aw:c05': { 'gather-basics': packed() } }, NOW).ignored).toEqual([]);
});
