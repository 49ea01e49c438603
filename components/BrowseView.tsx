import type { Concept, Difficulty } from '@/utils/knowledge-types';

export interface BrowseItem {
  id: string;
  kind: 'question' | 'practice' | 'quiz';
  title: string;
  difficulty: Difficulty;
  topic: string;
}

export interface BrowseViewProps {
  query: string;
  topic: string;
  difficulty: Difficulty | '';
  topics: readonly Concept[];
  items: readonly BrowseItem[];
  onQuery(query: string): void;
  onTopic(topic: string): void;
  onDifficulty(difficulty: Difficulty | ''): void;
  onOpen(item: BrowseItem): void;
}

/** Every question and practice problem, grouped by main topic; search keeps relevance order instead. */
export function BrowseView(props: BrowseViewProps) {
  const { items, topics } = props;
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
          <select value={props.topic} onChange={(e) => props.onTopic((e.currentTarget as HTMLSelectElement).value)}>
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
            value={props.difficulty}
            onChange={(e) => props.onDifficulty((e.currentTarget as HTMLSelectElement).value as Difficulty | '')}
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
                    {item.kind !== 'question' && (
                      <span class="aw-hit-kind">{item.kind === 'practice' ? 'Practice' : 'Quiz'}</span>
                    )}{' '}
                    {item.title}
                  </span>
                  <span class="aw-difficulty">{item.difficulty}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
