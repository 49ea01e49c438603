/**
 * The synced state as storage.sync items, within its quotas. Cards are spread over 64 items by a hash of their
 * id, so one review rewrites one small item; each card is packed as an array with times in base 36. When
 * everything does not fit, the most recently changed cards go first and the rest stay on this device only.
 */
import { isRecord } from '@/utils/is-record';
import { checkState, type CheckedState, type Ignored } from './check';
import { dict, SYNC_VERSION, type CardEntry, type SyncState } from './shape';

/** chrome.storage.sync's limits (Firefox's are the same or larger). */
export const SYNC_LIMITS = {
  QUOTA_BYTES: 102_400,
  QUOTA_BYTES_PER_ITEM: 8_192,
  MAX_ITEMS: 512,
  MAX_WRITE_OPERATIONS_PER_MINUTE: 120,
  MAX_WRITE_OPERATIONS_PER_HOUR: 1_800,
} as const;

/** Every item this extension writes starts with this, so other keys in the area are left alone. */
export const PREFIX = 'aw:';
const CARD_BUCKETS = 64;
const SAVED_BUCKETS = 4;
const HIDDEN_BUCKETS = 4;
/** Room left unused under the total quota, for rounding in how a browser counts. */
const MARGIN = 2_048;
/** Days of review counts kept per device: a year's heatmap and any streak inside it. */
const DAYS_KEPT = 371;
const SOURCES = ['manual', 'problem', 'auto'] as const;

export type Items = Record<string, unknown>;

const encoder = new TextEncoder();
/** Bytes an item takes against the quota, as Chrome counts them: its key plus its value's JSON. */
export const itemBytes = (key: string, value: unknown) =>
  encoder.encode(key).length + encoder.encode(JSON.stringify(value)).length;

/** FNV-1a: a small stable hash, so a card always lands in the same item on every device. */
function bucketOf(key: string, buckets: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) % buckets;
}
const bucketName = (prefix: string, n: number) => `${PREFIX}${prefix}${String(n).padStart(2, '0')}`;

const t = (ms: number) => (ms === 0 ? 0 : ms.toString(36));
/** A packed time back to a number; anything that is not one reads as NaN, which the entry check then refuses. */
const fromT = (value: unknown): number =>
  typeof value === 'number'
    ? value
    : typeof value === 'string' && /^[0-9a-z]{1,12}$/.test(value)
      ? parseInt(value, 36)
      : NaN;

function packCard(e: CardEntry): unknown[] {
  const packed: unknown[] = [
    e.lastReview === null ? null : t(e.lastReview),
    e.reps,
    e.rAt === (e.lastReview ?? 0) ? 0 : t(e.rAt),
    t(e.due),
    e.stability,
    e.difficulty,
    e.elapsedDays,
    e.scheduledDays,
    e.learningSteps,
    e.lapses,
    e.state,
    e.leech,
    e.suspended,
    t(e.buriedUntil),
    t(e.fAt),
    t(e.add),
    SOURCES.indexOf(e.source),
  ];
  if (e.del !== undefined) packed.push(t(e.del));
  return packed;
}

/** A packed card back to its object form; a value of any other shape is passed on for the check to refuse. */
function unpackCard(p: unknown): unknown {
  if (!Array.isArray(p) || (p.length !== 17 && p.length !== 18)) return p;
  const lastReview = p[0] === null ? null : fromT(p[0]);
  const entry: Record<string, unknown> = {
    lastReview,
    reps: p[1],
    rAt: p[2] === 0 ? (lastReview ?? 0) : fromT(p[2]),
    due: fromT(p[3]),
    stability: p[4],
    difficulty: p[5],
    elapsedDays: p[6],
    scheduledDays: p[7],
    learningSteps: p[8],
    lapses: p[9],
    state: p[10],
    leech: p[11],
    suspended: p[12],
    buriedUntil: fromT(p[13]),
    fAt: fromT(p[14]),
    add: fromT(p[15]),
    source: typeof p[16] === 'number' ? SOURCES[p[16]] : undefined,
  };
  if (p.length > 17) entry.del = fromT(p[17]);
  return entry;
}

/** How much of the state made it into the items. */
export interface ShardReport {
  items: Items;
  bytes: number;
  cardsTotal: number;
  cardsSynced: number;
  /** Saved or hidden problems and review days left out because their item was full. */
  othersLeftOut: number;
}

/** Latest time anything happened to a card: the order in which cards claim room. */
const recency = (e: CardEntry) => Math.max(e.rAt, e.fAt, e.add, e.del ?? 0);

/**
 * Fills keyed buckets newest first: an entry goes in while its item stays under the per-item limit and the
 * total under `budget`. Returns the bytes used and how many entries did not fit.
 */
function fill<T>(
  items: Items,
  entries: [key: string, value: T, time: number][],
  name: (key: string) => string,
  pack: (value: T) => unknown,
  budget: number,
): { bytes: number; leftOut: number } {
  const sizes = new Map<string, number>();
  let bytes = 0;
  let leftOut = 0;
  entries.sort((a, b) => b[2] - a[2] || (a[0] < b[0] ? -1 : 1));
  for (const [key, value, _time] of entries) {
    const item = name(key);
    const packed = pack(value);
    // An entry costs its key, quotes, colon and comma; an item's first entry also costs the item key and braces.
    const entryBytes = itemBytes(key, packed) + 4;
    const itemBytesNow = sizes.get(item) ?? encoder.encode(item).length + 2;
    const fresh = !sizes.has(item);
    if (
      itemBytesNow + entryBytes > SYNC_LIMITS.QUOTA_BYTES_PER_ITEM ||
      bytes + entryBytes + (fresh ? itemBytesNow : 0) > budget
    ) {
      leftOut++;
      continue;
    }
    ((items[item] ??= dict()) as Record<string, unknown>)[key] = packed;
    bytes += entryBytes + (fresh ? itemBytesNow : 0);
    sizes.set(item, itemBytesNow + entryBytes);
  }
  return { bytes, leftOut };
}

/** Splits a state into storage.sync items that respect every quota. */
export function toItems(state: SyncState, quota: number = SYNC_LIMITS.QUOTA_BYTES): ShardReport {
  const items: Items = { [`${PREFIX}v`]: SYNC_VERSION };
  let budget = quota - MARGIN - itemBytes(`${PREFIX}v`, SYNC_VERSION);
  let othersLeftOut = 0;
  const spend = (r: { bytes: number; leftOut: number }) => {
    budget -= r.bytes;
    othersLeftOut += r.leftOut;
  };
  // Small, and what every view reads first: settings, solved marks, review days, then saved and hidden lists.
  spend(
    fill(
      items,
      Object.entries(state.settings).map(([k, s]) => [k, s, s.at]),
      () => `${PREFIX}s`,
      (s) => [t(s.at), s.value],
      budget,
    ),
  );
  spend(
    fill(
      items,
      Object.entries(state.solved).map(([k, at]) => [k, at, at]),
      () => `${PREFIX}x`,
      (at) => t(at),
      budget,
    ),
  );
  for (const [device, days] of Object.entries(state.days).sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const recent = Object.entries(days)
      .sort((a, b) => (a[0] < b[0] ? 1 : -1))
      .slice(0, DAYS_KEPT);
    othersLeftOut += Object.keys(days).length - recent.length;
    const at = (day: string) => Date.parse(`${day}T00:00:00Z`);
    spend(
      fill(
        items,
        recent.map(([day, n]) => [day, n, at(day)]),
        () => `${PREFIX}d:${device}`,
        (n) => n,
        budget,
      ),
    );
  }
  spend(
    fill(
      items,
      Object.entries(state.saved).map(([k, s]) => [k, s, s.at]),
      (k) => bucketName('p', bucketOf(k, SAVED_BUCKETS)),
      (s) => (s.value ? [t(s.at), s.value.site, s.value.slug, s.value.title, t(s.value.savedAt)] : [t(s.at)]),
      budget,
    ),
  );
  spend(
    fill(
      items,
      Object.entries(state.hidden).map(([k, s]) => [k, s, s.at]),
      (k) => bucketName('h', bucketOf(k, HIDDEN_BUCKETS)),
      (s) => [t(s.at), s.value ? 1 : 0],
      budget,
    ),
  );
  const cards = Object.entries(state.cards).map(([id, e]): [string, CardEntry, number] => [id, e, recency(e)]);
  const cardFill = fill(items, cards, (id) => bucketName('c', bucketOf(id, CARD_BUCKETS)), packCard, budget);
  const bytes = Object.entries(items).reduce((sum, [k, v]) => sum + itemBytes(k, v), 0);
  return { items, bytes, cardsTotal: cards.length, cardsSynced: cards.length - cardFill.leftOut, othersLeftOut };
}

/**
 * Reads a state back from storage.sync items, checking every entry (`checkState`, with `now` for the clock
 * rule): a damaged or forged entry (another version, a hand edit, another device's bug) is dropped and named in
 * `ignored`, never allowed to stop the rest from syncing. Items are unpacked into maps without a prototype.
 */
export function fromItems(items: Items, now?: number): CheckedState {
  const raw = { cards: dict<unknown>(), settings: dict<unknown>(), saved: dict<unknown>(), hidden: dict<unknown>() };
  const solved = dict<unknown>();
  const days = dict<unknown>();
  const notUnderstood: Ignored[] = [];
  for (const [key, value] of Object.entries(items)) {
    if (!key.startsWith(PREFIX) || key === `${PREFIX}v`) continue;
    const name = key.slice(PREFIX.length);
    if (!isRecord(value)) {
      notUnderstood.push({ what: `item "${key}"`, why: 'expected an object' });
      continue;
    }
    const entries = Object.entries(value);
    /** An array's fields as unknown values (Array.isArray alone would type them `any`). */
    const list = (p: unknown): readonly unknown[] | null => (Array.isArray(p) ? (p as unknown[]) : null);
    const into = (target: Record<string, unknown>, unpack: (p: unknown) => unknown) => {
      for (const [k, p] of entries) target[k] = unpack(p);
    };
    if (name === 's')
      into(raw.settings, (p) => {
        const f = list(p);
        return f?.length === 2 ? { at: fromT(f[0]), value: f[1] } : p;
      });
    else if (name === 'x') into(solved, fromT);
    else if (name.startsWith('d:')) days[name.slice(2)] = value;
    else if (/^p\d\d$/.test(name))
      into(raw.saved, (p) => {
        const f = list(p);
        if (!f) return p;
        const saved =
          f.length === 5 ? { site: f[1], slug: f[2], title: f[3], savedAt: fromT(f[4]) } : f.length === 1 ? null : f;
        return { at: fromT(f[0]), value: saved };
      });
    else if (/^h\d\d$/.test(name))
      into(raw.hidden, (p) =>
        Array.isArray(p) && p.length === 2 && (p[1] === 0 || p[1] === 1) ? { at: fromT(p[0]), value: p[1] === 1 } : p,
      );
    else if (/^c\d\d$/.test(name)) into(raw.cards, unpackCard);
    else notUnderstood.push({ what: `item "${key}"`, why: 'not an item this version writes' });
  }
  const checked = checkState({ ...raw, solved, days }, now);
  return { state: checked.state, ignored: [...notUnderstood, ...checked.ignored] };
}

/** What to write and remove so that `current` becomes `next`: only items whose content changed. */
export function diffItems(current: Items, next: Items): { set: Items; remove: string[] } {
  const set: Items = {};
  for (const [key, value] of Object.entries(next)) {
    if (JSON.stringify(current[key]) !== JSON.stringify(value)) set[key] = value;
  }
  const remove = Object.keys(current).filter((key) => key.startsWith(PREFIX) && !(key in next));
  return { set, remove };
}
