/** `#/quiz/<id>`: one predict-the-output quiz as practice (no rating), with adding it to the flashcards. */
import { QuizCard } from '@/components/QuizCard';
import { ConceptChips } from '@/components/ConceptChips';
import { useDb } from '@/components/hooks/use-db';
import { useSnippetRunner } from '@/components/hooks/use-snippet-runner';
import { useLiveQuery } from '@/components/hooks/use-live-query';
import { useKnowledgeItem } from '@/components/hooks/use-knowledge-item';
import { catalogue, conceptById } from '@/utils/knowledge';
import { addCards, getCard, removeCard } from '@/utils/srs/repository';
import { nextQuizId, quizOrder } from '@/utils/quiz/deck';
import { useState } from 'preact/hooks';
import '@/components/styles/review.css';

const ORDER = quizOrder(catalogue.quizzes);
const LEVELS = ['fundamentals', 'working knowledge', 'advanced'] as const;

export interface QuizViewProps {
  id: string;
  onOpenQuiz: (id: string) => void;
  onCopy?: (code: string) => void | Promise<void>;
}

export function QuizView({ id, onOpenQuiz, onCopy }: QuizViewProps) {
  const db = useDb();
  const loaded = useKnowledgeItem('quiz', id);
  const runner = useSnippetRunner();
  // Bumped by "Try again" to give the quiz a fresh instance.
  const [attempt, setAttempt] = useState(0);
  const [answered, setAnswered] = useState(false);
  const inDeckResult = useLiveQuery(async () => (await getCard(db, id)) !== undefined, [db, id]);
  if (loaded.status === 'loading')
    return (
      <p class="aw-muted" aria-busy="true">
        Loading the quiz…
      </p>
    );
  const quiz = loaded.item;
  if (!quiz) return <p class="aw-error-box">That quiz no longer exists.</p>;
  const inDeck = inDeckResult.status === 'ready' ? inDeckResult.value : null;
  const next = nextQuizId(ORDER, id);
  return (
    <section class="aw-quiz-view aw-review" aria-label="Predict the output">
      <header class="aw-review-bar">
        <h2>Predict the output</h2>
        <button
          type="button"
          class={`aw-button aw-small${inDeck ? ' aw-secondary' : ''}`}
          disabled={inDeck === null}
          onClick={() => void (inDeck ? removeCard(db, id) : addCards(db, [id], 'manual', Date.now(), ORDER))}
        >
          {inDeck ? 'Remove from flashcards' : 'Add to flashcards'}
        </button>
      </header>
      <p class="aw-meta">
        {quiz.difficulty} · {LEVELS[quiz.level - 1]}
      </p>
      <ConceptChips concepts={quiz.concepts.map((c) => ({ id: c, name: conceptById.get(c)?.name ?? c }))} />
      <QuizCard
        key={`${id}#${attempt}`}
        quiz={quiz}
        takeFocus
        onPicked={() => setAnswered(true)}
        onNext={next ? () => onOpenQuiz(next) : undefined}
        nextLabel="Next quiz"
        runner={runner}
        onCopy={onCopy}
      />
      {answered && (
        <button
          type="button"
          class="aw-link-button"
          onClick={() => {
            setAnswered(false);
            setAttempt((n) => n + 1);
          }}
        >
          Try it again
        </button>
      )}
    </section>
  );
}
