import type { SearchHit } from '@/utils/search';
import { CodeText } from './CodeText';

export interface SearchBoxProps {
  id: string;
  query: string;
  hits: readonly SearchHit[];
  /** False while the index is still loading: the list says so instead of "nothing matches". */
  ready: boolean;
  activeIndex: number;
  onQuery: (query: string) => void;
  onActive: (index: number) => void;
  onPick: (hit: SearchHit) => void;
  autoFocus?: boolean;
}

/** An ARIA combobox: type to search, arrows to move, Enter to open, Escape to clear. */
export function SearchBox({
  id,
  query,
  hits,
  ready,
  activeIndex,
  onQuery,
  onActive,
  onPick,
  autoFocus,
}: SearchBoxProps) {
  const listId = `${id}-results`;
  const expanded = query.trim().length > 0;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' && hits.length) {
      e.preventDefault();
      onActive((activeIndex + 1) % hits.length);
    } else if (e.key === 'ArrowUp' && hits.length) {
      e.preventDefault();
      onActive((activeIndex - 1 + hits.length) % hits.length);
    } else if (e.key === 'Enter') {
      const hit = hits[activeIndex];
      if (hit) {
        e.preventDefault();
        onPick(hit);
      }
    } else if (e.key === 'Escape' && query) {
      e.preventDefault();
      onQuery('');
    }
  };
  return (
    <div class="aw-search">
      <label for={id} class="aw-visually-hidden">
        Search questions and practice problems
      </label>
      <input
        id={id}
        type="search"
        class="aw-search-input"
        placeholder="Search: gather vs wait, limit concurrency…"
        autoComplete="off"
        spellcheck={false}
        role="combobox"
        list={undefined}
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && hits[activeIndex] ? `${listId}-${activeIndex}` : undefined}
        value={query}

        autoFocus={autoFocus}
        onInput={(e) => onQuery(e.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      {expanded && (
        <ul id={listId} role="listbox" class="aw-search-results" aria-label="Search results">
          {!ready && (
            <li class="aw-muted aw-search-empty" role="presentation">
              Loading the questions…
            </li>
          )}
          {ready && hits.length === 0 && (
            <li class="aw-muted aw-search-empty" role="presentation">
              Nothing matches “{query.trim()}”. Try fewer words, or a concept such as “semaphore”.
            </li>
          )}
          {hits.map((hit, i) => (
            <li
              key={hit.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === activeIndex}
              class={`aw-search-hit${i === activeIndex ? ' aw-active' : ''}`}
              onClick={() => onPick(hit)}
              onMouseMove={() => i !== activeIndex && onActive(i)}
            >
              <span class="aw-hit-kind">
                {hit.kind === 'practice' ? 'Practice' : hit.kind === 'quiz' ? 'Quiz' : 'Q'}
              </span>
              <span>
                <CodeText text={hit.title} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
