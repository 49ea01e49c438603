/**
 * The popup's parts that read the flashcard database: loaded after the popup's first paint (the database
 * library is most of the popup's code), in place of their placeholders.
 */
import { useDb } from '@/components/hooks/use-db';
import { useLiveQuery } from '@/components/hooks/use-live-query';
import { listSaved, removeSaved } from '@/utils/saved';
import type { SrsSettings } from '@/utils/srs/settings';
import { dueCountToday } from '@/utils/srs/queue';

export function DueToday({ srs, onReview }: { srs: SrsSettings; onReview: () => void }) {
  const db = useDb();
  const due = useLiveQuery(() => dueCountToday(db, Date.now(), srs), [srs]);
  if (due.status === 'error')
    return <span class="aw-error-box">Could not read your flashcards: {due.error.message}</span>;
  if (due.status === 'loading') return <span class="aw-muted">Counting…</span>;
  return (
    <>
      <span data-testid="due-count">
        <strong>{due.value.total}</strong> {due.value.total === 1 ? 'card' : 'cards'} due today
      </span>
      {due.value.total > 0 && (
        <button type="button" class="aw-button" onClick={onReview}>
          Review now
        </button>
      )}
    </>
  );
}

export function SavedList() {
  const db = useDb();
  const saved = useLiveQuery(() => listSaved(db), []);
  if (saved.status === 'error') return <p class="aw-error-box">Could not read saved problems: {saved.error.message}</p>;
  if (saved.status === 'loading') return <p class="aw-muted">Loading…</p>;
  if (saved.value.length === 0)
    return <p class="aw-muted">Nothing saved yet. Use “Save for later” in the side panel on a problem page.</p>;
  return (
    <ul class="aw-saved" data-testid="saved-list">
      {saved.value.slice(0, 6).map((item) => (
        <li key={item.url}>
          <a href={item.url} target="_blank" rel="noreferrer">
            {item.title || item.slug}
          </a>
          <button
            type="button"
            class="aw-link-button"
            aria-label={`Remove ${item.title || item.slug} from saved`}
            onClick={() => void removeSaved(db, item.url)}
          >
            Remove
          </button>
        </li>
      ))}
    </ul>
  );
}
