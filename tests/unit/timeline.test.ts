/** The timeline's pure parts: the packed trace at the boundary, lanes, marks, the axis, the summary, zoom, walking. */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { describeMark, taskRows } from '@/utils/trace/describe';
import { axisTicks, buildModel, fitLabel, laneMarks, MAX_LANES, shortName, type Lane } from '@/utils/trace/layout';
import { moveCursor, walkMarks } from '@/utils/trace/navigate';
import { PackedTraceSchema, readDoubles, readInts, unpackTrace } from '@/utils/trace/packed';
import { blockedSentence, formatMs, nameList, summarise, summarySentence } from '@/utils/trace/summary';
import { initialZoom, isZoomed, zoomReducer } from '@/utils/trace/zoom';
import { GATHER, packNumbers, packTrace } from './trace-build';

const gather = unpackTrace(GATHER);

describe('the packed trace', () => {
  it('unpacks into the plain form, in milliseconds', () => {
    expect(v.parse(PackedTraceSchema, GATHER)).toEqual(GATHER);
    expect(gather.tasks[1]).toEqual({
      id: 1,
      name: 'lookup',
      coro: 'lookup',
      parent: 0,
      created: 1,
      ended: 302,
      outcome: 'done',
      error: null,
    });
    expect(gather.steps[0]).toEqual({ task: 0, start: 1, end: 1.3, line: 8 });
    expect(gather.waits.find((w) => w.task === 1)).toEqual({
      task: 1,
      start: 1.4,
      end: 301.5,
      line: 4,
      on: { kind: 'sleep', detail: 'sleep(0.3)' },
    });
  });

  it('refuses a trace that points at tasks or waits it does not have', () => {
    const broken = [
      { ...GATHER, keys: packNumbers('ints', [...readInts(GATHER.keys)].with(6, 9)) },
      { ...GATHER, keys: packNumbers('ints', [...readInts(GATHER.keys)].with(4, 99)) },
      { ...GATHER, keys: packNumbers('ints', [...readInts(GATHER.keys)].with(2, -1)) },
      { ...GATHER, keys: packNumbers('ints', [...readInts(GATHER.keys)].slice(3)) },
      { ...GATHER, steps: packNumbers('ints', [...readInts(GATHER.steps)].with(3, 99)) },
      { ...GATHER, times: packNumbers('doubles', [...readDoubles(GATHER.times)].slice(1)) },
      { ...GATHER, times: GATHER.times.slice(4) },
      { ...GATHER, times: packNumbers('doubles', [...readDoubles(GATHER.times)].with(0, NaN)) },
      { ...GATHER, steps: 'not base64!' },
      { ...GATHER, tasks: { ...GATHER.tasks, created: 'not base64!' } },
      { ...GATHER, tasks: { ...GATHER.tasks, parents: packNumbers('ints', [-1, 0, 0, 9]) } },
      { ...GATHER, tasks: { ...GATHER.tasks, parents: packNumbers('ints', [-1, 0, 0]) } },
      { ...GATHER, tasks: { ...GATHER.tasks, kinds: packNumbers('ints', [0, 1, 1, 5]) } },
      { ...GATHER, tasks: { ...GATHER.tasks, outcomes: packNumbers('ints', [0, 0, 0, 4]) } },
      { ...GATHER, tasks: { ...GATHER.tasks, errors: [[4, 'ValueError', 'no such task']] } },
      { ...GATHER, kinds: GATHER.kinds.slice(1) },
      { ...GATHER, extra: 1 },
    ];
    for (const trace of broken) expect(v.safeParse(PackedTraceSchema, trace).success).toBe(false);
  });

  it('rounds every time alike, so a step that ends as a blocked stretch begins does not overlap it', () => {
    // The tracer sends the loop's clock as read; 1.0006 ms is not a whole microsecond.
    const meet = 1.0006;
    const trace = unpackTrace(
      packTrace({
        tasks: [
          ['a', null, 0, null, 'pending'],
          ['b', null, 0, null, 'pending'],
        ],
        steps: [
          [0, 0.5, meet, 0],
          [1, meet, 80, 0],
        ],
        blocked: [[meet, 80, 1, null, null, null, null]],
      }),
    );
    expect(trace.steps[0]!.end).toBe(trace.blocked[0]!.start);
    expect(trace.steps[1]!.start).toBe(trace.blocked[0]!.start);
  });

  it('reads an error, a plain callback and a blocked stretch', () => {
    const trace = unpackTrace(
      packTrace({
        tasks: [['main', null, 0, 10, 'error', 'ValueError', 'bad']],
        steps: [[-1, 2, 3, 0]],
        blocked: [[1, 90, 0, 7, 5, 9, 'time.sleep']],
      }),
    );
    expect(trace.tasks[0]!.error).toEqual({ type: 'ValueError', message: 'bad' });
    expect(trace.steps[0]).toEqual({ task: null, start: 2, end: 3, line: null });
    expect(trace.blocked[0]).toEqual({ start: 1, end: 90, task: 0, line: 7, lines: [5, 9], call: 'time.sleep' });
  });
});

describe('lanes', () => {
  it('one per task in creation order, names made unique, runs and waits in time order', () => {
    const model = buildModel(gather);
    expect(model.lanes.map((l) => l.label)).toEqual(['main', 'lookup #1', 'lookup #2', 'lookup #3']);
    expect(model.lanes[1]!.items.map((i) => i.kind)).toEqual(['run', 'wait', 'run']);
    expect(model.lanes[0]!.end).toEqual({ at: 303, outcome: 'done' });
    expect(model.totalMs).toBe(303);
    expect(model.more).toBeNull();
  });

  it('qualified names of nested coroutines read as their own name', () => {
    expect(shortName('main.<locals>.consumer')).toBe('consumer');
    expect(shortName('Tracker.job.<locals>.fn')).toBe('fn');
    expect(shortName('worker-3')).toBe('worker-3');
  });

  it('plain callbacks get a lane of their own; a pending task has no end mark', () => {
    const model = buildModel(
      unpackTrace(
        packTrace({
          tasks: [['main', null, 0, null, 'pending']],
          steps: [
            [0, 0, 1, 1],
            [-1, 2, 3, 0],
          ],
        }),
      ),
    );
    expect(model.lanes.map((l) => l.label)).toEqual(['main', 'callbacks']);
    expect(model.lanes[0]!.end).toBeNull();
  });

  it(`beyond ${MAX_LANES} lanes, the rest are counted under the most common name`, () => {
    const tasks: Parameters<typeof packTrace>[0]['tasks'] = [['main', null, 0, 10, 'done']];
    for (let i = 0; i < 1000; i++) tasks.push([i % 10 === 0 ? 'tock' : 'tick', 0, 1, 9, 'done']);
    const model = buildModel(unpackTrace(packTrace({ tasks })));
    expect(model.lanes).toHaveLength(MAX_LANES);
    expect(model.more).toEqual({ count: 1001 - MAX_LANES, like: 'tick' });
  });

  it('blocked stretches are put in words with the lane labels', () => {
    const trace = unpackTrace(
      packTrace({
        tasks: [
          ['job', null, 0, 300, 'done'],
          ['job', null, 0, 300, 'done'],
        ],
        blocked: [
          [10, 410, 1, 9, 8, 10, 'time.sleep'],
          [500, 620, 1, null, 12, 15, null],
          [700, 760, null, null, 20, 20, null],
        ],
      }),
    );
    expect(buildModel(trace).blockedText).toEqual([
      'the loop was blocked for 400 ms by time.sleep (line 9)',
      'the loop was blocked for 120 ms by a step of job #2 (lines 12–15) that did not await',
      'the loop was blocked for 60 ms by a callback (line 20) that did not await',
    ]);
  });
});

describe('marks', () => {
  const lane = (items: [number, number][]): Lane => ({
    task: null,
    label: 'x',
    end: null,
    items: items.map(([start, end], i) =>
      i % 2 === 0
        ? { kind: 'run', start, end, line: null }
        : { kind: 'wait', start, end, line: null, on: { kind: 'sleep', detail: 'sleep(0)' } },
    ),
  });

  it('items wider than a few pixels are drawn one by one, in pixels', () => {
    const marks = laneMarks(
      lane([
        [0, 10],
        [10, 90],
        [90, 100],
      ]),
      { from: 0, to: 100 },
      200,
    );
    expect(marks.map((m) => [m.kind, m.x, m.w])).toEqual([
      ['run', 0, 20],
      ['wait', 20, 160],
      ['run', 180, 20],
    ]);
  });

  it('neighbours too small to see merge into one mark that says how busy it was', () => {
    const items: [number, number][] = [];
    for (let t = 0; t < 100; t += 1) items.push([t, t + 0.25], [t + 0.25, t + 1]);
    const marks = laneMarks(lane(items), { from: 0, to: 100 }, 100);
    expect(marks).toHaveLength(1);
    expect(marks[0]).toMatchObject({ kind: 'merged', runs: 100, waits: 100, x: 0 });
    expect(marks[0]!.busy).toBeCloseTo(0.25);
    // Zoomed in, they come apart again.
    expect(laneMarks(lane(items), { from: 0, to: 1.9 }, 400).map((m) => m.kind)).toEqual([
      'run',
      'wait',
      'run',
      'wait',
    ]);
  });

  it('the window clips items and leaves out what is outside it', () => {
    const marks = laneMarks(
      lane([
        [0, 10],
        [10, 90],
        [90, 100],
      ]),
      { from: 50, to: 95 },
      90,
    );
    expect(marks.map((m) => [m.kind, m.start, m.end])).toEqual([
      ['wait', 50, 90],
      ['run', 90, 95],
    ]);
  });

  it('axis ticks fall on round values, about one per 60 px', () => {
    expect(axisTicks({ from: 0, to: 303 }, 280)).toEqual([0, 100, 200, 300]);
    expect(axisTicks({ from: 12, to: 13 }, 300)).toEqual([12, 12.2, 12.4, 12.6, 12.8, 13]);
    expect(axisTicks({ from: 0, to: 0 }, 300)).toEqual([]);
  });

  it('a lane heading gives way to fit, keeping how the task ended', () => {
    expect(fitLabel('main', '', 300)).toBe('main');
    expect(fitLabel('test_sliding_window_not_batches', ' · AssertionError', 200)).toBe(
      'test_sliding_… · AssertionError',
    );
  });
});

describe('summary', () => {
  it('counts tasks, the most alive at once, time blocked and what was cancelled', () => {
    expect(summarise(gather)).toEqual({
      tasks: 4,
      peak: 4,
      blockedMs: 0,
      cancelled: [],
      failed: [],
      totalMs: 303,
    });
    const trace = unpackTrace(
      packTrace({
        tasks: [
          ['main', null, 0, 500, 'done'],
          ['a', 0, 1, 100, 'cancelled'],
          ['b', 0, 100, 200, 'cancelled'],
          ['c', 0, 150, 160, 'error', 'KeyError', "'x'"],
        ],
        blocked: [[10, 410, 0, 9, 8, 10, 'time.sleep']],
      }),
    );
    const s = summarise(trace);
    // a ends as b starts: not both at once.
    expect(s.peak).toBe(3);
    expect(s.blockedMs).toBe(400);
    expect(summarySentence(s)).toBe(
      '4 tasks in 500 ms · at most 3 running or waiting at once · loop blocked for 400 ms · cancelled: a and b · failed: c.',
    );
    expect(summarySentence(summarise(gather))).toBe(
      '4 tasks in 303 ms · at most 4 running or waiting at once · loop never blocked · none cancelled.',
    );
  });

  it('formats durations and long name lists briefly', () => {
    expect([formatMs(0.125), formatMs(3.25), formatMs(42.4), formatMs(1500), formatMs(12_345)]).toEqual([
      '0.13 ms',
      '3.3 ms',
      '42 ms',
      '1.50 s',
      '12.3 s',
    ]);
    expect(nameList(['a', 'b', 'c', 'd', 'e'])).toBe('a, b, c and 2 more');
    expect(nameList(['tick', 'tick', 'tock'])).toBe('tick (×2) and tock');
    expect(
      blockedSentence({ start: 0, end: 55, task: null, line: null, lines: null, call: null }, () => undefined),
    ).toBe('the loop was blocked for 55 ms by a callback that did not await');
  });
});

describe('zoom', () => {
  const whole = initialZoom(300);

  it('zooms around an anchor, keeping it in place, within the run', () => {
    const z = zoomReducer(whole, { type: 'zoom', factor: 2, anchor: 60 });
    expect([z.from, z.to]).toEqual([30, 180]);
    expect(isZoomed(z)).toBe(true);
    const out = zoomReducer(z, { type: 'zoom', factor: 0.1 });
    expect([out.from, out.to]).toEqual([0, 300]);
    const deep = zoomReducer(whole, { type: 'zoom', factor: 1e9, anchor: 299 });
    expect(deep.to - deep.from).toBeCloseTo(0.3);
    expect(deep.to).toBeLessThanOrEqual(300);
  });

  it('pans without leaving the run, reveals what is off screen, fits and resets', () => {
    const z = zoomReducer(whole, { type: 'zoom', factor: 3, anchor: 0 });
    expect([z.from, z.to]).toEqual([0, 100]);
    expect(zoomReducer(z, { type: 'pan', by: -50 })).toEqual(z);
    expect(zoomReducer(z, { type: 'pan', by: 500 })).toMatchObject({ from: 200, to: 300 });
    expect(zoomReducer(z, { type: 'reveal', start: 150, end: 160 })).toMatchObject({ from: 60, to: 160 });
    expect(zoomReducer(z, { type: 'reveal', start: 10, end: 20 })).toBe(z);
    expect(zoomReducer(z, { type: 'fit' })).toMatchObject({ from: 0, to: 300 });
    expect(zoomReducer(z, { type: 'reset', total: 50 })).toEqual(initialZoom(50));
    expect(zoomReducer(z, { type: 'zoom', factor: 0 })).toBe(z);
  });
});

describe('walking the slices from the keyboard', () => {
  const model = buildModel(gather);
  const marksOf = (lane: number) => walkMarks(model.lanes[lane]!, { from: 0, to: 303 }, 3030, 303);

  it('left and right along a lane, up and down to the nearest slice of the next lane', () => {
    const right = moveCursor({ lane: 1, item: 0 }, 'ArrowRight', 4, marksOf)!;
    expect(right.cursor).toEqual({ lane: 1, item: 1 });
    expect(right.mark.item).toMatchObject({ kind: 'wait', on: { detail: 'sleep(0.3)' } });
    expect(moveCursor(right.cursor, 'ArrowLeft', 4, marksOf)!.cursor).toEqual({ lane: 1, item: 0 });
    expect(moveCursor({ lane: 1, item: 0 }, 'ArrowLeft', 4, marksOf)).toBeNull();
    // From lookup #2's wake-up at 21.5 ms up to lookup #1, whose wait then covers that moment.
    const up = moveCursor({ lane: 2, item: 2 }, 'ArrowUp', 4, marksOf)!;
    expect(up.cursor).toEqual({ lane: 1, item: 1 });
    const down = moveCursor({ lane: 1, item: 2 }, 'ArrowDown', 4, marksOf)!;
    expect(down.cursor.lane).toBe(2);
    expect(down.mark.item).toMatchObject({ kind: 'run', start: 21.5 });
    expect(moveCursor({ lane: 3, item: 0 }, 'ArrowDown', 4, marksOf)).toBeNull();
    expect(moveCursor({ lane: 1, item: 0 }, 'End', 4, marksOf)!.mark.start).toBe(301.5);
    expect(moveCursor({ lane: 1, item: 2 }, 'Home', 4, marksOf)!.cursor).toEqual({ lane: 1, item: 0 });
    expect(moveCursor({ lane: 3, item: 1 }, 'PageUp', 4, marksOf)!.cursor.lane).toBe(0);
  });

  it('a run and a wait that start at the same moment (a coarse clock) stay two stops', () => {
    const trace = unpackTrace(
      packTrace({
        tasks: [['job', null, 1, 301, 'done']],
        steps: [
          [0, 1, 1, 3],
          [0, 301, 301, 4],
        ],
        waits: [[0, 1, 301, 'sleep', 'sleep(0.3)', 4]],
      }),
    );
    const lane = buildModel(trace).lanes[0]!;
    const marks = walkMarks(lane, { from: 0, to: 301 }, 300, 301);
    const right = moveCursor({ lane: 0, item: 0 }, 'ArrowRight', 1, () => marks)!;
    expect(right.cursor.item).toBe(1);
    expect(moveCursor(right.cursor, 'Home', 1, () => marks)!.cursor.item).toBe(0);
  });

  it('says what a slice is, when and where', () => {
    const lane = model.lanes[1]!;
    const marks = marksOf(1);
    expect(describeMark(lane, marks[0]!)).toBe('lookup #1: running 1.30–1.40 ms, line 3');
    expect(describeMark(lane, marks[1]!)).toBe('lookup #1: waiting on sleep(0.3) 1–302 ms, line 4');
    const merged = laneMarks(lane, { from: 0, to: 303 }, 1)[0]!;
    expect(describeMark(lane, merged)).toMatch(/^lookup #1: 2 steps and 1 wait, 1–302 ms, running 0% of it \(zoom in/);
  });
});

describe('the table', () => {
  it('one row per task: who started it, its life, its end, what it waited on', () => {
    const rows = taskRows(gather, new Map(buildModel(gather).lanes.map((l) => [l.task!.id, l.label])));
    expect(rows[0]).toEqual({
      id: 0,
      name: 'main',
      parent: '',
      lifetime: '1–303 ms',
      outcome: 'done',
      running: '0.80 ms',
      waits: 'gather (3)',
    });
    expect(rows[2]).toMatchObject({ name: 'lookup #2', parent: 'main', waits: 'sleep(0.02)' });
  });
});
