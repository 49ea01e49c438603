/**
 * The loader's one question about settings: may it show hints on this site? Kept apart from
 * utils/settings.ts so the loader does not bundle the settings schema (valibot); a damaged value reads as
 * "enabled", the default.
 */
import { isRecord } from '@/utils/is-record';
import { browser } from 'wxt/browser';
import type { SiteId } from '@/utils/page-snapshot';

export async function isSiteEnabled(site: SiteId): Promise<boolean> {
  const stored: Record<string, unknown> = await browser.storage.local.get('settings');
  const settings = stored.settings;
  const sites = isRecord(settings) ? settings.sites : undefined;
  return !isRecord(sites) || sites[site] !== false;
}
