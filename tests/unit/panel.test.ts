/** Panel requests through storage.session: validated on every read, taken once. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { setPanelRequest, watchPanelRequests, type PanelRequest } from '@/utils/panel';

beforeEach(() => fakeBrowser.reset());

const pending = async () => (await fakeBrowser.storage.session.get('panel:request'))['panel:request'];
const settle = () => new Promise((r) => setTimeout(r, 20));

describe('panel requests', () => {
  it('takes a request made before the panel opened, once, without its timestamp', async () => {
    await setPanelRequest({ view: 'question', id: 'gather-basics' });
    expect(await pending()).toMatchObject({ view: 'question', id: 'gather-basics', at: expect.any(Number) as unknown });
    const seen: PanelRequest[] = [];
    const stop = watchPanelRequests((r) => seen.push(r));
    await vi.waitFor(() => expect(seen).toEqual([{ view: 'question', id: 'gather-basics' }]));
    await vi.waitFor(async () => expect(await pending()).toBeUndefined());
    await settle();
    expect(seen).toHaveLength(1);
    stop();
  });

  it('follows new requests while open, the same view twice included', async () => {
    const seen: PanelRequest[] = [];
    const stop = watchPanelRequests((r) => seen.push(r));
    await setPanelRequest({ view: 'review' });
    await vi.waitFor(() => expect(seen).toEqual([{ view: 'review' }]));
    await vi.waitFor(async () => expect(await pending()).toBeUndefined());
    await setPanelRequest({ view: 'review' });
    await vi.waitFor(() => expect(seen).toEqual([{ view: 'review' }, { view: 'review' }]));
    stop();
  });

  it.each([
    ['an unknown view', { view: 'settings', at: 1 }],
    ['a question without an id', { view: 'question', at: 1 }],
    ['an id that is not a string', { view: 'quiz', id: 7, at: 1 }],
    ['not an object', 'review'],
  ])('ignores %s, pending or new', async (_name, bad) => {
    await fakeBrowser.storage.session.set({ 'panel:request': bad });
    const seen: PanelRequest[] = [];
    const stop = watchPanelRequests((r) => seen.push(r));
    await settle();
    await fakeBrowser.storage.session.set({ 'panel:request': { ...(Object(bad) as object), at: 2 } });
    await settle();
    expect(seen).toEqual([]);
    // A good request after the bad ones still gets through.
    await setPanelRequest({ view: 'browse', query: 'gather' });
    await vi.waitFor(() => expect(seen).toEqual([{ view: 'browse', query: 'gather' }]));
    stop();
  });
});
