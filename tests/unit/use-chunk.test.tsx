/** useChunk: a view or item loaded on demand draws once its chunk is in, however the loads and visits interleave. */
import { cleanup, render, screen } from '@testing-library/preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { useChunk } from '@/components/hooks/use-chunk';

afterEach(() => cleanup());

/** A cache whose loads end when the test says so. */
function chunks() {
  const loaded = new Map<string, string>();
  const pending: { key: string; finish: () => void; findNothing: () => void }[] = [];
  const isLoaded = (key: string) => loaded.has(key);
  const load = (key: string) =>
    new Promise<void>((resolve) => {
      pending.push({
        key,
        finish: () => {
          loaded.set(key, key.toUpperCase());
          resolve();
        },
        findNothing: resolve,
      });
    });
  return { loaded, pending, isLoaded, load };
}

function Probe({ name, cache }: { name: string; cache: ReturnType<typeof chunks> }) {
  const settled = useChunk(name, cache.isLoaded, cache.load);
  return <p data-testid="probe">{settled ? (cache.loaded.get(name) ?? 'nothing') : 'loading'}</p>;
}

describe('useChunk', () => {
  it('draws the chunk once its load ends, and at once when it was in before', async () => {
    const cache = chunks();
    const { rerender } = render(<Probe name="a" cache={cache} />);
    expect(screen.getByTestId('probe').textContent).toBe('loading');
    expect(cache.pending.map((p) => p.key)).toEqual(['a']);
    await act(async () => cache.pending[0]!.finish());
    expect(screen.getByTestId('probe').textContent).toBe('A');
    cache.loaded.set('b', 'B');
    rerender(<Probe name="b" cache={cache} />);
    expect(screen.getByTestId('probe').textContent).toBe('B');
    expect(cache.pending).toHaveLength(1);
  });

  it('settles with nothing when a load ends without filling the cache (an id that names nothing)', async () => {
    const cache = chunks();
    render(<Probe name="gone" cache={cache} />);
    expect(screen.getByTestId('probe').textContent).toBe('loading');
    await act(async () => cache.pending[0]!.findNothing());
    expect(screen.getByTestId('probe').textContent).toBe('nothing');
  });

  it('draws a chunk whose earlier load ends between the render that missed it and that render’s effect', async () => {
    const cache = chunks();
    cache.loaded.set('b', 'B');
    const { rerender } = render(<Probe name="a" cache={cache} />);
    // Away before the load ends (arrow keys along the tabs): the first load goes on, nobody waiting for it.
    rerender(<Probe name="b" cache={cache} />);
    const first = cache.pending[0]!;
    await act(async () => {
      // Back: this render finds nothing yet; the first load ends before the effects run.
      rerender(<Probe name="a" cache={cache} />);
      first.finish();
      await Promise.resolve();
    });
    expect(screen.getByTestId('probe').textContent).toBe('A');
  });
});
