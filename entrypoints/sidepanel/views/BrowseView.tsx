import { useMemo, useRef, useState } from 'preact/hooks';
import { solvedProblemIds } from '@/utils/practice/progress';
import { useDb } from '@/components/hooks/use-db';
import { useLiveQuery } from '@/components/hooks/use-live-query';
import { useSearchIndex } from '@/components/hooks/use-search';
import { browseEntries, filterEntries, type BrowseEntry } from '@/utils/browse';
import { catalogue } from '@/utils/knowledge';
import type { Difficulty } from '@/utils/knowledge-types';
import { CodeText } from '@/components/CodeText';

export interface BrowseViewProps {
  /** The search query, kept in the address (`#/browse?q=`). */
  query: string;
  onQuery: (query: string) => void;
  onOpen: (item: BrowseEntry) => void;
}

const entries = browseEntries(catalogue);
const topics = catalogue.concepts;

/** Every question and practice problem, grouped by main topic; search keeps relevance order instead. */
export function BrowseView(props: BrowseViewProps) {
  const [topic, setTopic] = useState('');
  const [difficulty, setDifficulty] = useState<Difficulty | ''>('');
  const index = useSearchIndex();
  const db = useDb();
  const deck = useLiveQuery(async () => new Set(await db.cards.toCollection().primaryKeys()), []);
  const inDeck = (item: BrowseEntry) => item.kind !== 'practice' && deck.status === 'ready' && deck.value.has(item.id);
  const solvedIds = useLiveQuery(() => solvedProblemIds(db), []);
  const solved = (item: BrowseEntry) =>
    item.kind === 'practice' && solvedIds.status === 'ready' && solvedIds.value.has(item.id);
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
  const listRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const links = () => [...(listRef.current?.querySelectorAll<HTMLButtonElement>('.aw-qlink') ?? [])];
  // As in the popup's search: Enter opens the first result, the arrows walk the results and back up to the box.
  const onSearchKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && items[0]) {
      e.preventDefault();
      props.onOpen(items[0]);
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      links()[0]?.focus();
    }
  };
  const onListKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const all = links();
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    if (at === -1) return;
    e.preventDefault();
    const next = at + (e.key === 'ArrowDown' ? 1 : -1);
    if (next < 0) inputRef.current?.focus();
    else all[Math.min(next, all.length - 1)]?.focus();
  };
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
          ref={inputRef}
          value={props.query}
          aria-describedby="browse-search-keys"
          onInput={(e) => props.onQuery(e.currentTarget.value)}
          onKeyDown={onSearchKey}
        />
        <span id="browse-search-keys" class="aw-visually-hidden">
          Enter opens the first result; the arrow keys move through the results.
        </span>
      </div>
      <div class="aw-filters">
        <label>
          Topic
          <select value={topic} onChange={(e) => setTopic(e.currentTarget.value)}>
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
          <select value={difficulty} onChange={(e) => setDifficulty(e.currentTarget.value as Difficulty | '')}>
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
      <div ref={listRef} onKeyDown={onListKey}>
        {groups.map((group) => (
          <section key={group.topic || 'results'} class="aw-topic">
            {group.topic && <h2>{names.get(group.topic) ?? group.topic}</h2>}
            <ul class="aw-qlist">
              {group.items.map((item) => (
                <li key={`${item.kind}:${item.id}`}>
                  <button type="button" class="aw-qlink" onClick={() => props.onOpen(item)}>
                    <span>
                      {item.kind !== 'question' && (
                        <span class="aw-hit-kind">{item.kind === 'practice' ? 'Practice' : 'Quiz'}</span>
                      )}{' '}
                      <CodeText text={item.title} />
                    </span>
                    <span class="aw-qlink-meta">
                      {inDeck(item) && <span class="aw-chip aw-in-deck">In deck</span>}
                      {solved(item) && <span class="aw-chip aw-in-deck">Solved</span>}
                      <span class="aw-difficulty">{item.difficulty}</span>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
