/**
 * The settings part of a backup: what the user chose (sites, theme, flashcard settings) and the problems
 * whose badge they hid. Checked part by part: a damaged part is skipped with a message and the user's own
 * value for it stays, and nothing here can make the import of the cards fail.
 */
import { isRecord } from '@/utils/is-record';
import * as v from 'valibot';
import { listHiddenProblems, setHiddenProblems } from '@/utils/hidden';
import { SITE_IDS } from '@/utils/page-snapshot';
import { loadSettings, saveSettings } from '@/utils/settings';
import { BackupSettingsSchema, inKeyOrder, type BackupSettings } from '@/utils/srs/backup-schema';
import { SrsSettingsSchema } from '@/utils/srs/settings';

export type SettingsPart = keyof BackupSettings;

/** What a file's settings hold that this version can restore, and why the rest is skipped. */
export interface SettingsInFile {
  parts: Partial<BackupSettings>;
  /** One line per skipped part or value, naming its place: `settings.theme: expected one of …`. */
  skipped: string[];
}

const PARTS = Object.keys(BackupSettingsSchema.entries);
const isKnownSite = (id: string): id is (typeof SITE_IDS)[number] => (SITE_IDS as readonly string[]).includes(id);

/** The settings as the export writes them: parts, sites and SRS fields always in the same order. */
export async function exportSettings(): Promise<BackupSettings> {
  const [settings, hiddenBadges] = await Promise.all([loadSettings(), listHiddenProblems()]);
  return {
    sites: Object.fromEntries(SITE_IDS.map((id) => [id, settings.sites[id]])),
    theme: settings.theme,
    srs: inKeyOrder(settings.srs, SrsSettingsSchema),
    hiddenBadges,
  };
}

/**
 * Checks each part of a file's `settings` on its own. `describe` turns a valibot issue into the message
 * the rest of the import uses, with `at` as the place in the file.
 */
export function parseBackupSettings(
  raw: unknown,
  describe: (issue: v.BaseIssue<unknown>, at: string) => string,
): SettingsInFile {
  const found: SettingsInFile = { parts: {}, skipped: [] };
  if (!isRecord(raw)) {
    found.skipped.push('settings: expected an object');
    return found;
  }
  const take = <S extends v.GenericSchema>(part: SettingsPart, schema: S): v.InferOutput<S> | undefined => {
    if (!(part in raw)) return undefined;
    const parsed = v.safeParse(schema, raw[part], { abortEarly: true });
    if (parsed.success) return parsed.output;
    found.skipped.push(describe(parsed.issues[0], `settings.${part}`));
    return undefined;
  };
  const { entries } = BackupSettingsSchema;
  const sites = take('sites', entries.sites);
  const theme = take('theme', entries.theme);
  const srs = take('srs', entries.srs);
  const hiddenBadges = take('hiddenBadges', entries.hiddenBadges);
  found.parts = {
    ...(sites && { sites }),
    ...(theme && { theme }),
    ...(srs && { srs }),
    ...(hiddenBadges && { hiddenBadges }),
  };
  for (const key of Object.keys(raw)) {
    if (!PARTS.includes(key)) found.skipped.push(`settings.${key}: not a setting this version has`);
  }
  if (found.parts.sites) {
    for (const id of Object.keys(found.parts.sites)) {
      if (!isKnownSite(id)) found.skipped.push(`settings.sites.${id}: not a site this version knows`);
    }
  }
  return found;
}

/**
 * Writes the parts found; parts the file lacks or skipped keep the user's value. Hidden badges are
 * replaced by the file's list in `replace` mode and added to in `merge` mode.
 */
export async function restoreSettings(
  parts: Partial<BackupSettings>,
  mode: 'replace' | 'merge',
): Promise<SettingsPart[]> {
  const restored: SettingsPart[] = [];
  const { sites, theme, srs, hiddenBadges } = parts;
  if (sites || theme || srs) {
    const current = await loadSettings();
    const nextSites = { ...current.sites };
    for (const id of SITE_IDS) if (sites && typeof sites[id] === 'boolean') nextSites[id] = sites[id];
    await saveSettings({ sites: nextSites, theme: theme ?? current.theme, srs: srs ?? current.srs });
    if (sites) restored.push('sites');
    if (theme) restored.push('theme');
    if (srs) restored.push('srs');
  }
  if (hiddenBadges) {
    await setHiddenProblems(mode === 'merge' ? [...(await listHiddenProblems()), ...hiddenBadges] : hiddenBadges);
    restored.push('hiddenBadges');
  }
  return restored;
}
