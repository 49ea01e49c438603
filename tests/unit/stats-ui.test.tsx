import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { axisMax, ForecastChart, forecastSummary } from '@/components/charts/ForecastChart';
import { Heatmap, intensity } from '@/components/charts/Heatmap';
import { formatPercent, StatsPanel } from '@/components/StatsPanel';
import { StatsView } from '@/entrypoints/sidepanel/views/StatsView';
import { WithDb } from './with-db';
import { openDb, type AwaitwiseDb } from '@/utils/db';
import { addDays } from '@/utils/srs/day';
import { addCards } from '@/utils/srs/repository';
import { rate } from '@/utils/srs/review';
import { Rating } from '@/utils/srs/scheduler';
import { DEFAULT_SRS_SETTINGS } from '@/utils/srs/settings';
import type { DayCount, StudyStats } from '@/utils/srs/stats';

const T0 = new Date(2025, 2, 10, 15, 0).getTime();

const opened: AwaitwiseDb[] = [];
afterEach(async () => {
  cleanup();
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

const series = (first: string, counts: readonly number[]): DayCount[] =>
  counts.map((count, i) => ({ dayKey: addDays(first, i), count }));

const forecastDays = series(
  '2025-03-10',
  Array.from({ length: 30 }, (_, i) => (i === 0 ? 5 : i === 3 ? 9 : i % 4)),
);

/** A year ending 2025-03-10 with reviews on three days, the busiest on 2025-02-01. */
function yearOfReviews(days = 365): DayCount[] {
  const first = addDays('2025-03-10', -(days - 1));
  const counts = new Map([
    ['2025-03-10', 3],
    ['2025-02-01', 12],
    ['2024-06-15', 1],
  ]);
  return Array.from({ length: days }, (_, i) => {
    const key = addDays(first, i);
    return { dayKey: key, count: counts.get(key) ?? 0 };
  });
}

describe('ForecastChart', () => {
  it('draws 30 bars, each with a title, and says the totals in words', () => {
    render(<ForecastChart days={forecastDays} />);
    const bars = document.querySelectorAll('svg .aw-forecast-day');
    expect(bars).toHaveLength(30);
    const titles = [...bars].map((bar) => bar.querySelector('title')?.textContent);
    expect(titles[0]).toBe('Today: 5 cards due');
    expect(titles[1]).toBe('Tomorrow: 1 card due');
    expect(titles[2]).toMatch(/: 2 cards due$/);
    expect(titles.every((t) => t && /\d+ cards? due$/.test(t))).toBe(true);
    // The busiest day has the tallest bar, an empty day none.
    const heights = [...document.querySelectorAll('svg .aw-bar')].map((r) => Number(r.getAttribute('height')));
    expect(Math.max(...heights)).toBe(heights[3]);
    expect(heights[4]).toBe(0);

    const total = forecastDays.reduce((sum, d) => sum + d.count, 0);
    const chart = screen.getByRole('img');
    expect(chart.getAttribute('aria-labelledby')).toBeTruthy();
    const summary = document.getElementById(chart.getAttribute('aria-labelledby')!)!.textContent;
    expect(summary).toContain(`${total} reviews due in the next 30 days: 5 today, 20 in the next 7 days.`);
    expect(summary).toContain('(9)');
    expect(screen.getByText('Today', { selector: 'text' })).toBeTruthy();
  });

  it('offers the same figures as a table', () => {
    render(<ForecastChart days={forecastDays} />);
    fireEvent.click(screen.getByText('Show as a table'));
    const rows = within(screen.getByRole('table')).getAllByRole('row');
    expect(rows).toHaveLength(31);
    expect(rows[1]!.textContent).toBe('Today5');
  });

  it('says so when nothing is due, and scales its axis to round numbers', () => {
    expect(forecastSummary(series('2025-03-10', new Array(30).fill(0)))).toBe('No reviews due in the next 30 days.');
    expect([0, 3, 7, 13, 48, 230].map(axisMax)).toEqual([1, 3, 8, 15, 50, 250]);
  });
});

describe('Heatmap', () => {
  it('has a cell with a dated title for each of 365 days, shaded by intensity, and a legend', () => {
    render(<Heatmap days={yearOfReviews()} />);
    const cells = document.querySelectorAll('.aw-heatmap-scroll rect.aw-heat');
    expect(cells).toHaveLength(365);
    const byDay = new Map([...cells].map((c) => [c.getAttribute('data-day'), c]));
    const busiest = byDay.get('2025-02-01')!;
    expect(busiest.querySelector('title')?.textContent).toMatch(/2025.*: 12 reviews$/);
    expect(busiest.classList.contains('aw-heat-4')).toBe(true);
    expect(byDay.get('2025-03-10')!.classList.contains('aw-heat-1')).toBe(true);
    expect(byDay.get('2025-03-10')!.querySelector('title')?.textContent).toMatch(/: 3 reviews$/);
    expect(byDay.get('2024-06-15')!.querySelector('title')?.textContent).toMatch(/: 1 review$/);
    expect(byDay.get('2025-03-09')!.classList.contains('aw-heat-0')).toBe(true);
    expect([...cells].every((c) => c.querySelector('title')?.textContent)).toBe(true);

    // 53 week columns by 7 weekday rows; 2025-03-10 was a Monday (row 1).
    const xs = new Set([...cells].map((c) => c.getAttribute('x')));
    const ys = new Set([...cells].map((c) => c.getAttribute('y')));
    expect(xs.size).toBe(53);
    expect(ys.size).toBe(7);
    expect(byDay.get('2025-03-10')!.getAttribute('y')).toBe([...ys].sort((a, b) => Number(a) - Number(b))[1]);

    expect(screen.getByText('Less')).toBeTruthy();
    expect(document.querySelectorAll('.aw-heatmap-legend rect')).toHaveLength(5);
    expect(screen.getByText(/16 reviews on 3 days in the last 365 days\./)).toBeTruthy();
  });

  it('lays out a leap year of 366 days', () => {
    render(<Heatmap days={yearOfReviews(366)} />);
    expect(document.querySelectorAll('.aw-heatmap-scroll rect.aw-heat')).toHaveLength(366);
  });

  it('grades intensity in quarters of the busiest day', () => {
    expect([0, 1, 3, 6, 9, 12].map((n) => intensity(n, 12))).toEqual([0, 1, 1, 2, 3, 4]);
    expect(intensity(0, 0)).toBe(0);
  });
});

const baseStats: StudyStats = {
  forecast: forecastDays,
  streak: 5,
  heatmap: yearOfReviews(),
  trueRetention: 0.925,
  cardsByState: { new: 10, learning: 2, review: 30, relearning: 1, suspended: 3, leech: 1 },
};

describe('StatsPanel', () => {
  it('shows streak, retention and cards by state', () => {
    render(<StatsPanel stats={baseStats} />);
    expect(screen.getByText('5 days')).toBeTruthy();
    expect(screen.getByText('92.5%')).toBeTruthy();
    const table = document.querySelector('.aw-state-table')!;
    const rows = [...table.querySelectorAll('tr')].map((tr) => tr.textContent);
    expect(rows).toEqual(['New10', 'Learning2', 'Review30', 'Relearning1', 'Suspended3', 'Total46']);
    expect(screen.getByText(/1 leech \(cards forgotten 8 or more times\)/)).toBeTruthy();
  });

  it('shows a dash and why when there is no retention data', () => {
    render(<StatsPanel stats={{ ...baseStats, trueRetention: null, streak: 0 }} />);
    const value = screen.getByText('—');
    expect(value.closest('.aw-stat')?.textContent).toContain('No answers to review cards in the last 30 days yet.');
    expect(screen.getByText('0 days')).toBeTruthy();
    expect(screen.getByText('Review today to start a streak.')).toBeTruthy();
  });

  it('formats retention to one decimal', () => {
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0.8666)).toBe('86.7%');
  });
});

describe('StatsView against a database', () => {
  it('loads the figures and follows new reviews live', async () => {
    const db = openDb(`test-stats-${crypto.randomUUID()}`);
    opened.push(db);
    await addCards(db, ['a', 'b'], 'manual', T0 - 86_400_000);
    const rateNow = async (id: string) => {
      const card = (await db.cards.get(id))!;
      const result = await rate(db, id, Rating.Good, T0, DEFAULT_SRS_SETTINGS, { expected: card });
      expect(result.ok).toBe(true);
    };
    await rateNow('a');
    render(
      <WithDb db={db} now={() => T0}>
        <StatsView />
      </WithDb>,
    );
    // Generous waits: the view reads several live queries, slow on a loaded two-core machine.
    await screen.findByText('1 day', {}, { timeout: 5_000 });
    const today = () => document.querySelector('.aw-heatmap-scroll rect[data-day="2025-03-10"] title')?.textContent;
    expect(today()).toMatch(/: 1 review$/);
    expect(screen.getByText('—')).toBeTruthy();
    const rows = () => [...document.querySelectorAll('.aw-state-table tr')].map((tr) => tr.textContent);
    expect(rows()).toContain('New1');
    expect(rows()).toContain('Learning1');

    await rateNow('b');
    await waitFor(() => expect(today()).toMatch(/: 2 reviews$/), { timeout: 5_000 });
    expect(rows()).toContain('New0');
    expect(rows()).toContain('Learning2');
  });
});
