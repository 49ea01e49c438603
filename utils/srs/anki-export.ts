/**
 * "Export for Anki": the cards as a text file Anki imports as it is (File → Import, Anki 2.1.55 or later, or
 * 2.1.54 with the new importer), one note per line, Basic note type: the question, the answer as HTML, and
 * the tags. Every piece of text from the data is escaped; the only markup is the one written here (with
 * attributes in single quotes). A field never holds a raw tab, newline or double quote (they become `&#9;`,
 * `<br>` and `&quot;`), so no field needs Anki's CSV quoting and each line is exactly one note.
 */
import type { Block, Inline, QuestionCard, QuizItem } from '@/utils/knowledge-types';
import { CHOICE_LETTERS, choiceOrder } from '@/utils/quiz/answer';

export interface AnkiNote {
  /** HTML. */
  front: string;
  /** HTML. */
  back: string;
  /** Anki tags: no spaces inside one. */
  tags: string[];
}

/** The headers Anki reads from the top of the file (manual: Importing → Text files → File headers). */
export const ANKI_HEADERS = [
  '#separator:tab',
  '#html:true',
  '#notetype:Basic',
  '#deck:Awaitwise',
  '#columns:Front\tBack\tTags',
  '#tags column:3',
] as const;

/** Text as HTML: the five special characters as entities, tabs as `&#9;`, line breaks as `<br>`. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/\t/g, '&#9;')
    .replace(/\r\n?|\n/g, '<br>');
}

/** Text with Markdown code spans (`asyncio.gather`), as the cards' questions and short answers have. */
function codeSpans(text: string): string {
  return text
    .split(/`([^`\n]+)`/)
    .map((part, i) => (i % 2 ? `<code>${escapeHtml(part)}</code>` : escapeHtml(part)))
    .join('');
}

function inline(nodes: readonly Inline[]): string {
  return nodes
    .map((node): string => {
      switch (node.k) {
        case 'text':
          return escapeHtml(node.t);
        case 'code':
          return `<code>${escapeHtml(node.t)}</code>`;
        case 'strong':
          return `<b>${inline(node.c)}</b>`;
        case 'em':
          return `<i>${inline(node.c)}</i>`;
        case 'link':
          // The data allows https links only (checked when it is compiled); the address is escaped all the same.
          return `<a href='${escapeHtml(node.href)}'>${inline(node.c)}</a>`;
        case 'ref':
          // A link to another card: Anki cannot open it, so its words stay, marked as a reference.
          return `<i>${inline(node.c)}</i>`;
      }
    })
    .join('');
}

const pre = (code: string) => `<pre><code>${escapeHtml(code.replace(/\s+$/, ''))}</code></pre>`;

function blocks(body: readonly Block[], snippets: QuestionCard['snippets']): string {
  return body
    .map((block) => {
      switch (block.k) {
        case 'p':
          return `<p>${inline(block.c)}</p>`;
        case 'ul':
        case 'ol':
          return `<${block.k}>${block.items.map((item) => `<li>${inline(item)}</li>`).join('')}</${block.k}>`;
        case 'snippet': {
          const snippet = snippets[block.i];
          if (!snippet) return '';
          const output = snippet.output === undefined ? '' : `<p>Output:</p>${pre(snippet.output)}`;
          return pre(snippet.code) + output;
        }
      }
    })
    .join('');
}

const tagsOf = (concepts: readonly string[]) => ['awaitwise', ...concepts].map((t) => t.replace(/\s+/g, '_'));

export function questionNote(card: QuestionCard): AnkiNote {
  return {
    front: codeSpans(card.question),
    back: `<p><b>${codeSpans(card.short)}</b></p>${blocks(card.body, card.snippets)}`,
    tags: tagsOf(card.concepts),
  };
}

/** A quiz: the code and its choices in the order the extension shows them, so the letters agree. */
export function quizNote(quiz: QuizItem): AnkiNote {
  const order = choiceOrder(quiz.id, quiz.choices.length);
  const choices = order
    .map((i, position) => `<li>${CHOICE_LETTERS[position]}. ${pre(quiz.choices[i]!.text)}</li>`)
    .join('');
  const right = order.findIndex((i) => quiz.choices[i]!.correct);
  const correct = quiz.choices[order[right]!]!;
  return {
    front: `<p>${escapeHtml(quiz.prompt)}</p>${pre(quiz.snippets[0].code)}<ul>${choices}</ul>`,
    back: `<p><b>${CHOICE_LETTERS[right]}</b></p>${pre(correct.text)}<p>${escapeHtml(correct.explanation)}</p>`,
    tags: [...tagsOf(quiz.concepts), 'quiz'],
  };
}

/** One line per note: fields joined by tabs, tags by spaces. A line starting with # would be read as a comment. */
export function ankiLine(note: AnkiNote): string {
  return [note.front.replace(/^#/, '&#35;'), note.back, note.tags.join(' ')].join('\t');
}

/** The whole file: headers, then one note per line, ending with a newline. */
export function ankiFile(notes: readonly AnkiNote[]): string {
  return [...ANKI_HEADERS, ...notes.map(ankiLine)].join('\n') + '\n';
}

/** Notes for the given card ids, in that order; ids the knowledge base does not have are left out. */
export function ankiNotes(
  ids: readonly string[],
  questions: ReadonlyMap<string, QuestionCard>,
  quizzes: ReadonlyMap<string, QuizItem>,
): AnkiNote[] {
  return ids.flatMap((id) => {
    const question = questions.get(id);
    if (question) return [questionNote(question)];
    const quiz = quizzes.get(id);
    return quiz ? [quizNote(quiz)] : [];
  });
}
