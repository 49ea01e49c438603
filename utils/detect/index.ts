/**
 * Is this problem page about concurrency, and which cards help with it? A pure function of the page
 * snapshot: curated problems first, then weighted evidence from title, statement, tags and code.
 */

import type { Difficulty } from '@/utils/knowledge-types';
import type { DetectSource } from './compact';
import type { PageSnapshot, SiteId } from '@/utils/page-snapshot';
import { siteForUrl } from '@/utils/sites/registry';
import { KNOWN_LOOKALIKES, KNOWN_PROBLEMS } from './known-problems';
import { CODE_EVIDENCE_CAP, CODE_TERMS, STATEMENT_TERMS, TAG_PENALTY_FLOOR, TAG_WEIGHTS, type Term } from './terms';
import { AnchorIndex } from './anchors';

/** A snapshot or anything shaped like one (the CLI's JSON files, tests). */
export interface DetectInput {
  url?: string;
  site?: SiteId;
  slug?: string;
  title?: string;
  text?: string;
  tags?: readonly string[];
  code?: string;
}

export interface Detection {
  relevant: boolean;
  /** 0..1; relevant exactly when score ≥ RELEVANCE_THRESHOLD. */
  score: number;
  /** Concept ids, main concept first. Empty when not relevant. */
  concepts: string[];
  /** Question card ids, best first, at most 10. Empty when not relevant. */
  cardIds: string[];
  /** The practice problem whose `matches` names this page. */
  practiceId?: string;
  /**
   * The page's problem is set with threads (LeetCode's concurrency category): our hints then describe an
   * asyncio version of it, and must say so.
   */
  threads?: boolean;
  /** Human-readable evidence, for the CLI and debugging. */
  reasons: string[];
}

export interface DetectOptions {
  /** false scores on evidence alone, ignoring the curated lists (used to evaluate the evidence). */
  useKnownProblems?: boolean;
}

export const RELEVANCE_THRESHOLD = 0.5;
/** Net evidence that maps to the threshold score; see terms.ts for the scale. */
const EVIDENCE_AT_THRESHOLD = 3;
const TITLE_FACTOR = 1.5;
const TAG_CONCEPT_SHARE = 0.3;
const KNOWN_SCORE = 0.97;
const LOOKALIKE_CEILING = 0.2;
const MAX_CONCEPTS = 5;
const MAX_CARDS = 10;
/** A problem's point is in its first paragraphs; bounding the scan bounds the time on huge pages. */
const TEXT_SCAN_CAP = 8_000;
const CODE_SCAN_CAP = 10_000;
const DIFFICULTY_ORDER: Record<Difficulty, number> = { easy: 0, medium: 1, hard: 2 };

/** Maps net evidence to 0..1 so that EVIDENCE_AT_THRESHOLD lands exactly on the threshold. */
export function scoreFromEvidence(evidence: number): number {
  if (evidence <= 0) return 0;
  return 1 - 2 ** (-evidence / EVIDENCE_AT_THRESHOLD);
}

/** `site:slug` for curated lookups, from the snapshot or, failing that, from its URL. */
export function problemKey(input: DetectInput | PageSnapshot): string | undefined {
  if (input.site && input.slug) return `${input.site}:${input.slug}`;
  if (!input.url) return undefined;
  try {
    const url = new URL(input.url);
    const adapter = siteForUrl(url);
    const slug = adapter?.slug(url);
    return adapter && slug ? `${adapter.id}:${slug}` : undefined;
  } catch {
    return undefined;
  }
}

class Evidence {
  total = 0;
  readonly concepts = new Map<string, number>();
  readonly reasons: string[] = [];

  add(source: string, label: string, points: number, concepts: readonly string[], share = 1): void {
    this.total += points;
    this.reasons.push(`${source}: ${label} (${points > 0 ? '+' : ''}${Math.round(points * 100) / 100})`);
    if (points <= 0) return;
    const topical = points * share;
    concepts.forEach((id, i) => this.concepts.set(id, (this.concepts.get(id) ?? 0) + topical * (i === 0 ? 1 : 0.6)));
  }
}

function str(value: unknown, cap: number): string {
  return typeof value === 'string' ? value.slice(0, cap) : '';
}

// Built on first use, not at import: a woken service worker that only answers a navigation never needs them.
let statementAnchors: AnchorIndex | undefined;
let codeAnchors: AnchorIndex | undefined;

/** Whether `t` occurs in `text`, given the anchors present there: they rule terms out, the regex decides. */
function termMatches(t: Term, text: string, anchors: ReadonlySet<string>): boolean {
  return t.anchors.some((a) => anchors.has(a)) && t.re.test(text);
}

function scanStatement(evidence: Evidence, title: string, text: string): void {
  statementAnchors ??= new AnchorIndex(STATEMENT_TERMS);
  const inTitleAnchors = statementAnchors.present(title);
  const inTextAnchors = statementAnchors.present(text);
  for (const t of STATEMENT_TERMS) {
    const inTitle = termMatches(t, title, inTitleAnchors);
    if (!inTitle && !termMatches(t, text, inTextAnchors)) continue;
    evidence.add(inTitle ? 'title' : 'text', t.label, t.weight * (inTitle ? TITLE_FACTOR : 1), t.concepts, t.share);
  }
}

function scanTags(evidence: Evidence, tags: readonly unknown[]): void {
  let penalty = 0;
  for (const raw of tags) {
    if (typeof raw !== 'string') continue;
    const entry = TAG_WEIGHTS.get(raw.trim().toLowerCase());
    if (!entry) continue;
    if (entry.weight > 0) {
      // Tags are broad categories: strong proof of relevance, weak hints of the topic.
      evidence.add('tag', raw, entry.weight, entry.concepts, TAG_CONCEPT_SHARE);
    } else {
      const points = Math.max(entry.weight, TAG_PENALTY_FLOOR - penalty);
      if (points >= 0) continue;
      penalty += points;
      evidence.add('tag', raw, points, []);
    }
  }
}

function scanCode(evidence: Evidence, code: string): void {
  codeAnchors ??= new AnchorIndex(CODE_TERMS);
  const anchors = codeAnchors.present(code);
  let budget = CODE_EVIDENCE_CAP;
  for (const t of CODE_TERMS) {
    if (budget <= 0) break;
    if (!termMatches(t, code, anchors)) continue;
    const points = Math.min(t.weight, budget);
    budget -= points;
    evidence.add('code', t.label, points, t.concepts, t.share);
  }
}

/** Question cards ranked by overlap with the detected concepts, the main concept counting most. */
export function rankCards(kb: DetectSource, concepts: readonly string[], leading: readonly string[] = []): string[] {
  const conceptWeight = new Map(concepts.map((id, i) => [id, i === 0 ? 2 : Math.max(0.4, 1 - 0.2 * (i - 1))]));
  const leadingRank = new Map(leading.map((id, i) => [id, i]));
  const ranked = kb.questions
    .map((card) => {
      const overlap = card.concepts.reduce((sum, id, j) => sum + (conceptWeight.get(id) ?? 0) * (j === 0 ? 1.5 : 1), 0);
      return { card, overlap, lead: leadingRank.get(card.id) };
    })
    .filter((x) => x.overlap > 0 || x.lead !== undefined);
  ranked.sort(
    (a, b) =>
      (a.lead ?? Infinity) - (b.lead ?? Infinity) ||
      b.overlap - a.overlap ||
      a.card.level - b.card.level ||
      DIFFICULTY_ORDER[a.card.difficulty] - DIFFICULTY_ORDER[b.card.difficulty] ||
      a.card.id.localeCompare(b.card.id),
  );
  return ranked.slice(0, MAX_CARDS).map((x) => x.card.id);
}

export function detect(input: DetectInput | PageSnapshot, kb: DetectSource, options: DetectOptions = {}): Detection {
  const useKnown = options.useKnownProblems !== false;
  const evidence = new Evidence();
  scanStatement(evidence, str(input.title, 500).toLowerCase(), str(input.text, TEXT_SCAN_CAP).toLowerCase());
  scanTags(evidence, Array.isArray(input.tags) ? input.tags : []);
  scanCode(evidence, str(input.code, CODE_SCAN_CAP));

  let score = scoreFromEvidence(evidence.total);
  const key = problemKey(input);
  const practice = key ? kb.practice.find((p) => p.matches.includes(key)) : undefined;
  const lookalike = key !== undefined && KNOWN_LOOKALIKES.has(key);
  // A practice problem that names this page is curation too (the knowledge base vouches for it),
  // unless the page is a listed look-alike: then the mismatch is in the data, and it stays out.
  const known = useKnown && key ? (KNOWN_PROBLEMS[key] ?? (lookalike ? undefined : practice?.concepts)) : undefined;
  if (known) {
    score = Math.max(score, KNOWN_SCORE);
    evidence.reasons.unshift(
      KNOWN_PROBLEMS[key!] ? `known problem ${key}` : `practice problem ${practice?.id} matches ${key}`,
    );
    known.forEach((id, i) => evidence.concepts.set(id, (evidence.concepts.get(id) ?? 0) + 100 - i));
  } else if (useKnown && lookalike) {
    score = Math.min(score, LOOKALIKE_CEILING);
    evidence.reasons.unshift(`known look-alike ${key}`);
  }
  score = Math.round(score * 1000) / 1000;
  const relevant = score >= RELEVANCE_THRESHOLD;
  if (!relevant) return { relevant, score, concepts: [], cardIds: [], reasons: evidence.reasons };

  const weights = [...evidence.concepts].sort((a, b) => b[1] - a[1]);
  const top = weights[0]?.[1] ?? 0;
  const concepts = weights
    .filter(([, w]) => w >= top * 0.25)
    .slice(0, MAX_CONCEPTS)
    .map(([id]) => id);
  const detection: Detection = {
    relevant,
    score,
    concepts,
    cardIds: rankCards(kb, concepts, practice?.cards ?? []),
    reasons: evidence.reasons,
  };
  if (practice) detection.practiceId = practice.id;
  const curated = key ? KNOWN_PROBLEMS[key] : undefined;
  const text = `${str(input.title, 500)} ${str(input.text, TEXT_SCAN_CAP)}`.toLowerCase();
  if (curated?.includes('threading') || (/\bthreads?\b/.test(text) && !/\basyncio\b/.test(text)))
    detection.threads = true;
  return detection;
}
