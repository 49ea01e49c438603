import { describe, expect, it } from 'vitest';
import { DEFAULT_ROUTE, formatRoute, parseRoute, ROUTES, type Route } from '@/utils/routes';

describe('side panel routes', () => {
  const examples: [string, Route][] = [
    ['#/page', { view: 'page' }],
    ['#/browse', { view: 'browse' }],
    ['#/browse?q=gather+exceptions', { view: 'browse', query: 'gather exceptions' }],
    ['#/question/gather-exceptions', { view: 'question', id: 'gather-exceptions' }],
    ['#/practice/print-in-order', { view: 'practice', id: 'print-in-order' }],
    ['#/review', { view: 'review' }],
    ['#/stats', { view: 'stats' }],
    ['#/deck?q=suspended', { view: 'deck', query: 'suspended' }],
  ];

  it.each(examples)('%s parses and formats back', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
    expect(formatRoute(route)).toBe(hash);
  });

  it('round-trips ids and queries that need escaping', () => {
    const routes: Route[] = [
      { view: 'question', id: 'a/b c?d#e%' },
      { view: 'browse', query: 'what happens if I forget `await`? & then #1' },
    ];
    for (const route of routes) expect(parseRoute(formatRoute(route))).toEqual(route);
  });

  it('falls back to the default view on anything it does not know', () => {
    for (const hash of ['', '#', '#/', '#/nope', '#/question', '#/question/', '#/review/extra', '#/question/%E0%A4%A'])
      expect(parseRoute(hash)).toEqual(DEFAULT_ROUTE);
  });

  it('accepts the hash without its leading slash, and ignores a query the view does not keep', () => {
    expect(parseRoute('#review')).toEqual({ view: 'review' });
    expect(parseRoute('#/stats?q=x')).toEqual({ view: 'stats' });
    expect(formatRoute({ view: 'browse', query: '' })).toBe('#/browse');
  });

  it('gives every route in the table an address of its own', () => {
    const hashes = Object.keys(ROUTES).map((view) => formatRoute({ view, id: 'x' } as unknown as Route));
    expect(new Set(hashes).size).toBe(hashes.length);
  });
});
