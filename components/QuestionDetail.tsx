import type { QuestionCard } from '@/utils/knowledge-types';
import { ConceptChips } from './ConceptChips';
import { RichText } from './RichText';
import { CodeText } from './CodeText';
import type { SnippetRunner } from './RunnableSnippet';

export interface QuestionDetailProps {
  card: QuestionCard;
  conceptNames: ReadonlyMap<string, string>;
  relatedTitles: ReadonlyMap<string, string>;
  /** null while the deck is loading. */
  inDeck: boolean | null;
  onToggleDeck: () => void;
  onOpenQuestion: (id: string) => void;
  onCopy: (code: string) => Promise<void>;
  /** Gives the snippets Run and Try it. */
  runner?: SnippetRunner;
}

export function QuestionDetail({
  card,
  conceptNames,
  relatedTitles,
  inDeck,
  onToggleDeck,
  onOpenQuestion,
  onCopy,
  runner,
}: QuestionDetailProps) {
  const versions = Object.entries(card.versions);
  return (
    <article class="aw-question" aria-labelledby="question-title">
      <h2 id="question-title">
        <CodeText text={card.question} />
      </h2>
      <p class="aw-meta">
        {card.difficulty} · {['fundamentals', 'working knowledge', 'advanced'][card.level - 1]}
      </p>
      <ConceptChips concepts={card.concepts.map((id) => ({ id, name: conceptNames.get(id) ?? id }))} />
      <div class="aw-row">
        <button
          type="button"
          class={`aw-button${inDeck ? ' aw-secondary' : ''}`}
          disabled={inDeck === null}
          onClick={onToggleDeck}
        >
          {inDeck ? 'Remove from flashcards' : 'Add to flashcards'}
        </button>
      </div>
      <p class="aw-answer-short">
        <strong>In short: </strong>
        <CodeText text={card.short} />
      </p>
      <RichText
        blocks={card.body}
        snippets={card.snippets}
        onCopy={onCopy}
        runner={runner}
        itemId={card.id}
        timelineHint={card.timeline}
      />
      {card.pitfalls.length > 0 && (
        <section class="aw-section">
          <h3>Pitfalls</h3>
          <ul>
            {card.pitfalls.map((p, i) => (
              <li key={i}>
                <CodeText text={p} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {versions.length > 0 && (
        <section class="aw-section">
          <h3>Python versions</h3>
          <dl class="aw-versions">
            {versions.map(([version, note]) => (
              <div key={version}>
                <dt>Python {version}</dt>
                <dd>
                  <CodeText text={note} />
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {card.related.length > 0 && (
        <section class="aw-section">
          <h3>Related questions</h3>
          <ul class="aw-qlist">
            {card.related.map((id) => (
              <li key={id}>
                <button type="button" class="aw-qlink" onClick={() => onOpenQuestion(id)}>
                  <CodeText text={relatedTitles.get(id) ?? id} />
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
