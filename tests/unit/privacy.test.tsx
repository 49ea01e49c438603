/**
 * Privacy, said once: PRIVACY.md is the text the extension shows, the pages say whether sync is on as it is in
 * this browser, and the welcome page's "Try it" links lead to real side panel views.
 */
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { PrivacyPolicy } from '@/components/PrivacyPolicy';
import { PRIVACY_SECTIONS, privacyMarkdown, privacyTagline, syncStatusSentence } from '@/components/privacy-text';
import { App as Options } from '@/entrypoints/options/App';
import { App as Welcome, tourHref } from '@/entrypoints/welcome/App';
import { TOUR } from '@/entrypoints/welcome/tour';
import { practiceById, questionById, quizById } from '@/utils/knowledge/all';
import { PREFS_KEY } from '@/utils/sync/prefs';
import { DEFAULT_ROUTE, parseRoute, sameRoute } from '@/utils/routes';
import { throwawayDbs } from './srs-throwaway-db';
import { WithDb } from './with-db';

const freshDb = throwawayDbs(afterAll);

beforeEach(() => {
  fakeBrowser.reset();
  // The fake browser has no windows API; the welcome page asks for its window once, to open the panel there.
  vi.spyOn(fakeBrowser.windows, 'getCurrent').mockResolvedValue({
    id: 1,
    focused: true,
    incognito: false,
    alwaysOnTop: false,
  });
});
afterEach(cleanup);

describe('one privacy text', () => {
  it('PRIVACY.md is the policy the extension shows (npm run store -- --text rewrites it)', () => {
    expect(readFileSync('PRIVACY.md', 'utf8')).toBe(privacyMarkdown());
  });

  it('names what syncs, what never leaves, and that there is no server or analytics', () => {
    const text = privacyMarkdown();
    for (const part of [
      'IndexedDB',
      'session storage',
      "each card's schedule",
      'your settings',
      'saved problems',
      'hid the badge',
      'solved',
      'reviews each device made per day',
      'The code in a problem page',
      'review log',
      'code drafts',
      'no analytics',
      'no Awaitwise server',
    ])
      expect(text).toContain(part);
    expect(PRIVACY_SECTIONS.map((s) => s.heading)).toContain('What never leaves this computer');
  });

  it('shows every sentence of the policy as text on the page', () => {
    render(<PrivacyPolicy syncEnabled={true} syncHref="#sync" open />);
    for (const item of PRIVACY_SECTIONS.flatMap((s) => s.items)) expect(screen.getByText(item)).toBeTruthy();
  });
});

describe('sync as it is', () => {
  it('the policy block says on when on and off when off, with the switch one click away', () => {
    const { rerender } = render(<PrivacyPolicy syncEnabled={true} syncHref="/options.html#sync-heading" />);
    const status = () => screen.getByTestId('privacy-sync-status');
    expect(status().textContent).toContain('Sync is on');
    expect(screen.getByRole('link', { name: 'Turn sync off' }).getAttribute('href')).toBe('/options.html#sync-heading');
    rerender(<PrivacyPolicy syncEnabled={false} syncHref="/options.html#sync-heading" />);
    expect(status().textContent).toContain('Sync is off');
    expect(status().textContent).not.toContain('Sync is on');
    expect(screen.getByRole('link', { name: 'Turn sync on' })).toBeTruthy();
  });

  it("the popup's line says whether progress syncs", () => {
    expect(privacyTagline(true)).toMatch(/sync on/);
    expect(privacyTagline(false)).toMatch(/sync off/);
    expect(privacyTagline(null)).not.toMatch(/sync/i);
    expect(syncStatusSentence(null)).not.toMatch(/Sync is (on|off)/);
  });

  it.each([
    [true, 'Sync is on'],
    [false, 'Sync is off'],
  ])('the welcome page reads the switch (enabled: %s) and follows it when it changes', async (enabled, said) => {
    await fakeBrowser.storage.local.set({ [PREFS_KEY]: { enabled, device: 'test' } });
    render(<Welcome />);
    await waitFor(() => expect(screen.getByTestId('privacy-sync-status').textContent).toContain(said));
    expect(document.body.textContent).not.toMatch(/Nothing leaves your computer|On this computer only/);
    await fakeBrowser.storage.local.set({ [PREFS_KEY]: { enabled: !enabled, device: 'test' } });
    await waitFor(() =>
      expect(screen.getByTestId('privacy-sync-status').textContent).toContain(enabled ? 'Sync is off' : 'Sync is on'),
    );
  });
  it.each([
    [true, 'Sync is on'],
    [false, 'Sync is off'],
  ])('so does Options (enabled: %s), beside the sync switch itself', async (enabled, said) => {
    await fakeBrowser.storage.local.set({ [PREFS_KEY]: { enabled, device: 'test' } });
    render(
      <WithDb db={freshDb()}>
        <Options />
      </WithDb>,
    );
    await waitFor(() => expect(screen.getByTestId('privacy-sync-status').textContent).toContain(said));
    expect(document.body.textContent).not.toMatch(/lives only in this browser/);
  });
});

describe("the welcome page's tour", () => {
  it('has a Try it for the workbench, quizzes, mock interview, review and the timeline', () => {
    expect(TOUR.map((stop) => stop.request.view)).toEqual(['practice', 'quiz', 'interview', 'review', 'question']);
  });

  it.each(TOUR.map((stop) => [stop.title, stop] as const))('%s links to a real view of a real item', (_title, stop) => {
    const href = tourHref(stop);
    expect(href.startsWith('/sidepanel.html#/')).toBe(true);
    const route = parseRoute(href.slice(href.indexOf('#')));
    expect(route).not.toEqual(DEFAULT_ROUTE);
    expect(sameRoute(route, stop.request)).toBe(true);
    if ('id' in stop.request) {
      const known = { practice: practiceById, quiz: quizById, question: questionById }[stop.request.view];
      expect(known?.has(stop.request.id)).toBe(true);
    }
  });

  it('renders each stop as a link with that address', async () => {
    render(<Welcome />);
    for (const stop of TOUR) {
      const link = await screen.findByRole('link', { name: `Try it: ${stop.action}` });
      expect(link.getAttribute('href')).toBe(tourHref(stop));
    }
  });

  it('the timeline stop opens a question whose snippet runs in the browser', () => {
    const stop = TOUR.find((s) => s.title === 'Event-loop timeline')!;
    const id = 'id' in stop.request ? stop.request.id : '';
    expect(questionById.get(id)?.snippets.some((s) => s.runnable)).toBe(true);
  });
});
