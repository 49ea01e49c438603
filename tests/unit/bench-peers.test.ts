/**
 * The peer comparison's arithmetic (scripts/lib/bench-peers-report.ts): medians of round medians, baselines
 * subtracted round by round, ratios to the best peer, targets, and the table. No browser: plain numbers in.
 */
import { describe, expect, it } from 'vitest';
import {
  assembleFigures,
  BASELINE,
  collect,
  collectMissing,
  compare,
  comparisonJson,
  comparisonText,
  medianOfRoundMedians,
  parsePeerArgs,
  roundOrder,
  type Candidate,
  type Collected,
  type Figure,
} from '../../scripts/lib/bench-peers-report';

const candidates: Candidate[] = [
  { name: 'Ours', ours: true, dir: '/tmp/ours', version: '1' },
  { name: 'PeerA', ours: false, dir: '/tmp/a', version: '1' },
  { name: 'PeerB', ours: false, dir: '/tmp/b', version: '1' },
];

const rounds = (...values: number[][]) => ({ rounds: values });

describe('medianOfRoundMedians', () => {
  it('takes each round’s median, then the median of those', () => {
    // Round medians 2, 4 and 11: pooling the samples would give 5.
    expect(
      medianOfRoundMedians([
        [1, 2, 100],
        [3, 4, 5],
        [10, 11, 12],
      ]),
    ).toBe(4);
  });

  it('averages the middle two of an even count, and skips empty rounds', () => {
    expect(medianOfRoundMedians([[1, 2]])).toBe(1.5);
    expect(medianOfRoundMedians([[], [7], [9]])).toBe(8);
  });
});

describe('compare', () => {
  const figure = (values: Figure['values'], target?: Figure['target']): Figure => ({
    id: 'x',
    label: 'x',
    unit: 'ms',
    values,
    ...(target ? { target } : {}),
  });

  it('divides ours by the lowest peer figure', () => {
    const result = compare(figure({ Ours: rounds([6]), PeerA: rounds([4]), PeerB: rounds([3]) }), candidates);
    expect(result.best).toEqual({ name: 'PeerB', value: 3 });
    expect(result.ratio).toBe(2);
  });

  it('ignores a peer without the figure', () => {
    const result = compare(
      figure({ Ours: rounds([2]), PeerA: { missing: 'no side panel' }, PeerB: rounds([4]) }),
      candidates,
    );
    expect(result.best?.name).toBe('PeerB');
    expect(result.ratio).toBe(0.5);
  });

  it('gives no ratio against a best peer of zero', () => {
    expect(compare(figure({ Ours: rounds([2]), PeerA: rounds([0]), PeerB: rounds([1]) }), candidates).ratio).toBeNull();
  });

  it('judges a ratio target against the best peer and a value target against ours', () => {
    const values = { Ours: rounds([9]), PeerA: rounds([10]), PeerB: rounds([12]) };
    expect(compare(figure(values, { ratio: 0.8 }), candidates).verdict).toBe('MISSED');
    expect(compare(figure(values, { ratio: 0.9 }), candidates).verdict).toBe('met');
    expect(compare(figure(values, { value: 9 }), candidates).verdict).toBe('met');
    expect(compare(figure(values, { value: 8.9 }), candidates).verdict).toBe('MISSED');
    expect(compare(figure(values), candidates).verdict).toBe('—');
  });
});

describe('assembleFigures', () => {
  const spec = { id: 'heap.related', label: 'JS heap added', unit: 'bytes' as const, added: true };

  it('subtracts the same round’s baseline median from every sample', () => {
    const into: Collected = { samples: new Map(), missing: new Map() };
    collect(into, spec.id, BASELINE, 0, [100, 110, 120]);
    collect(into, spec.id, BASELINE, 1, [200, 200, 200]);
    collect(into, spec.id, 'Ours', 0, [150, 160]);
    collect(into, spec.id, 'Ours', 1, [260]);
    const [figure] = assembleFigures([spec], candidates, into);
    expect(figure!.values.Ours).toEqual({ rounds: [[40, 50], [60]] });
    expect(figure!.values.PeerA).toEqual({ missing: 'not measured' });
  });

  it('keeps the reason a figure is missing, and refuses an added figure without a baseline', () => {
    const into: Collected = { samples: new Map(), missing: new Map() };
    collect(into, spec.id, 'Ours', 0, [150]);
    collectMissing(into, spec.id, BASELINE, 'browser crashed');
    collectMissing(into, spec.id, 'PeerB', 'the page never loaded');
    const [figure] = assembleFigures([spec], candidates, into);
    expect(figure!.values.Ours).toEqual({ missing: 'no baseline (browser crashed)' });
    expect(figure!.values.PeerB).toEqual({ missing: 'the page never loaded' });
  });

  it('leaves a figure that is not "added" as measured', () => {
    const into: Collected = { samples: new Map(), missing: new Map() };
    collect(into, 'popup.fcp', 'PeerA', 0, [120, 130]);
    const [figure] = assembleFigures([{ id: 'popup.fcp', label: 'popup', unit: 'ms' }], candidates, into);
    expect(figure!.values.PeerA).toEqual({ rounds: [[120, 130]] });
  });
});

describe('tables', () => {
  const figures: Figure[] = [
    {
      id: 'sidepanel.fcp',
      label: 'side panel first contentful paint',
      unit: 'ms',
      values: { Ours: rounds([100]), PeerA: { missing: 'no side panel' }, PeerB: rounds([200]) },
      target: { ratio: 0.9 },
    },
    {
      id: 'size.background',
      label: 'background, raw',
      unit: 'bytes',
      values: { Ours: rounds([200_000]), PeerA: rounds([55_140]), PeerB: rounds([254_690]) },
      target: { value: 120_000 },
    },
  ];

  it('puts the peers first and ours last, with the ratio, target and verdict', () => {
    const lines = comparisonText(figures, candidates).split('\n');
    expect(lines[0]).toMatch(/^figure\s+PeerA\s+PeerB\s+Ours\s+ratio to best peer\s+target\s+verdict$/);
    expect(lines[2]).toMatch(/— \(no side panel\)\s+200 ms\s+100 ms\s+0\.50×\s+≤ 0\.9×\s+met$/);
    expect(lines[3]).toMatch(/55 KB\s+255 KB\s+200 KB\s+3\.63×\s+≤ 120 KB\s+MISSED$/);
  });

  it('gives every figure in JSON with round medians and the best peer', () => {
    const json = JSON.parse(comparisonJson({ date: 'd' }, figures, candidates)) as {
      date: string;
      figures: { id: string; ratio: number; bestPeer: { name: string }; values: Record<string, unknown> }[];
    };
    expect(json.date).toBe('d');
    expect(json.figures[0]).toMatchObject({ id: 'sidepanel.fcp', ratio: 0.5, bestPeer: { name: 'PeerB' } });
    expect(json.figures[0]!.values.PeerA).toEqual({ median: null, missing: 'no side panel' });
    expect(json.figures[0]!.values.Ours).toEqual({ median: 100, roundMedians: [100], samples: 1 });
  });
});

describe('command line and order', () => {
  it('takes the folders after --peers up to the next option', () => {
    expect(parsePeerArgs(['--quick', '--peers', 'a', 'b', '--json'])).toEqual({
      peers: ['a', 'b'],
      rest: ['--quick', '--json'],
    });
    expect(parsePeerArgs(['--json'])).toEqual({ peers: null, rest: ['--json'] });
    expect(parsePeerArgs(['--peers'])).toEqual({ peers: [], rest: [] });
  });

  it('rotates the order by one each round, so each extension takes each place', () => {
    expect([0, 1, 2, 3].map((r) => roundOrder(['x', 'a', 'b'], r))).toEqual([
      ['x', 'a', 'b'],
      ['a', 'b', 'x'],
      ['b', 'x', 'a'],
      ['x', 'a', 'b'],
    ]);
  });
});
