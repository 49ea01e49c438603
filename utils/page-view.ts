/** What the overlay, popup and side panel show for a tab: derived from a detection, never from page HTML. */
import type { Detection } from '@/utils/detect';
import type { DetectIndex } from '@/utils/detect/compact';
import type { PageSnapshot } from '@/utils/page-snapshot';

export interface CardSummary {
  id: string;
  question: string;
  short: string;
}

export interface PracticeSummary {
  id: string;
  title: string;
  hints: [string, string, string];
  /** How many tests the workbench runs on a solution ("Solve it here (N tests)"). */
  tests: number;
  /** The page sets the problem with threads; these hints are for its asyncio version. */
  asyncioVersionOfThreads?: boolean;
  /** The user has passed every test of this practice problem in the workbench. */
  solved?: boolean;
}

export interface PageView {
  relevant: boolean;
  score: number;
  concepts: { id: string; name: string }[];
  practice: PracticeSummary | null;
  /** Best matching question cards, best first (the overlay shows the first three). */
  cards: CardSummary[];
}

/** The per-tab record the background keeps in storage.session for the popup and the side panel. */
export interface TabState {
  tabId: number;
  /** The frame whose loader reported the problem (where the overlay and its findings live). */
  frameId: number;
  problem: Pick<PageSnapshot, 'site' | 'url' | 'slug' | 'title' | 'difficulty' | 'tags' | 'generic'>;
  view: PageView;
  updatedAt: number;
}

/** A problem's identity across reloads and devices: `site:slug` (hidden badges are kept by it). */
export const problemKeyOf = (problem: Pick<PageSnapshot, 'site' | 'slug'>): string => `${problem.site}:${problem.slug}`;

export function buildPageView(detection: Detection, kb: DetectIndex): PageView {
  if (!detection.relevant) return { relevant: false, score: detection.score, concepts: [], practice: null, cards: [] };
  const conceptNames = new Map(kb.concepts.map((c) => [c.id, c.name]));
  const questions = new Map(kb.questions.map((q) => [q.id, q]));
  const practice = detection.practiceId ? kb.practice.find((p) => p.id === detection.practiceId) : undefined;
  return {
    relevant: true,
    score: detection.score,
    concepts: detection.concepts.flatMap((id) => {
      const name = conceptNames.get(id);
      return name ? [{ id, name }] : [];
    }),
    practice: practice
      ? {
          id: practice.id,
          title: practice.title,
          hints: practice.hints,
          tests: practice.tests,
          ...(detection.threads ? { asyncioVersionOfThreads: true } : {}),
        }
      : null,
    cards: detection.cardIds.flatMap((id) => {
      const q = questions.get(id);
      return q ? [{ id, question: q.question, short: q.short }] : [];
    }),
  };
}
