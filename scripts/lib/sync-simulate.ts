/**
 * Devices in memory, for `sync-merge --sample` and the property tests: each holds the records a real device
 * keeps, changes them as a user would (review with the real scheduler, suspend, add, change settings, save,
 * hide, solve) and syncs through the same derive → merge → apply steps the engine runs over Dexie.
 */
import type { CardRecord, GradeValue } from '@/utils/db';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { dayKey } from '@/utils/srs/day';
import { newCardRecord, nextSnapshot } from '@/utils/srs/scheduler';
import { seededRandom } from '@/utils/interview/random';
import { deriveState, type LocalSnapshot } from '@/utils/sync/local';
import { syncStep } from '@/utils/sync/step';
import { checkState, type Ignored } from '@/utils/sync/check';
import { emptyState, type SyncState } from '@/utils/sync/shape';

/** A storage.sync area nobody has written yet. */
export { emptyState };

export interface SimDevice {
  id: string;
  local: LocalSnapshot;
  shadow: SyncState | undefined;
  /** Every review this device made: card id and time. */
  reviews: { cardId: string; at: number }[];
  /** What its syncs ignored from the remote and repaired here, in order. */
  ignored: Ignored[];
  /** How far its clock is from the true time (ms): it acts and syncs at `now + skew`. */
  skew: number;
}

export const newDevice = (id: string, skew = 0): SimDevice => ({
  id,
  local: { cards: [], saved: [], progress: [], ownDays: {}, settings: structuredClone(DEFAULT_SETTINGS), hidden: [] },
  shadow: undefined,
  reviews: [],
  ignored: [],
  skew,
});

export type SimAction =
  | { kind: 'add'; cardId: string }
  | { kind: 'review'; cardId: string; rating: GradeValue }
  | { kind: 'suspend'; cardId: string; on: boolean }
  | { kind: 'remove'; cardId: string }
  | { kind: 'setting'; newPerDay: number }
  | { kind: 'save'; slug: string }
  | { kind: 'unsave'; slug: string }
  | { kind: 'hide'; key: string }
  | { kind: 'solve'; problemId: string };

const problemUrl = (slug: string) => `https://leetcode.com/problems/${slug}/`;

/**
 * Applies one user action at true time `trueNow` (the device's clock reads `trueNow + skew`); actions on a card
 * the device does not have do nothing, as in the UI.
 */
export function act(device: SimDevice, action: SimAction, trueNow: number): void {
  const now = trueNow + device.skew;
  const local = device.local;
  const card = 'cardId' in action ? local.cards.find((c) => c.id === action.cardId) : undefined;
  switch (action.kind) {
    case 'add':
      if (!card) {
        const position = Math.max(-1, ...local.cards.map((c) => c.position)) + 1;
        local.cards.push(newCardRecord(action.cardId, 'manual', now, position));
      }
      break;
    case 'review':
      if (card && !card.suspended) {
        Object.assign(card, nextSnapshot(card, action.rating, now, local.settings.srs, { fuzz: false }));
        const day = dayKey(now, local.settings.srs.dayStartHour);
        local.ownDays[day] = (local.ownDays[day] ?? 0) + 1;
        device.reviews.push({ cardId: card.id, at: now });
      }
      break;
    case 'suspend':
      if (card) card.suspended = action.on ? 1 : 0;
      break;
    case 'remove':
      local.cards = local.cards.filter((c) => c.id !== action.cardId);
      break;
    case 'setting':
      local.settings = { ...local.settings, srs: { ...local.settings.srs, newPerDay: action.newPerDay } };
      break;
    case 'save': {
      const url = problemUrl(action.slug);
      if (!local.saved.some((s) => s.url === url))
        local.saved.push({
          url,
          site: 'leetcode',
          slug: action.slug,
          title: action.slug.replace(/-/g, ' '),
          savedAt: now,
        });
      break;
    }
    case 'unsave':
      local.saved = local.saved.filter((s) => s.url !== problemUrl(action.slug));
      break;
    case 'hide':
      if (!local.hidden.includes(action.key)) local.hidden.push(action.key);
      break;
    case 'solve': {
      const p = local.progress.find((x) => x.problemId === action.problemId);
      if (!p) local.progress.push({ problemId: action.problemId, attempts: 1, solvedAt: now, lastAttemptAt: now });
      else if (p.solvedAt === null) p.solvedAt = now;
      break;
    }
  }
}

/** This device's state as the engine would derive it now (without syncing). */
export const stateOf = (device: SimDevice, trueNow: number): SyncState =>
  deriveState(device.local, device.shadow, device.id, trueNow + device.skew);

/**
 * One sync against a shared remote state, as the engine runs it: check what the remote holds (its entries pass
 * through JSON, as storage.sync's do), merge, apply here, return what the remote holds afterwards.
 */
export function syncDevice(device: SimDevice, remote: SyncState, trueNow: number): SyncState {
  const now = trueNow + device.skew;
  const read = checkState(JSON.parse(JSON.stringify(remote)), now);
  const { merged, writes, repaired } = syncStep(device.local, device.shadow, read.state, device.id, now);
  device.ignored.push(...read.ignored, ...repaired);
  const local = device.local;
  const put = new Map(writes.putCards.map((c) => [c.id, c]));
  local.cards = local.cards
    .filter((c) => !writes.deleteCards.includes(c.id))
    .map((c) => put.get(c.id) ?? c)
    .concat(writes.putCards.filter((c) => !local.cards.some((x) => x.id === c.id)));
  const putSaved = new Map(writes.putSaved.map((s) => [s.url, s]));
  local.saved = local.saved
    .filter((s) => !writes.deleteSaved.includes(s.url))
    .map((s) => putSaved.get(s.url) ?? s)
    .concat(writes.putSaved.filter((s) => !local.saved.some((x) => x.url === s.url)));
  const putProgress = new Map(writes.putProgress.map((p) => [p.problemId, p]));
  local.progress = local.progress
    .map((p) => putProgress.get(p.problemId) ?? p)
    .concat(writes.putProgress.filter((p) => !local.progress.some((x) => x.problemId === p.problemId)));
  if (writes.settings) local.settings = writes.settings;
  if (writes.hidden) local.hidden = writes.hidden;
  device.shadow = merged;
  return merged;
}

/** Real ids (data/questions, data/practice), so a sample state imports as it is. */
const CARD_IDS = [
  'as-completed-order',
  'async-context-managers',
  'async-deadlocks',
  'asyncio-run-vs-await',
  'event-loop-scheduler',
  'task-group-vs-gather',
  'cancellation-basics',
  'semaphore-limit-concurrency',
  'queue-join-task-done',
  'wait-for-timeout',
  'shield',
  'run-in-executor-pools',
];
const PROBLEMS = ['print-in-order', 'alternate-printing', 'concurrent-web-crawler', 'dining-philosophers'];

/**
 * A state drawn from a realistic history: two devices over a few weeks, each adding cards, reviewing them
 * (mostly Good, some Again), suspending some, changing a setting, saving, hiding and solving problems, and
 * syncing now and then. Returns what storage.sync would hold at the end.
 */
export function sampleState(seed: number, start = Date.UTC(2026, 10, 23, 9)): SyncState {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const devices = [newDevice(`d${seed % 1000}a`), newDevice(`d${seed % 1000}b`)];
  let remote = emptyState();
  let now = start;
  const steps = 40 + Math.floor(random() * 80);
  for (let i = 0; i < steps; i++) {
    now += Math.floor(random() * 8 * 3_600_000);
    const device = pick(devices);
    const r = random();
    const have = device.local.cards;
    if (r < 0.15 || have.length === 0) act(device, { kind: 'add', cardId: pick(CARD_IDS) }, now);
    else if (r < 0.7) {
      const rating = random() < 0.15 ? 1 : random() < 0.2 ? 2 : random() < 0.9 ? 3 : 4;
      act(device, { kind: 'review', cardId: pick(have).id, rating }, now);
    } else if (r < 0.77) act(device, { kind: 'suspend', cardId: pick(have).id, on: random() < 0.7 }, now);
    else if (r < 0.82) act(device, { kind: 'setting', newPerDay: 5 + Math.floor(random() * 20) }, now);
    else if (r < 0.87) act(device, { kind: 'save', slug: pick(PROBLEMS) }, now);
    else if (r < 0.9) act(device, { kind: 'hide', key: `leetcode:${pick(PROBLEMS)}` }, now);
    else if (r < 0.93) act(device, { kind: 'solve', problemId: pick(PROBLEMS) }, now);
    else remote = syncDevice(device, remote, now);
  }
  for (const device of devices) remote = syncDevice(device, remote, now);
  return remote;
}

/**
 * Cards as the tests compare them across devices: all that syncs. Where a card sits in the new-card order,
 * and when and why this device added it, stay per device.
 */
export const comparableCards = (cards: readonly CardRecord[]) =>
  [...cards].map(({ position: _p, addedAt: _a, source: _s, ...rest }) => rest).sort((a, b) => (a.id < b.id ? -1 : 1));
