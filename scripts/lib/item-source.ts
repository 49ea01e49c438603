/**
 * Where in a data/ file a problem is: the compiler's errors carry a 1-based line of the file, so a bad card
 * reads `data/questions/x.md:12: …` and an editor or terminal can jump to it.
 */
import { marked, type Token as MdToken } from 'marked';
import * as v from 'valibot';
import { parseDocument, type Document } from 'yaml';

/** A problem with one item; `line` is the file's line, when the compiler knows it. */
export class ItemError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

/** `error` with `line` attached, unless it already names a more precise one. */
export function atLine(error: unknown, line: number | undefined): unknown {
  return error instanceof ItemError && error.line === undefined ? new ItemError(error.message, line) : error;
}

const lineAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

/** Parsed YAML that can say on which line of the file a value (or its nearest present parent) is. */
export interface LocatedYaml {
  value: unknown;
  lineOf(path: readonly (string | number)[]): number | undefined;
}

/** Parses YAML that starts on line `firstLine` of its file; a syntax error names the file's line. */
export function parseYamlAt(text: string, firstLine: number, what: string): LocatedYaml {
  const doc: Document = parseDocument(text);
  const [error] = doc.errors;
  if (error) {
    // yaml's message counts lines from the start of `text` and draws the source; the file's line is ours.
    const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new ItemError(`${what} is not valid YAML: ${message}`, firstLine + (error.linePos?.[0].line ?? 1) - 1);
  }
  return {
    value: doc.toJS(),
    lineOf(path) {
      for (let n = path.length; n >= 0; n--) {
        const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
        const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
        if (range) return firstLine + lineAt(text, range[0]) - 1;
      }
      return undefined;
    },
  };
}

export interface ItemSource {
  front: LocatedYaml;
  body: string;
  /** The file's line where the body starts. */
  bodyLine: number;
}

export function splitFrontMatter(text: string): ItemSource {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) throw new ItemError('missing front matter (a --- block at the top)', 1);
  const body = match[2]!;
  return {
    front: parseYamlAt(match[1]!, 2, 'front matter'),
    body,
    bodyLine: lineAt(text, text.length - body.length),
  };
}

/** Validates `value`; an issue names its field and the line it is on (through `located`). */
export function validate<S extends v.GenericSchema>(
  schema: S,
  value: unknown,
  located?: LocatedYaml,
): v.InferOutput<S> {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const where = v.getDotPath(issue) ?? 'front matter';
  const path = (issue.path ?? []).map((item) => item.key as string | number);
  throw new ItemError(`${where}: ${issue.message}`, located?.lineOf(path));
}

const tokenLines = new WeakMap<MdToken, number>();

/** The file's line of a top-level token from lexBody. */
export const lineOfToken = (token: MdToken): number | undefined => tokenLines.get(token);

/** marked's lexer, remembering where each top-level token starts (marked itself keeps no positions). */
export function lexBody(body: string, bodyLine: number): MdToken[] {
  const tokens = marked.lexer(body);
  let offset = 0;
  for (const token of tokens) {
    // marked normalises line ends, so a raw may not appear verbatim; then the running offset is near enough.
    const at = body.indexOf(token.raw, offset);
    if (at !== -1) offset = at;
    tokenLines.set(token, bodyLine + lineAt(body, offset) - 1);
    offset += token.raw.length;
  }
  return tokens;
}
