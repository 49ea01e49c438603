/** The background entrypoint itself, against WXT's fake browser: what it does on install and on update. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import background from '@/entrypoints/background';

describe('background main', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    // The fake browser has no commands API; the shortcut's listener is not what these tests are about.
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => undefined);
  });

  it('is synchronous, so a woken worker has its listeners before the event that woke it is dispatched', () => {
    const onMessage = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
    const onUpdated = vi.spyOn(fakeBrowser.tabs.onUpdated, 'addListener');
    expect(background.main()).toBeUndefined();
    expect(onMessage).toHaveBeenCalledTimes(1);
    expect(onUpdated).toHaveBeenCalledTimes(1);
  });

  it('opens the welcome page once on install, never on an update or a browser update', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    background.main();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '1.0.0', temporary: false });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'browser_update', temporary: false });
    expect(create).not.toHaveBeenCalled();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    expect(create).toHaveBeenCalledTimes(1);
    expect(create.mock.calls[0]![0].url).toMatch(/\/welcome\.html$/);
  });
});
