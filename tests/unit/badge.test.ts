/** The badge the loader draws on a related problem: its DOM, its words, and its colours. */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { drawBadge } from '@/utils/loader/badge';
import type { PageView } from '@/utils/page-view';

const VIEW: PageView = {
  relevant: true,
  score: 1,
  concepts: [],
  practice: { id: 'print-in-order', title: 'Print in order', hints: ['a', 'b', 'c'], tests: 7 },
  cards: [],
};

afterEach(() => document.body.replaceChildren());

describe('drawBadge', () => {
  it('draws one button in a closed root, named by its label, with no words in text nodes', () => {
    const title = document.createElement('h1');
    title.textContent = 'Print in Order';
    document.body.append(title);
    const badge = drawBadge(title, VIEW, 'dark', vi.fn());
    const host = title.nextElementSibling as HTMLElement;
    expect(host.hasAttribute('data-awaitwise-overlay')).toBe(true);
    // Closed: the page cannot reach it from the host.
    expect(host.shadowRoot).toBeNull();
    const button = badge.surface.root.querySelector('button')!;
    expect(button.getAttribute('aria-label')).toBe('3 asyncio hints');
    expect(button.dataset.label).toBe('3 asyncio hints');
    // The page's window.find() searches text nodes: there are none with the badge's words.
    expect(badge.surface.root.querySelector('.aw-overlay')!.textContent).toBe('');
    expect(badge.surface.root.querySelectorAll('*').length).toBeLessThanOrEqual(5);
    badge.update({ ...VIEW, practice: null, cards: [{ id: 'x', question: 'q', short: 's' }] }, 'light');
    expect(badge.surface.root.querySelector('button')!.getAttribute('aria-label')).toBe('1 asyncio question');
    badge.remove();
    expect(host.isConnected).toBe(false);
  });

  it('opens only on a trusted click: a page script clicking it does nothing', () => {
    const onOpen = vi.fn();
    const badge = drawBadge(null, VIEW, 'light', onOpen);
    badge.surface.root.querySelector('button')!.click();
    badge.surface.root.querySelector('button')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(onOpen).not.toHaveBeenCalled();
    // No title to sit after: pinned to a corner.
    expect(badge.surface.floating).toBe(true);
  });
});

describe('badge.css', () => {
  /** `--aw-x: value` declarations of the first rule matching `selector` in `css`. */
  const variables = (css: string, selector: string): Map<string, string> => {
    const start = css.indexOf(`${selector} {`);
    const block = css.slice(start, css.indexOf('}', start));
    return new Map([...block.matchAll(/(--aw-[\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
  };

  it("uses theme.css's colours, light and dark, so the badge does not change when the popover's styles load", () => {
    const badge = readFileSync('utils/loader/badge.css', 'utf8');
    const theme = readFileSync('components/styles/theme.css', 'utf8');
    for (const [ours, theirs] of [
      ['.aw-overlay', '.aw-theme'],
      [".aw-overlay[data-theme='dark']", ".aw-theme[data-theme='dark']"],
    ] as const) {
      const mine = variables(badge, ours);
      const themes = variables(theme, theirs);
      expect(mine.size).toBeGreaterThan(5);
      for (const [name, value] of mine) expect(themes.get(name), name).toBe(value);
    }
  });
});
