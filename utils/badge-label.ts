/** What the in-page badge says, the same before and after the popover's code has loaded. */
import type { PageView } from '@/utils/page-view';

/** The badge adds the top questions to the deck: the same three the popover lists. */
export const TOP_CARDS = 3;

/** "3 asyncio hints", or "2 asyncio questions" for a problem without a practice version. */
export function badgeLabel(view: Pick<PageView, 'practice' | 'cards'>): string {
  const hints = view.practice?.hints.length ?? 0;
  if (hints) return `${hints} asyncio hints`;
  const cards = Math.min(view.cards.length, TOP_CARDS);
  return `${cards} asyncio ${cards === 1 ? 'question' : 'questions'}`;
}

/** The badge's accessible name: "3 asyncio hints, 2 code findings", not "aw 3 asyncio hints 2". */
export function badgeName(label: string, findings: number): string {
  return findings > 0 ? `${label}, ${findings} code ${findings === 1 ? 'finding' : 'findings'}` : label;
}

export const BADGE_TITLE = 'Awaitwise: asyncio hints for this problem';
