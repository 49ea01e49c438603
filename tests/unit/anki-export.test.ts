/**
 * "Export for Anki": the file parses back, line by line, into the same notes under Anki's own text-import
 * rules, and nothing from the data becomes markup.
 */
import { describe, expect, it } from 'vitest';
import { plainText } from '@/components/CodeText';
import { knowledge, questionById, quizById } from '@/utils/knowledge/all';
import type { QuestionCard } from '@/utils/knowledge-types';
import { ANKI_HEADERS, ankiFile, ankiNotes, escapeHtml, questionNote, type AnkiNote } from '@/utils/srs/anki-export';

/**
 * Anki's text import as its manual describes it (Importing → Text files): `#key:value` header lines at the top;
 * a line starting with # is a comment; fields split on the separator; a field that starts with a double quote
 * runs to the closing quote and may hold separators and newlines, with "" standing for one quote.
 */
function parseAnkiText(text: string): { headers: Map<string, string>; records: string[][] } {
  const headers = new Map<string, string>();
  let at = 0;
  while (text.startsWith('#', at)) {
    const end = text.indexOf('\n', at);
    const line = text.slice(at + 1, end === -1 ? text.length : end);
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon), line.slice(colon + 1));
    at = end === -1 ? text.length : end + 1;
  }
  const names: Record<string, string> = { tab: '\t', comma: ',', semicolon: ';', space: ' ', pipe: '|', colon: ':' };
  const raw = headers.get('separator') ?? '\t';
  const separator = names[raw.toLowerCase()] ?? raw;
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStart = true;
  for (let i = at; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
      continue;
    }
    if (fieldStart && fields.length === 0 && ch === '#') {
      // A comment line.
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
      continue;
    }
    if (fieldStart && ch === '"') {
      quoted = true;
      fieldStart = false;
    } else if (ch === separator) {
      fields.push(field);
      field = '';
      fieldStart = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      records.push(fields);
      fields = [];
      field = '';
      fieldStart = true;
    } else {
      field += ch;
      fieldStart = false;
    }
  }
  if (!fieldStart || fields.length) {
    fields.push(field);
    records.push(fields);
  }
  return { headers, records };
}

const asNote = (record: string[]): AnkiNote => ({
  front: record[0]!,
  back: record[1]!,
  tags: record[2]!.split(' ').filter(Boolean),
});

/** The text a reader sees: tags dropped, line breaks kept, entities decoded. */
const shownText = (html: string) =>
  html
    .replace(/<br>/g, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

const hostile: QuestionCard = {
  ...questionById.get('gather-basics')!,
  id: 'hostile',
  question: 'Why does `<script>alert("x")</script>` print "\tquoted"\nand more?',
  short: 'A tab\there, an ampersand & a <b>tag</b>, a "quote" and \'apostrophe\'.',
  body: [
    {
      k: 'p',
      c: [
        { k: 'text', t: '"Starts with a quote' },
        { k: 'link', href: 'https://x.test/"><script>', c: [{ k: 'text', t: 'l' }] },
        { k: 'ref', to: 'question', id: 'gather-basics', c: [{ k: 'text', t: 'see <gather>' }] },
      ],
    },
    { k: 'snippet', i: 0 },
  ],
  snippets: [
    {
      ...questionById.get('gather-basics')!.snippets[0]!,
      code: 'print("a\tb")\n</pre><img src=x onerror=alert(1)>\n',
      output: 'a\tb\n',
    },
  ],
  concepts: ['gather', 'task'],
};

describe('Export for Anki', () => {
  it('starts with the headers Anki reads, then one line per note', () => {
    const ids = [...questionById.keys()].slice(0, 5);
    const notes = ankiNotes(ids, questionById, quizById);
    const text = ankiFile(notes);
    const lines = text.split('\n');
    expect(lines.slice(0, ANKI_HEADERS.length)).toEqual([...ANKI_HEADERS]);
    expect(lines.slice(ANKI_HEADERS.length, -1)).toHaveLength(5);
    expect(text.endsWith('\n')).toBe(true);
    const { headers } = parseAnkiText(text);
    expect(Object.fromEntries(headers)).toMatchObject({
      separator: 'tab',
      html: 'true',
      deck: 'Awaitwise',
      'tags column': '3',
    });
  });

  it('parses back into the same notes, for every card and quiz there is', () => {
    const ids = [...questionById.keys(), ...quizById.keys()];
    const notes = ankiNotes(ids, questionById, quizById);
    expect(notes).toHaveLength(knowledge.questions.length + (knowledge.quizzes ?? []).length);
    const text = ankiFile(notes);
    const { records } = parseAnkiText(text);
    expect(records.every((r) => r.length === 3)).toBe(true);
    expect(records.map(asNote)).toEqual(notes);
    // Line by line: each line after the headers is one note's record.
    const lines = text.split('\n').slice(ANKI_HEADERS.length, -1);
    expect(lines.map((line) => asNote(parseAnkiText(line).records[0]!))).toEqual(notes);
    expect(notes[0]!.tags).toEqual(['awaitwise', ...questionById.get(ids[0]!)!.concepts]);
  });

  it('escapes everything from the data: no tab, newline or markup of its own survives into a field', () => {
    const note = questionNote(hostile);
    for (const field of [note.front, note.back]) {
      expect(field).not.toMatch(/[\t\n\r"]/);
      expect(field).not.toMatch(/<script|<img|<\/pre><img/i);
    }
    expect(note.front).toContain('<code>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</code>');
    expect(shownText(note.front)).toBe(plainText(hostile.question));
    expect(shownText(note.back)).toContain(hostile.short);
    expect(note.back).toContain(
      '<pre><code>print(&quot;a&#9;b&quot;)<br>&lt;/pre&gt;&lt;img src=x onerror=alert(1)&gt;</code></pre>',
    );
    expect(note.back).toContain("<a href='https://x.test/&quot;&gt;&lt;script&gt;'>l</a>");
    // A link to another card keeps its words (Anki cannot follow it).
    expect(note.back).toContain('<i>see &lt;gather&gt;</i>');
    const { records } = parseAnkiText(ankiFile([note, questionNote({ ...hostile, question: '#not a comment' })]));
    expect(records.map(asNote)).toEqual([
      note,
      { ...questionNote({ ...hostile, question: '#not a comment' }), front: '&#35;not a comment' },
    ]);
    expect(escapeHtml('a\r\nb')).toBe('a<br>b');
  });

  it("the parser follows Anki's quoting rules (so it would catch a field that needed them)", () => {
    const { records } = parseAnkiText('#separator:tab\n"a\tb\n""c"""\td\n# comment\ne\tf\n');
    expect(records).toEqual([
      ['a\tb\n"c"', 'd'],
      ['e', 'f'],
    ]);
  });
});
