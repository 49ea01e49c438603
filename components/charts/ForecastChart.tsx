/** Cards coming due on each of the next days, as plain SVG bars with a text summary and an optional table. */
import { useId } from 'preact/hooks';
import type { DayCount } from '@/utils/srs/stats';
import { formatLongDay, formatShortDay, plural } from './day-label';

export interface ForecastChartProps {
  /** Today first, as `forecast()` returns them. */
  days: readonly DayCount[];
}

const WIDTH = 320;
const HEIGHT = 140;
const LEFT = 26;
const RIGHT = 4;
const TOP = 8;
const BOTTOM = 20;
const PLOT_W = WIDTH - LEFT - RIGHT;
const PLOT_H = HEIGHT - TOP - BOTTOM;

/** The top of the y axis: the largest count rounded up to a multiple of a step that reads well (1, 2, 5, 10…). */
export function axisMax(max: number): number {
  if (max <= 4) return Math.max(1, max);
  // At most five steps of 1, 2 or 5 times a power of ten.
  const magnitude = 10 ** Math.floor(Math.log10(max / 5));
  const step = [1, 2, 5, 10].map((f) => f * magnitude).find((s) => s >= max / 5) ?? magnitude * 10;
  return Math.ceil(max / step) * step;
}

const dayName = (i: number, key: string) => (i === 0 ? 'Today' : i === 1 ? 'Tomorrow' : formatLongDay(key));

export function forecastSummary(days: readonly DayCount[]): string {
  const total = days.reduce((sum, d) => sum + d.count, 0);
  if (total === 0) return `No reviews due in the next ${days.length} days.`;
  const week = days.slice(0, 7).reduce((sum, d) => sum + d.count, 0);
  let busiest = 0;
  days.forEach((d, i) => {
    if (d.count > days[busiest]!.count) busiest = i;
  });
  const peak = days[busiest]!;
  return (
    `${plural(total, 'review', 'reviews')} due in the next ${days.length} days: ` +
    `${days[0]!.count} today, ${week} in the next 7 days. Busiest: ${dayName(busiest, peak.dayKey)} (${peak.count}).`
  );
}

export function ForecastChart({ days }: ForecastChartProps) {
  const summaryId = useId();
  const top = axisMax(Math.max(0, ...days.map((d) => d.count)));
  const slot = PLOT_W / Math.max(1, days.length);
  const barWidth = Math.max(1, slot * 0.72);
  const y = (count: number) => TOP + PLOT_H - (count / top) * PLOT_H;
  const labelEvery = 7;

  return (
    <figure class="aw-chart aw-forecast">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={summaryId}
        preserveAspectRatio="xMidYMid meet"
      >
        {(top % 2 === 0 ? [0, top / 2, top] : [0, top]).map((tick) => (
          <g key={tick} class="aw-axis">
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(tick)} y2={y(tick)} class="aw-grid" />
            <text x={LEFT - 4} y={y(tick)} text-anchor="end" dominant-baseline="middle">
              {tick}
            </text>
          </g>
        ))}
        {days.map((day, i) => {
          const x = LEFT + i * slot;
          const barTop = y(day.count);
          return (
            <g key={day.dayKey} class="aw-forecast-day" data-day={day.dayKey}>
              <title>{`${dayName(i, day.dayKey)}: ${plural(day.count, 'card', 'cards')} due`}</title>
              {/* Full-height, invisible: the tooltip works on days with no bar to hover. */}
              <rect class="aw-hit" x={x} y={TOP} width={slot} height={PLOT_H} />
              <rect
                class={i === 0 ? 'aw-bar aw-bar-today' : 'aw-bar'}
                x={x + (slot - barWidth) / 2}
                y={barTop}
                width={barWidth}
                height={TOP + PLOT_H - barTop}
              />
            </g>
          );
        })}
        {days.map((day, i) =>
          i % labelEvery === 0 ? (
            <text key={day.dayKey} class="aw-axis" x={LEFT + i * slot + slot / 2} y={HEIGHT - 5} text-anchor="middle">
              {i === 0 ? 'Today' : formatShortDay(day.dayKey)}
            </text>
          ) : null,
        )}
      </svg>
      <figcaption id={summaryId}>{forecastSummary(days)}</figcaption>
      <details class="aw-chart-table">
        <summary>Show as a table</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Cards due</th>
            </tr>
          </thead>
          <tbody>
            {days.map((day, i) => (
              <tr key={day.dayKey}>
                <th scope="row">{dayName(i, day.dayKey)}</th>
                <td>{day.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
