/**
 * Problems where the user hid the badge. Kept in storage.local (readable from content scripts, unlike
 * storage.session) so "hide on this page" survives reloads; capped so it cannot grow without bound.
 */
import { browser } from 'wxt/browser';

const KEY = 'dismissedProblems';
const LIMIT = 500;

async function load(): Promise<string[]> {
  const stored = await browser.storage.local.get(KEY);
  const value = stored[KEY];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export async function isDismissed(problemKey: string): Promise<boolean> {
  return (await load()).includes(problemKey);
}

export async function rememberDismissed(problemKey: string): Promise<void> {
  const keys = (await load()).filter((k) => k !== problemKey);
  keys.push(problemKey);
  await browser.storage.local.set({ [KEY]: keys.slice(-LIMIT) });
}
