/**
 * Highlighting travels as marks over the snippet's own text ([start, length, class] per coloured token)
 * instead of tokens that repeat the text: it roughly halves the bundled data. Rendering turns marks back
 * into lines of tokens.
 */
import type { HighlightMark, Token } from './knowledge-types';

/** Marks from lines of tokens (the build side). */
export function marksFromLines(lines: readonly (readonly Token[])[]): HighlightMark[] {
  const marks: HighlightMark[] = [];
  let offset = 0;
  lines.forEach((line, i) => {
    if (i > 0) offset += 1; // the newline between lines
    for (const token of line) {
      if (token.c) marks.push([offset, token.t.length, token.c]);
      offset += token.t.length;
    }
  });
  return marks;
}

/** Lines of tokens from the text and its marks (the rendering side). */
export function linesFromMarks(code: string, marks: readonly HighlightMark[]): Token[][] {
  const lines: Token[][] = [[]];
  const push = (text: string, c?: string) => {
    text.split('\n').forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part) lines[lines.length - 1]!.push(c ? { t: part, c } : { t: part });
    });
  };
  let at = 0;
  for (const [start, length, c] of marks) {
    if (start > at) push(code.slice(at, start));
    push(code.slice(start, start + length), c);
    at = start + length;
  }
  if (at < code.length) push(code.slice(at));
  return lines;
}
