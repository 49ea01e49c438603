/**
 * This device's own records, checked with the same rules as a backup's before sync derives anything from them.
 * An earlier version accepted synced entries that a backup refuses (a card with `due: 0`, a saved problem on an
 * unknown site or with a `javascript:` URL), and such records made the user's own export unrestorable. Here a
 * damaged card is repaired field by field, and what cannot be repaired is removed; the writes are returned, and
 * the repaired snapshot is what sync derives its state from, so the next sync also rewrites the synced items.
 */
import * as v from 'valibot';
import type { CardRecord, PracticeProgressRecord } from '@/utils/db';
import {
  CARD_FIELDS,
  CardIdSchema,
  PracticeIdSchema,
  ProblemKeySchema,
  SNAPSHOT_FIELDS,
  SolvedAtSchema,
} from '@/utils/records/schema';
import { CardSchema, SavedSchema } from '@/utils/srs/backup-schema';
import type { LocalSnapshot } from './local';
import type { Ignored } from './check';

export interface LocalRepair {
  /** The snapshot with every record valid. */
  local: LocalSnapshot;
  /** Cards repaired in place, and records to remove. */
  putCards: CardRecord[];
  deleteCards: string[];
  deleteSaved: string[];
  putProgress: PracticeProgressRecord[];
  /** The hidden list without its invalid keys, when it had any. */
  hidden: string[] | null;
  /** One line per record repaired or removed. */
  repaired: Ignored[];
}

const firstProblem = (schema: v.GenericSchema, value: unknown): string | undefined => {
  const parsed = v.safeParse(schema, value, { abortEarly: true });
  if (parsed.success) return undefined;
  const issue = parsed.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return path ? `${path}: ${issue.message}` : issue.message;
};

const isCardId = (id: string) => v.safeParse(CardIdSchema, id).success;

const clampInto = (value: unknown, min: number, max: number, fallback: number) =>
  typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;

/**
 * A card whose fields break the rules, rebuilt from the fields that pass: an impossible due date becomes now (the
 * card is shown again), an impossible review date "never", a number out of range the nearest allowed one.
 */
export function repairCard(card: CardRecord, now: number): CardRecord {
  const ok = <S extends v.GenericSchema>(schema: S, value: unknown, fallback: v.InferOutput<S>): v.InferOutput<S> =>
    v.is(schema, value) ? value : fallback;
  return {
    id: card.id,
    due: ok(SNAPSHOT_FIELDS.due, card.due, now),
    stability: clampInto(card.stability, 0, 36500, 0),
    difficulty: clampInto(card.difficulty, 0, 10, 0),
    elapsed_days: ok(SNAPSHOT_FIELDS.elapsed_days, card.elapsed_days, 0),
    scheduled_days: ok(SNAPSHOT_FIELDS.scheduled_days, card.scheduled_days, 0),
    learning_steps: ok(SNAPSHOT_FIELDS.learning_steps, card.learning_steps, 0),
    reps: ok(SNAPSHOT_FIELDS.reps, card.reps, 0),
    lapses: ok(SNAPSHOT_FIELDS.lapses, card.lapses, 0),
    state: ok(SNAPSHOT_FIELDS.state, card.state, 0),
    last_review: ok(SNAPSHOT_FIELDS.last_review, card.last_review, null),
    leech: ok(SNAPSHOT_FIELDS.leech, card.leech, 0),
    addedAt: ok(CARD_FIELDS.addedAt, card.addedAt, now),
    suspended: ok(CARD_FIELDS.suspended, card.suspended, 0),
    buriedUntil: ok(CARD_FIELDS.buriedUntil, card.buriedUntil, 0),
    position: ok(CARD_FIELDS.position, card.position, 0),
    source: ok(CARD_FIELDS.source, card.source, 'auto'),
  };
}

export function repairLocal(local: LocalSnapshot, now: number): LocalRepair {
  const out: LocalRepair = {
    local: { ...local, cards: [], saved: [], progress: [] },
    putCards: [],
    deleteCards: [],
    deleteSaved: [],
    putProgress: [],
    hidden: null,
    repaired: [],
  };
  for (const card of local.cards) {
    const problem = firstProblem(CardSchema, card);
    if (problem === undefined) out.local.cards.push(card);
    else if (!isCardId(card.id)) {
      out.deleteCards.push(card.id);
      out.repaired.push({ what: `card "${card.id.slice(0, 60)}"`, why: `removed (${problem})` });
    } else {
      const fixed = repairCard(card, now);
      out.local.cards.push(fixed);
      out.putCards.push(fixed);
      out.repaired.push({ what: `card "${card.id}"`, why: `repaired (${problem})` });
    }
  }
  for (const saved of local.saved) {
    const problem = firstProblem(SavedSchema, saved);
    if (problem === undefined) out.local.saved.push(saved);
    else {
      out.deleteSaved.push(saved.url);
      out.repaired.push({ what: `saved problem "${saved.url.slice(0, 60)}"`, why: `removed (${problem})` });
    }
  }
  for (const progress of local.progress) {
    // Attempts without a valid id are the workbench's business; sync leaves them out.
    if (!v.is(PracticeIdSchema, progress.problemId)) continue;
    if (progress.solvedAt !== null && !v.is(SolvedAtSchema, progress.solvedAt)) {
      const fixed = { ...progress, solvedAt: null };
      out.local.progress.push(fixed);
      out.putProgress.push(fixed);
      out.repaired.push({
        what: `solved problem "${progress.problemId}"`,
        why: `marked unsolved (${firstProblem(SolvedAtSchema, progress.solvedAt)})`,
      });
    } else out.local.progress.push(progress);
  }
  const hidden = local.hidden.filter((key) => v.is(ProblemKeySchema, key));
  if (hidden.length !== local.hidden.length) {
    out.local.hidden = hidden;
    out.hidden = hidden;
    for (const key of local.hidden.filter((k) => !hidden.includes(k)))
      out.repaired.push({
        what: `hidden badge "${key.slice(0, 60)}"`,
        why: 'removed (not a problem key of a supported site)',
      });
  }
  return out;
}
