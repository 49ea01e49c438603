/**
 * User settings, one typed storage item (`local:settings`, the key since the first release). Every read is
 * validated: a damaged or older value keeps each part that is valid and falls back to the default for the rest.
 */
import { isRecord } from '@/utils/is-record';
import * as v from 'valibot';
import { SITE_IDS, type SiteId } from '@/utils/page-snapshot';
import { DEFAULT_SRS_SETTINGS, SrsSettingsSchema, type SrsSettings } from '@/utils/srs/settings';
import { validatedItem } from '@/utils/stored-item';

export const ThemeSchema = v.picklist(['system', 'light', 'dark']);
export type ThemeChoice = v.InferOutput<typeof ThemeSchema>;

export interface Settings {
  /** Sites where the background lets a problem page show the hint badge (read for every page decision). */
  sites: Record<SiteId, boolean>;
  /** The extension pages' and overlay's colour scheme; `system` follows prefers-color-scheme. */
  theme: ThemeChoice;
  /** Scheduling and daily limits of the flashcards. */
  srs: SrsSettings;
}

export const DEFAULT_SETTINGS: Settings = {
  sites: Object.fromEntries(SITE_IDS.map((id) => [id, true])) as Record<SiteId, boolean>,
  theme: 'system',
  srs: DEFAULT_SRS_SETTINGS,
};

const orDefault = <K extends keyof SrsSettings>(key: K) =>
  v.fallback(SrsSettingsSchema.entries[key], DEFAULT_SRS_SETTINGS[key]);

/** Each field falls back on its own, so one bad value does not reset its neighbours. */
const SettingsPartsSchema = v.object({
  sites: v.fallback(v.record(v.string(), v.unknown()), {}),
  theme: v.fallback(ThemeSchema, DEFAULT_SETTINGS.theme),
  srs: v.fallback(
    v.object({
      desiredRetention: orDefault('desiredRetention'),
      dayStartHour: orDefault('dayStartHour'),
      newPerDay: orDefault('newPerDay'),
      reviewsPerDay: orDefault('reviewsPerDay'),
      learnAheadMinutes: orDefault('learnAheadMinutes'),
    }),
    DEFAULT_SRS_SETTINGS,
  ),
});

/** Merges a stored value over the defaults, keeping each valid part and dropping what does not validate. */
export function normaliseSettings(raw: unknown): Settings {
  const parsed = v.safeParse(SettingsPartsSchema, isRecord(raw) ? raw : {});
  if (!parsed.success) return DEFAULT_SETTINGS;
  const { sites: storedSites, theme, srs } = parsed.output;
  const sites = { ...DEFAULT_SETTINGS.sites };
  for (const id of SITE_IDS) {
    const value = storedSites[id];
    if (typeof value === 'boolean') sites[id] = value;
  }
  return { sites, theme, srs };
}

export const settingsItem = validatedItem('local:settings', normaliseSettings);

export const loadSettings = (): Promise<Settings> => settingsItem.getValue();

export const saveSettings = (settings: Settings): Promise<void> => settingsItem.setValue(settings);

/** Calls back with the validated settings whenever any context changes them. */
export const watchSettings = (onChange: (settings: Settings) => void): (() => void) => settingsItem.watch(onChange);

/**
 * Every setting as a flat path (`theme`, `sites.leetcode`, `srs.newPerDay`) with the schema its value must pass:
 * sync merges settings per path, so a change to one field on one device does not overwrite another field. The
 * paths are this fixed list, never split from a string: a path from outside is looked up here or ignored.
 */
export const SETTING_PATHS: ReadonlyMap<string, v.GenericSchema> = new Map<string, v.GenericSchema>([
  ['theme', ThemeSchema],
  ...SITE_IDS.map((id): [string, v.GenericSchema] => [`sites.${id}`, v.boolean()]),
  ...Object.entries(SrsSettingsSchema.entries).map(([name, schema]): [string, v.GenericSchema] => [
    `srs.${name}`,
    schema,
  ]),
]);

/** The settings as path → value, in SETTING_PATHS order. */
export function flattenSettings(settings: Settings): Map<string, unknown> {
  const flat = new Map<string, unknown>([['theme', settings.theme]]);
  for (const id of SITE_IDS) flat.set(`sites.${id}`, settings.sites[id]);
  for (const name of Object.keys(SrsSettingsSchema.entries) as (keyof SrsSettings)[])
    flat.set(`srs.${name}`, settings.srs[name]);
  return flat;
}

/**
 * `base` with the values `flat` holds for known paths; a value that does not pass its path's schema leaves the
 * base value. Builds a new object field by field: nothing from `flat` becomes a property name.
 */
export function unflattenSettings(base: Settings, flat: ReadonlyMap<string, unknown>): Settings {
  const read = <S extends v.GenericSchema>(path: string, schema: S): v.InferOutput<S> | undefined => {
    if (!flat.has(path)) return undefined;
    const parsed = v.safeParse(schema, flat.get(path));
    return parsed.success ? parsed.output : undefined;
  };
  const sites = { ...base.sites };
  for (const id of SITE_IDS) sites[id] = read(`sites.${id}`, v.boolean()) ?? sites[id];
  const srs = { ...base.srs };
  for (const name of Object.keys(SrsSettingsSchema.entries) as (keyof SrsSettings)[])
    srs[name] = read(`srs.${name}`, SrsSettingsSchema.entries[name]) ?? srs[name];
  return { sites, theme: read('theme', ThemeSchema) ?? base.theme, srs };
}
