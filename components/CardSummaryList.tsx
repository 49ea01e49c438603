import type { CardSummary } from '@/utils/page-view';
import { CodeText, plainText } from './CodeText';

export interface CardSummaryListProps {
  cards: readonly CardSummary[];
  /** When given, each card gets a button that opens its full answer. */
  onOpen?: (id: string) => void;
  openLabel?: string;
}

/** Questions with their short answers one click away (native details/summary: keyboard and screen-reader friendly). */
export function CardSummaryList({ cards, onOpen, openLabel = 'Full answer' }: CardSummaryListProps) {
  return (
    <ul class="aw-cards">
      {cards.map((card) => (
        <li key={card.id} class="aw-card">
          <details>
            <summary>
              <CodeText text={card.question} />
            </summary>
            <p class="aw-short">
              <CodeText text={card.short} />
            </p>
            {onOpen && (
              <button
                type="button"
                class="aw-link-button"
                // Ten cards, ten buttons: each says which card it opens.
                aria-label={`${openLabel}: ${plainText(card.question)}`}
                onClick={() => onOpen(card.id)}
              >
                {openLabel}
              </button>
            )}
          </details>
        </li>
      ))}
    </ul>
  );
}
