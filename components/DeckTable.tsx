/**
 * The deck browser's table: one row group per card (its question, state and topic, then its due date,
 * interval, reviews and lapses under sortable column headers), a checkbox per card for acting on several,
 * and "Card info" per card. Props only: the view owns the data and the actions.
 */
import type { CardRecord, ReviewLogRecord } from '@/utils/db';
import {
  SORT_LABELS,
  STATE_LABELS,
  formatDue,
  formatIntervalDays,
  type DeckSort,
  type DeckState,
  type SortKey,
} from '@/utils/srs/deck-table';
import type { DeckAction } from '@/utils/srs/card-actions';
import { CardInfo } from './CardInfo';
import { CodeText, plainText } from './CodeText';

export interface DeckTableRow {
  card: CardRecord;
  title: string;
  state: DeckState;
  topicName: string | undefined;
}

export interface DeckTableProps {
  rows: readonly DeckTableRow[];
  sort: DeckSort;
  /** What `order` means right now: the deck's own order, or relevance to the search. */
  orderName: string;
  selected: ReadonlySet<string>;
  /** The card whose info is open, with its history (undefined while it loads). */
  info: { id: string; history: readonly ReviewLogRecord[] | undefined } | null;
  now: number;
  dayStartHour: number;
  onSort: (key: Exclude<SortKey, 'order'>) => void;
  onSelect: (ids: readonly string[], selected: boolean) => void;
  onInfo: (id: string | null) => void;
  onOpen: (id: string) => void;
  onAction: (ids: readonly string[], action: DeckAction) => void;
}

const COLUMNS = Object.keys(SORT_LABELS) as Exclude<SortKey, 'order'>[];

const SORT_WORDS: Readonly<Record<Exclude<SortKey, 'order'>, [string, string]>> = {
  due: ['soonest first', 'latest first'],
  interval: ['shortest first', 'longest first'],
  reviews: ['fewest first', 'most first'],
  lapses: ['fewest first', 'most first'],
};

export function sortDescription(sort: DeckSort, orderName: string): string {
  if (sort.key === 'order') return `in ${orderName}`;
  return `by ${SORT_LABELS[sort.key].toLowerCase()}, ${SORT_WORDS[sort.key][sort.descending ? 1 : 0]}`;
}

export function DeckTable(props: DeckTableProps) {
  const { rows, sort, selected, info, now, dayStartHour } = props;
  const shownIds = rows.map((r) => r.card.id);
  const shownSelected = shownIds.filter((id) => selected.has(id)).length;
  return (
    <>
      <label class="aw-deck-select-all">
        <input
          type="checkbox"
          checked={shownSelected > 0 && shownSelected === shownIds.length}
          indeterminate={shownSelected > 0 && shownSelected < shownIds.length}
          onChange={(e) => props.onSelect(shownIds, e.currentTarget.checked)}
        />
        Select all {rows.length} shown
      </label>
      <table class="aw-deck-table">
        <caption class="aw-visually-hidden">Your cards, {sortDescription(sort, props.orderName)}</caption>
        <colgroup>
          {COLUMNS.map((key) => (
            <col key={key} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {COLUMNS.map((key) => {
              const active = sort.key === key;
              return (
                <th
                  key={key}
                  scope="col"
                  aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : undefined}
                >
                  <button type="button" class="aw-sort" onClick={() => props.onSort(key)}>
                    {SORT_LABELS[key]}
                    <span aria-hidden="true" class="aw-sort-mark">
                      {active ? (sort.descending ? '▼' : '▲') : ''}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        {rows.map((row) => {
          const { card } = row;
          const name = plainText(row.title);
          const open = info?.id === card.id;
          return (
            <tbody key={card.id} class="aw-deck-card" data-testid="deck-row">
              <tr>
                <th scope="rowgroup" colSpan={COLUMNS.length}>
                  <div class="aw-deck-head">
                    <input
                      type="checkbox"
                      aria-label={`Select “${name}”`}
                      checked={selected.has(card.id)}
                      onChange={(e) => props.onSelect([card.id], e.currentTarget.checked)}
                    />
                    <button type="button" class="aw-qlink" onClick={() => props.onOpen(card.id)}>
                      {/* One flex item: the text and its code spans flow as a sentence. */}
                      <span>
                        <CodeText text={row.title} />
                      </span>
                    </button>
                  </div>
                  <div class="aw-deck-meta">
                    <span class={`aw-chip aw-state-${row.state}`}>{STATE_LABELS[row.state]}</span>
                    {row.topicName && <span class="aw-muted">{row.topicName}</span>}
                    <button
                      type="button"
                      class="aw-link-button aw-deck-info-toggle"
                      aria-expanded={open}
                      aria-controls={`info-${card.id}`}
                      aria-label={`Card info: ${name}`}
                      onClick={() => props.onInfo(open ? null : card.id)}
                    >
                      Card info
                    </button>
                  </div>
                </th>
              </tr>
              <tr class="aw-deck-figures">
                <td>{formatDue(card, now, dayStartHour)}</td>
                <td>{formatIntervalDays(card)}</td>
                <td>{card.reps}</td>
                <td>{card.lapses}</td>
              </tr>
              {open && (
                <tr>
                  <td colSpan={COLUMNS.length} id={`info-${card.id}`} class="aw-deck-info">
                    <CardInfo card={card} history={info.history} />
                    <div class="aw-deck-actions" role="group" aria-label={`Actions for “${name}”`}>
                      {[
                        card.suspended ? ('unsuspend' as const) : ('suspend' as const),
                        'reset' as const,
                        'remove' as const,
                      ].map((action) => (
                        <button
                          key={action}
                          type="button"
                          class="aw-button aw-secondary aw-small"
                          disabled={action === 'reset' && card.state === 0 && card.reps === 0}
                          aria-label={`${ACTION_LABELS[action]} “${name}”`}
                          onClick={() => props.onAction([card.id], action)}
                        >
                          {ACTION_LABELS[action]}
                        </button>
                      ))}
                    </div>
                  </td>
                </tr>
              )}
            </tbody>
          );
        })}
      </table>
    </>
  );
}

export const ACTION_LABELS: Readonly<Record<DeckAction, string>> = {
  suspend: 'Suspend',
  unsuspend: 'Unsuspend',
  bury: 'Bury',
  reset: 'Reset',
  remove: 'Remove',
};
