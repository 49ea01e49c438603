/** User settings in storage.local: validated on every read, so a damaged value falls back to defaults. */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { SITE_IDS, type SiteId } from '@/utils/page-snapshot';
import { DEFAULT_SRS_SETTINGS, SrsSettingsSchema, type SrsSettings } from '@/utils/srs/settings';

export type ThemeChoice = 'system' | 'light' | 'dark';

export interface Settings {
  /** Sites where the content script may show the hint badge. */
  sites: Record<SiteId, boolean>;
  theme: ThemeChoice;
  srs: SrsSettings;
}

export const DEFAULT_SETTINGS: Settings = {
  sites: Object.fromEntries(SITE_IDS.map((id) => [id, true])) as Record<SiteId, boolean>,
  theme: 'system',
  srs: DEFAULT_SRS_SETTINGS,
};

const SettingsSchema = v.object({
  sites: v.optional(v.record(v.string(), v.boolean()), {}),
  theme: v.optional(v.picklist(['system', 'light', 'dark']), 'system'),
  srs: v.optional(v.unknown()),
});

const KEY = 'settings';

/** Merges a stored value over the defaults, keeping each valid part and dropping what does not validate. */
export function normaliseSettings(raw: unknown): Settings {
  const parsed = v.safeParse(SettingsSchema, raw ?? {});
  if (!parsed.success) return DEFAULT_SETTINGS;
  const sites = { ...DEFAULT_SETTINGS.sites };
  for (const id of SITE_IDS) {
    const value = parsed.output.sites[id];
    if (typeof value === 'boolean') sites[id] = value;
  }
  const srs = v.safeParse(SrsSettingsSchema, { ...DEFAULT_SRS_SETTINGS, ...(parsed.output.srs as object | undefined) });
  return { sites, theme: parsed.output.theme, srs: srs.success ? srs.output : DEFAULT_SRS_SETTINGS };
}

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(KEY);
  return normaliseSettings(stored[KEY]);
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [KEY]: settings });
}

export function watchSettings(onChange: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && KEY in changes) onChange(normaliseSettings(changes[KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
