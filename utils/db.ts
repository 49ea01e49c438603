/**
 * The extension's one IndexedDB database. Every schema version stays declared so Dexie can upgrade any older
 * database a user still has; repository functions take the db so tests can use a throwaway database.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { SiteId } from '@/utils/page-snapshot';
import type { CardSource } from '@/utils/records/schema';

/** A problem the user saved to practise later. */
export interface SavedProblem {
  url: string;
  site: SiteId;
  slug: string;
  title: string;
  savedAt: number;
}

/** 0 New, 1 Learning, 2 Review, 3 Relearning: the numeric values of ts-fsrs `State`. */
export type CardStateValue = 0 | 1 | 2 | 3;

/**
 * The scheduling part of a card: ts-fsrs `Card` with dates as epoch ms (IndexedDB indexes numbers, and numbers
 * survive JSON backups unchanged), plus `leech` because a rating can set it and undo must restore it.
 */
export interface CardSnapshot {
  due: number;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: CardStateValue;
  last_review: number | null;
  leech: 0 | 1;
}

/** A flashcard's state, keyed by the knowledge base's question-card id. Flags are 0/1 because booleans cannot be indexed. */
export interface CardRecord extends CardSnapshot {
  id: string;
  addedAt: number;
  suspended: 0 | 1;
  /** Hidden from the queue until this time (ms); 0 when not buried. */
  buriedUntil: number;
  /** New-card order: lower comes first; problem-sourced cards get positions below every other card. */
  position: number;
  source: CardSource;
}

/** Ratings as ts-fsrs numbers: 1 Again, 2 Hard, 3 Good, 4 Easy. */
export type GradeValue = 1 | 2 | 3 | 4;

/** One rating, with the card before and after so it can be undone and replayed. */
export interface ReviewLogRecord {
  id: number;
  cardId: string;
  rating: GradeValue;
  reviewedAt: number;
  /** Study day (`YYYY-MM-DD`, honouring the day start hour in force at review time). */
  dayKey: string;
  before: CardSnapshot;
  after: CardSnapshot;
  /** Time the user took to answer, when the view measured it. */
  elapsedMs?: number;
}

/** Version 1's stores, as shipped by the foundation; exported so the migration test opens the real thing. */
export const V1_STORES = { saved: 'url, savedAt' } as const;

/**
 * Version 2 adds the flashcards. The due queue reads `[suspended+state+due]` (learning and reviews by due) and
 * `[suspended+state+position]` (new cards in order); `position` finds the ends of the new-card order.
 */
export const V2_STORES = {
  cards: 'id, [suspended+state+due], [suspended+state+position], position, addedAt',
  reviewLogs: '++id, cardId, reviewedAt, dayKey',
} as const;

/** The user's edited copy of a snippet ("Try it"), or their code for a practice problem. */
export interface DraftRecord {
  /** `snippet:<item id>#<n>` for a knowledge snippet, `practice:<problem id>` for a workbench file. */
  key: string;
  code: string;
  updatedAt: number;
}

/** One "Run tests" in the practice workbench. */
export interface PracticeAttemptRecord {
  id: number;
  problemId: string;
  at: number;
  passed: 0 | 1;
  testsPassed: number;
  testsTotal: number;
}

/** Per problem: when it was first solved (all tests passed); absent until then. */
export interface PracticeProgressRecord {
  problemId: string;
  attempts: number;
  solvedAt: number | null;
  lastAttemptAt: number;
}

/** A finished mock interview, kept for Stats. */
export interface InterviewRecord {
  id: number;
  startedAt: number;
  finishedAt: number;
  /** One entry per question asked, in order. */
  questions: InterviewAnswerRecord[];
}

/** One step of a mock interview as it was answered. */
export interface InterviewAnswerRecord {
  /** A question card id, or for a practice step the practice problem id. */
  cardId: string;
  /** Absent on records from before practice steps existed: a question. */
  kind?: 'question' | 'practice';
  /** The item's main concept, so Stats can name weak topics even if the card later leaves the knowledge base. */
  topic?: string;
  ms: number;
  pointsCovered: number;
  pointsTotal: number;
  rating: GradeValue;
  /** What the user typed (kept so they can reread it). */
  answer: string;
}

/** Version 3 adds editor drafts, practice progress and mock-interview history: new tables only. */
export const V3_STORES = {
  drafts: 'key, updatedAt',
  practiceAttempts: '++id, problemId, at',
  practiceProgress: 'problemId, solvedAt',
  interviews: '++id, startedAt',
} as const;

/** What the last sync merged (one row, key `state`): the base that tells a local change from an old value. */
export interface SyncShadowRecord {
  key: 'state';
  state: import('@/utils/sync/shape').SyncState;
}

/** Reviews another device made on a study day, from storage.sync, so streak and heatmap count them. */
export interface RemoteDayRecord {
  device: string;
  dayKey: string;
  count: number;
}

/** Version 4 adds sync (utils/sync): the last merged state and other devices' daily review counts. New tables only. */
export const V4_STORES = {
  syncShadow: 'key',
  remoteDays: '[device+dayKey], dayKey',
} as const;

export class AwaitwiseDb extends Dexie {
  declare saved: EntityTable<SavedProblem, 'url'>;
  declare cards: EntityTable<CardRecord, 'id'>;
  declare reviewLogs: EntityTable<ReviewLogRecord, 'id'>;
  declare drafts: EntityTable<DraftRecord, 'key'>;
  declare practiceAttempts: EntityTable<PracticeAttemptRecord, 'id'>;
  declare practiceProgress: EntityTable<PracticeProgressRecord, 'problemId'>;
  declare interviews: EntityTable<InterviewRecord, 'id'>;
  declare syncShadow: EntityTable<SyncShadowRecord, 'key'>;
  declare remoteDays: Dexie.Table<RemoteDayRecord, [string, string]>;

  constructor(name: string) {
    super(name);
    this.version(1).stores(V1_STORES);
    // New tables only: existing `saved` rows need no upgrade().
    this.version(2).stores(V2_STORES);
    this.version(3).stores(V3_STORES);
    this.version(4).stores(V4_STORES);
  }
}

export const DB_NAME = 'awaitwise';

export function openDb(name = DB_NAME): AwaitwiseDb {
  return new AwaitwiseDb(name);
}
