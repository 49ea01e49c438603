/**
 * The content script's one question about settings: may it show hints on this site? Kept apart from
 * utils/settings.ts so the content script does not bundle the settings schema (valibot); a damaged value
 * reads as "enabled", the default.
 */
import { browser } from 'wxt/browser';
import type { SiteId } from '@/utils/page-snapshot';

export async function isSiteEnabled(site: SiteId): Promise<boolean> {
  const { settings } = (await browser.storage.local.get('settings')) as {
    settings?: { sites?: Record<string, unknown> };
  };
  return settings?.sites?.[site] !== false;
}
