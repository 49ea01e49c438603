/** What the overlay, popup and side panel show for a tab: derived from a detection, never from page HTML. */
import type { Detection } from '@/utils/detect';
import type { LintFinding } from '@/utils/lint';
import type { DetectIndex } from '@/utils/detect/compact';
import type { PageSnapshot } from '@/utils/page-snapshot';

export interface CardSummary {
  id: string;
  question: string;
  short: string;
}

export interface PageView {
  relevant: boolean;
  score: number;
  concepts: { id: string; name: string }[];
  practice: {
    id: string;
    title: string;
    hints: [string, string, string];
    /** The page sets the problem with threads; these hints are for its asyncio version. */
    asyncioVersionOfThreads?: boolean;
    /** The user has passed every test of this practice problem in the workbench. */
    solved?: boolean;
  } | null;
  /** Best matching question cards, best first (the overlay shows the first three). */
  cards: CardSummary[];
  findings: LintFinding[];
  /**
   * How many findings the linter produced; more than `findings.length` when the list was capped (the UI
   * then says "N more"), so a huge file degrades visibly instead of filling storage.session.
   */
  findingsTotal?: number;
}

/** The per-tab record the background keeps in storage.session. */
export interface TabState {
  tabId: number;
  problem: Pick<PageSnapshot, 'site' | 'url' | 'slug' | 'title' | 'difficulty' | 'tags' | 'generic'>;
  view: PageView;
  updatedAt: number;
  /** Set when the entry had to be cut to stay under the per-tab size cap. */
  degraded?: 'findings-capped';
}

export function buildPageView(detection: Detection, findings: LintFinding[], kb: DetectIndex): PageView {
  if (!detection.relevant)
    return { relevant: false, score: detection.score, concepts: [], practice: null, cards: [], findings: [] };
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
          ...(detection.threads ? { asyncioVersionOfThreads: true } : {}),
        }
      : null,
    cards: detection.cardIds.flatMap((id) => {
      const q = questions.get(id);
      return q ? [{ id, question: q.question, short: q.short }] : [];
    }),
    findings,
  };
}
