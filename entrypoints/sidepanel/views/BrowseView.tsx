import { useMemo, useState } from 'preact/hooks';
import { useDb } from '@/components/hooks/use-db';
import { useLiveQuery } from '@/components/hooks/use-live-query';
import { useSearchIndex } from '@/components/hooks/use-search';
import { browseEntries, filterEntries, type BrowseEntry } from '@/utils/browse';
import { knowledge } from '@/utils/knowledge';
import type { Difficulty } from '@/utils/knowledge-types';
import { CodeText } from '@/components/CodeText';

export interface BrowseViewProps {
  /** The search query, kept in the address (`#/browse?q=`). */
  query: string;
  onQuery(query: string): void;
  onOpen(item: BrowseEntry): void;
}

const entries = browseEntries(knowledge);
const topics = knowledge.concepts;

/** Every question and practice problem, grouped by main topic; search keeps relevance order instead. */
export function BrowseView(props: BrowseViewProps) {
  const [topic, setTopic] = useState('');
  const [difficulty, setDifficulty] = useState<Difficulty | ''>('');
  const index = useSearchIndex();
  const db = useDb();
  const deck = useLiveQuery(async () => new Set(await db.cards.toCollection().primaryKeys()), []);
  const inDeck = (item: BrowseEntry) => item.kind === 'question' && deck.status === 'ready' && deck.value.has(item.id);
  const items = useMemo(
    () => filterEntries(entries, { query: index ? props.query : '', topic, difficulty }, index),
    [props.query, topic, difficulty, index],
  );
  const names = new Map(topics.map((t) => [t.id, t.name]));
  const searching = props.query.trim().length > 0;
  const groups = searching
    ? [{ topic: '', items }]
    : [...new Set(items.map((i) => i.topic))].map((topic) => ({
        topic,
        items: items.filter((i) => i.topic === topic),
      }));
  return (
    <div class="aw-browse">
      <div class="aw-search">
        <label for="browse-search" class="aw-visually-hidden">
          Search all questions
        </label>
        <input
          id="browse-search"
          type="search"
          class="aw-search-input"
          placeholder="Search all questions and problems"
          value={props.query}
          onInput={(e) => props.onQuery((e.currentTarget as HTMLInputElement).value)}
        />
      </div>
      <div class="aw-filters">
        <label>
          Topic
          <select value={topic} onChange={(e) => setTopic((e.currentTarget as HTMLSelectElement).value)}>
            <option value="">All topics</option>
            {topics.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Difficulty
          <select
            value={difficulty}
            onChange={(e) => setDifficulty((e.currentTarget as HTMLSelectElement).value as Difficulty | '')}
          >
            <option value="">Any</option>
            <option value="easy">Easy</option>
            <option value="medium">Medium</option>
            <option value="hard">Hard</option>
          </select>
        </label>
      </div>
      <p class="aw-muted" aria-live="polite">
        {items.length} {items.length === 1 ? 'item' : 'items'}
      </p>
      {items.length === 0 && <p class="aw-empty">Nothing matches. Clear the filters or try other words.</p>}
      {groups.map((group) => (
        <section key={group.topic || 'results'} class="aw-topic">
          {group.topic && <h2>{names.get(group.topic) ?? group.topic}</h2>}
          <ul class="aw-qlist">
            {group.items.map((item) => (
              <li key={`${item.kind}:${item.id}`}>
                <button type="button" class="aw-qlink" onClick={() => props.onOpen(item)}>
                  <span>
                    {item.kind === 'practice' && <span class="aw-hit-kind">Practice</span>}{' '}
                    <CodeText text={item.title} />
                  </span>
                  <span class="aw-qlink-meta">
                    {inDeck(item) && <span class="aw-chip aw-in-deck">In deck</span>}
                    <span class="aw-difficulty">{item.difficulty}</span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
