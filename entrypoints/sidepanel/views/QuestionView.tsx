/** `#/question/<id>`: one question with its full answer, and adding it to or removing it from the deck. */
import { QuestionDetail } from '@/components/QuestionDetail';
import { useDb } from '@/components/hooks/use-db';
import { useSnippetRunner } from '@/components/hooks/use-snippet-runner';
import { useLiveQuery } from '@/components/hooks/use-live-query';
import { useKnowledgeItem } from '@/components/hooks/use-knowledge-item';
import { fundamentalsFirst } from '@/utils/knowledge';
import { addCards, getCard, removeCard } from '@/utils/srs/repository';
import { conceptNames, questionTitles } from './names';

export interface QuestionViewProps {
  id: string;
  onOpenQuestion: (id: string) => void;
  onCopy: (code: string) => Promise<void>;
}

export function QuestionView({ id, onOpenQuestion, onCopy }: QuestionViewProps) {
  const db = useDb();
  const runner = useSnippetRunner();
  const loaded = useKnowledgeItem('question', id);
  const stored = useLiveQuery(async () => (await getCard(db, id)) ?? null, [id]);
  if (loaded.status === 'loading')
    return (
      <p class="aw-muted" aria-busy="true">
        Loading the question…
      </p>
    );
  const card = loaded.item;
  if (!card) return <p class="aw-error-box">That question no longer exists.</p>;
  const inDeck = stored.status === 'ready' ? stored.value !== null : null;
  return (
    <QuestionDetail
      key={card.id}
      card={card}
      conceptNames={conceptNames}
      relatedTitles={questionTitles}
      inDeck={inDeck}
      onToggleDeck={() =>
        void (inDeck ? removeCard(db, card.id) : addCards(db, [card.id], 'manual', Date.now(), fundamentalsFirst))
      }
      onOpenQuestion={onOpenQuestion}
      onCopy={onCopy}
      runner={runner}
    />
  );
}
