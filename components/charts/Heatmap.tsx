/** A year of reviews as a week-by-weekday grid of squares (plain SVG), darker for busier days. */
import { useId, useLayoutEffect, useRef } from 'preact/hooks';
import type { DayCount } from '@/utils/srs/stats';
import { dayKeyDate, formatLongDay, formatMonth, formatWeekday, plural, weekdayOf } from './day-label';

export interface HeatmapProps {
  /** Oldest first, as `heatmap()` returns them. */
  days: readonly DayCount[];
}

const CELL = 9;
const GAP = 2;
const PITCH = CELL + GAP;
const LEFT = 28;
const TOP = 14;

/** Intensity 0–4: 0 for no reviews, then quarters of the busiest day. */
export function intensity(count: number, max: number): 0 | 1 | 2 | 3 | 4 {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((count / max) * 4))) as 1 | 2 | 3 | 4;
}

export function heatmapSummary(days: readonly DayCount[]): string {
  let total = 0;
  let active = 0;
  let busiest: DayCount | undefined;
  for (const day of days) {
    total += day.count;
    if (day.count > 0) active++;
    if (day.count > (busiest?.count ?? 0)) busiest = day;
  }
  if (!busiest) return `No reviews in the last ${days.length} days.`;
  return (
    `${plural(total, 'review', 'reviews')} on ${plural(active, 'day', 'days')} in the last ${days.length} days. ` +
    `Busiest: ${formatLongDay(busiest.dayKey)} (${busiest.count}).`
  );
}

export function Heatmap({ days }: HeatmapProps) {
  const summaryId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  // Rows are weekdays (Sunday first); the first column starts on the weekday of the oldest day.
  const offset = days[0] ? weekdayOf(days[0].dayKey) : 0;
  const columns = Math.ceil((days.length + offset) / 7);
  const width = LEFT + columns * PITCH;
  const height = TOP + 7 * PITCH;
  const max = Math.max(0, ...days.map((d) => d.count));

  const months: { column: number; label: string }[] = [];
  days.forEach((day, i) => {
    const date = dayKeyDate(day.dayKey);
    const column = Math.floor((i + offset) / 7);
    const previous = months[months.length - 1];
    // A label where each month begins; skipped when it would crowd the one before.
    if (date.getDate() === 1 && (!previous || column - previous.column >= 3)) {
      months.push({ column, label: formatMonth(date) });
    }
  });

  // On a narrow panel the grid scrolls sideways; start at the most recent weeks.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (el) el.scrollLeft = el.scrollWidth;
  }, [days.length]);

  return (
    <figure class="aw-chart aw-heatmap">
      {/* Focusable so keyboard users can scroll it when it overflows. */}
      <div ref={scrollRef} class="aw-heatmap-scroll" tabIndex={0} role="group" aria-label="Reviews per day, past year">
        <svg
          viewBox={`0 0 ${width} ${height}`}
          style={{ minWidth: `${Math.round(width * 0.75)}px` }}
          role="img"
          aria-labelledby={summaryId}
        >
          {months.map(({ column, label }) => (
            <text key={`${column}-${label}`} class="aw-axis" x={LEFT + column * PITCH} y={TOP - 4}>
              {label}
            </text>
          ))}
          {[1, 3, 5].map((weekday) => (
            <text
              key={weekday}
              class="aw-axis"
              x={LEFT - 4}
              y={TOP + weekday * PITCH + CELL / 2}
              text-anchor="end"
              dominant-baseline="middle"
            >
              {formatWeekday(weekday)}
            </text>
          ))}
          {days.map((day, i) => {
            const slot = i + offset;
            return (
              <rect
                key={day.dayKey}
                class={`aw-heat aw-heat-${intensity(day.count, max)}`}
                x={LEFT + Math.floor(slot / 7) * PITCH}
                y={TOP + (slot % 7) * PITCH}
                width={CELL}
                height={CELL}
                rx={2}
                data-day={day.dayKey}
              >
                <title>{`${formatLongDay(day.dayKey)}: ${plural(day.count, 'review', 'reviews')}`}</title>
              </rect>
            );
          })}
        </svg>
      </div>
      <div class="aw-heatmap-legend" aria-hidden="true">
        <span>Less</span>
        <svg viewBox={`0 0 ${5 * PITCH} ${CELL}`} width={5 * PITCH} height={CELL}>
          {[0, 1, 2, 3, 4].map((level) => (
            <rect
              key={level}
              class={`aw-heat aw-heat-${level}`}
              x={level * PITCH}
              y={0}
              width={CELL}
              height={CELL}
              rx={2}
            />
          ))}
        </svg>
        <span>More</span>
      </div>
      <figcaption id={summaryId}>{heatmapSummary(days)}</figcaption>
    </figure>
  );
}
