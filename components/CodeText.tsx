/**
 * Text from the knowledge base or the linter with its Markdown inline code (`asyncio.gather`) shown as code
 * rather than as backticks. Only code spans: the data's other Markdown is compiled at build time.
 */
export interface CodeTextProps {
  text: string;
}

/** Splits on single backticks; an unpaired backtick stays as text. */
export function inlineCodeParts(text: string): { code: boolean; text: string }[] {
  const parts: { code: boolean; text: string }[] = [];
  const pattern = /`([^`\n]+)`/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) parts.push({ code: false, text: text.slice(last, match.index) });
    parts.push({ code: true, text: match[1]! });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ code: false, text: text.slice(last) });
  return parts;
}

export function CodeText({ text }: CodeTextProps) {
  if (!text.includes('`')) return <>{text}</>;
  return <>{inlineCodeParts(text).map((part, i) => (part.code ? <code key={i}>{part.text}</code> : part.text))}</>;
}

/** The same text as a screen reader or a title attribute should have it: without the backticks. */
export const plainText = (text: string): string => text.replace(/`([^`\n]+)`/g, '$1');
