/** The Timeline component: its words, one lane per task, walking the slices, zoom keys, the table. */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Timeline } from '@/components/timeline/Timeline';
import { TimelineToggle } from '@/components/timeline/TimelineToggle';
import { GATHER, packTrace } from './trace-build';

afterEach(cleanup);

const slice = () => document.activeElement?.getAttribute('aria-label') ?? '';

describe('Timeline', () => {
  it('sums the run up, names one lane per task and says what to look for', () => {
    render(<Timeline trace={GATHER} lookFor="The lookups sleep side by side." />);
    const region = screen.getByRole('region', { name: 'Timeline of this run' });
    expect(within(region).getByRole('status').textContent).toBe(
      '4 tasks in 303 ms · at most 4 running or waiting at once · loop never blocked · none cancelled.',
    );
    expect(screen.getAllByRole('list').map((l) => l.getAttribute('aria-label'))).toEqual([
      'main',
      'lookup #1',
      'lookup #2',
      'lookup #3',
    ]);
    expect(region.textContent).toContain('What to look for: The lookups sleep side by side.');
  });

  it('announces a blocked stretch and marks a cancelled task', () => {
    const trace = packTrace({
      tasks: [
        ['main', null, 0, 500, 'done'],
        ['worker', 0, 1, 260, 'cancelled'],
      ],
      steps: [
        [0, 0, 250, 12],
        [1, 250, 260, 4],
      ],
      blocked: [[0, 250, 0, 9, 8, 12, 'time.sleep']],
    });
    render(<Timeline trace={trace} />);
    expect(screen.getByRole('status').textContent).toContain('The loop was blocked for 250 ms by time.sleep (line 9).');
    expect(document.querySelector('.aw-tl-blocked title')?.textContent).toBe(
      'the loop was blocked for 250 ms by time.sleep (line 9)',
    );
    expect(document.querySelector('.aw-tl-cancelled title')?.textContent).toBe('worker was cancelled at 260 ms');
  });

  it('one slice is in the tab order; arrow keys walk the slices and report their lines', async () => {
    const onLine = vi.fn();
    render(<Timeline trace={GATHER} onLine={onLine} />);
    const tabbable = document.querySelectorAll('.aw-tl-lanes [tabindex="0"]');
    expect(tabbable).toHaveLength(1);
    (tabbable[0] as SVGElement).focus();
    await waitFor(() => expect(onLine).toHaveBeenLastCalledWith(8));
    expect(slice()).toBe('main: running 1.00–1.30 ms, line 8');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    await waitFor(() => expect(slice()).toBe('main: waiting on gather (3) 1–303 ms, line 10'));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    await waitFor(() => expect(slice()).toMatch(/^lookup #1: /));
    await waitFor(() => expect(onLine).toHaveBeenLastCalledWith(expect.any(Number)));
    expect(document.querySelectorAll('.aw-tl-lanes [tabindex="0"]')).toHaveLength(1);
  });

  it('+ zooms in around the focused slice, 0 shows the whole run again', async () => {
    render(<Timeline trace={GATHER} />);
    expect(screen.queryByRole('button', { name: 'Whole run' })).toBeNull();
    const first = document.querySelector<SVGElement>('.aw-tl-lanes [tabindex="0"]')!;
    first.focus();
    fireEvent.keyDown(first, { key: '+' });
    await screen.findByRole('button', { name: 'Whole run' });
    fireEvent.keyDown(document.activeElement!, { key: '0' });
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Whole run' })).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Whole run' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Whole run' })).toBeNull());
  });

  it('the same as a table, drawn when opened', async () => {
    render(<Timeline trace={GATHER} />);
    expect(document.querySelector('table')).toBeNull();
    const details = document.querySelector('details')!;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    const table = await screen.findByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(5);
    expect(within(table).getByRole('rowheader', { name: 'lookup #2' })).toBeTruthy();
  });

  it('a program with no event loop says so', () => {
    render(<Timeline trace={packTrace({ tasks: [] })} />);
    expect(screen.getByText(/No event loop ran/)).toBeTruthy();
  });

  it('a test timeline opens and closes behind a button', () => {
    render(<TimelineToggle trace={GATHER} label="Timeline of the test: sliding window" />);
    const button = screen.getByRole('button', { name: 'Show the timeline' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(button);
    expect(screen.getByRole('region', { name: 'Timeline of the test: sliding window' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Hide the timeline' }));
    expect(screen.queryByRole('region')).toBeNull();
  });
});
