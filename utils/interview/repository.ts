/** The interviews table (finished mock interviews, for Stats), and feeding each answer's self-rating to the deck. */
import type { AwaitwiseDb, GradeValue, InterviewRecord } from '@/utils/db';
import { addCards, getCard } from '@/utils/srs/repository';
import { rate, type RateResult } from '@/utils/srs/review';
import type { SrsSettings } from '@/utils/srs/settings';

export function saveInterview(db: AwaitwiseDb, record: Omit<InterviewRecord, 'id'>): Promise<number> {
  return db.interviews.add(record);
}

/** Every finished interview, oldest first. */
export function listInterviews(db: AwaitwiseDb): Promise<InterviewRecord[]> {
  return db.interviews.orderBy('startedAt').toArray();
}

/**
 * Rates a question card as the user rated their interview answer. A card not yet in the deck is added first
 * (an interview question the user has now studied belongs in it); a suspended card is left alone.
 */
export async function rateInterviewAnswer(
  db: AwaitwiseDb,
  cardId: string,
  grade: GradeValue,
  now: number,
  settings: SrsSettings,
  knowledgeOrder: readonly string[],
  elapsedMs?: number,
): Promise<RateResult> {
  await addCards(db, [cardId], 'manual', now, knowledgeOrder);
  const card = await getCard(db, cardId);
  if (!card) return { ok: false, reason: 'missing', message: `Card "${cardId}" is not in your deck.` };
  return rate(db, cardId, grade, now, settings, {
    expected: { reps: card.reps, last_review: card.last_review },
    ...(elapsedMs !== undefined ? { elapsedMs } : {}),
  });
}
