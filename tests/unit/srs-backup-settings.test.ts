/** Backups hold the settings and hidden badges: restored part by part, never at the cost of the cards. */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { listHiddenProblems, setHiddenProblems } from '@/utils/hidden';
import { DEFAULT_SETTINGS, loadSettings, saveSettings, type Settings } from '@/utils/settings';
import { importBackupText, type Backup } from '@/utils/srs/backup';
import { DEFAULT_SRS_SETTINGS } from '@/utils/srs/settings';
import { KNOWN, exportText, studiedDeck, type Editable } from './srs-studied-deck';
import { throwawayDbs } from './srs-throwaway-db';

const freshDb = throwawayDbs(afterAll);

const MINE: Settings = {
  sites: { ...DEFAULT_SETTINGS.sites, leetcode: false, codewars: false },
  theme: 'dark',
  srs: { ...DEFAULT_SRS_SETTINGS, newPerDay: 4, desiredRetention: 0.85 },
};
const HIDDEN = ['leetcode:two-sum', 'neetcode:lru-cache'];
/** What another device, or the user before a change, had. */
const THEIRS: Settings = { ...DEFAULT_SETTINGS, theme: 'light', srs: { ...DEFAULT_SRS_SETTINGS, newPerDay: 20 } };

let text: string;
let file: Backup;

beforeEach(() => fakeBrowser.reset());

async function studiedWithSettings(): Promise<void> {
  if (text) return;
  const db = freshDb();
  await studiedDeck(db);
  await saveSettings(MINE);
  await setHiddenProblems(HIDDEN);
  text = await exportText(db);
  file = JSON.parse(text) as Backup;
}

const withSettings = (settings: unknown) => {
  const copy = structuredClone(file) as Editable;
  if (settings === undefined) delete copy.settings;
  else copy.settings = settings;
  return JSON.stringify(copy);
};

describe('settings in a backup', () => {
  it('the export holds the sites, theme, flashcard settings and hidden badges, in a fixed order', async () => {
    await studiedWithSettings();
    expect(file.settings).toEqual({ ...MINE, hiddenBadges: HIDDEN });
    expect(Object.keys(file.settings!)).toEqual(['sites', 'theme', 'srs', 'hiddenBadges']);
    expect(Object.keys(file.settings!.srs)).toEqual(Object.keys(DEFAULT_SRS_SETTINGS));
  });

  it('import restores them in a fresh browser, and export → import → export is identical', async () => {
    await studiedWithSettings();
    const db = freshDb();
    const result = await importBackupText(db, text, KNOWN, 'merge', { restoreSettings: true });
    expect(result).toMatchObject({
      ok: true,
      summary: { settingsRestored: ['sites', 'theme', 'srs', 'hiddenBadges'], settingsSkipped: [], settingsKept: [] },
    });
    expect(await loadSettings()).toEqual(MINE);
    expect(await listHiddenProblems()).toEqual(HIDDEN);
    expect(await exportText(db)).toBe(text);
  });

  it("a merge keeps the user's sites, theme and new cards per day unless asked, and says which it kept", async () => {
    await studiedWithSettings();
    await saveSettings(THEIRS);
    await setHiddenProblems(['exercism:bank-account']);
    const result = await importBackupText(freshDb(), text, KNOWN, 'merge');
    expect(result).toMatchObject({
      ok: true,
      summary: { settingsRestored: ['hiddenBadges'], settingsKept: ['sites', 'theme', 'srs'], settingsSkipped: [] },
    });
    expect(await loadSettings()).toEqual(THEIRS);
    // Hidden badges are data, not a choice: a merge adds the file's to the user's.
    expect(await listHiddenProblems()).toEqual(['exercism:bank-account', ...HIDDEN]);
    // Asked to, the same merge restores them.
    const asked = await importBackupText(freshDb(), text, KNOWN, 'merge', { restoreSettings: true });
    expect(asked).toMatchObject({ ok: true, summary: { settingsKept: [] } });
    expect(await loadSettings()).toEqual(MINE);
  });

  it('an old backup without settings imports as before and leaves the settings alone', async () => {
    await studiedWithSettings();
    await saveSettings(THEIRS);
    await setHiddenProblems(['exercism:bank-account']);
    const db = freshDb();
    const result = await importBackupText(db, withSettings(undefined), KNOWN, 'replace');
    expect(result).toMatchObject({ ok: true, summary: { settingsRestored: [], settingsSkipped: [] } });
    expect(await db.cards.count()).toBe(file.cards.length);
    expect(await loadSettings()).toEqual(THEIRS);
    expect(await listHiddenProblems()).toEqual(['exercism:bank-account']);
  });

  it('a damaged part is skipped with a message and keeps the user value; the cards and the good parts import', async () => {
    await studiedWithSettings();
    await saveSettings(THEIRS);
    await setHiddenProblems(['exercism:bank-account']);
    const db = freshDb();
    const damaged = {
      ...file.settings,
      sites: { ...file.settings!.sites, hackerrank: false, nowhere: false },
      theme: 'purple',
      srs: { ...file.settings!.srs, newPerDay: -1 },
      hiddenBadges: 'leetcode:two-sum',
      fontSize: 14,
    };
    const result = await importBackupText(db, withSettings(damaged), KNOWN, 'replace');
    if (!result.ok) throw new Error(result.error);
    expect(result.summary.cardsAdded).toBe(file.cards.length);
    expect(result.summary.logsAdded).toBe(file.reviewLogs.length);
    expect(result.summary.settingsRestored).toEqual(['sites']);
    expect(result.summary.settingsSkipped).toEqual([
      'settings.theme: expected one of system, light, dark',
      expect.stringMatching(/^settings\.srs\.newPerDay: .+/),
      'settings.hiddenBadges: expected an array',
      'settings.fontSize: not a setting this version has',
      'settings.sites.nowhere: not a site this version knows',
    ]);
    expect(await loadSettings()).toEqual({ ...THEIRS, sites: { ...MINE.sites, hackerrank: false } });
    expect(await listHiddenProblems()).toEqual(['exercism:bank-account']);
  });

  it.each([null, 'dark', 7, [1]])('settings that are not an object (%j) are skipped whole', async (settings) => {
    await studiedWithSettings();
    await saveSettings(THEIRS);
    const result = await importBackupText(freshDb(), withSettings(settings), KNOWN, 'merge');
    expect(result).toMatchObject({
      ok: true,
      summary: {
        cardsAdded: file.cards.length,
        settingsRestored: [],
        settingsSkipped: ['settings: expected an object'],
      },
    });
    expect(await loadSettings()).toEqual(THEIRS);
  });

  it('hidden badges: merge adds the file list to the user list, replace puts the file list in its place', async () => {
    await studiedWithSettings();
    await setHiddenProblems(['exercism:bank-account', 'leetcode:two-sum']);
    await importBackupText(freshDb(), text, KNOWN, 'merge');
    expect(await listHiddenProblems()).toEqual(['exercism:bank-account', 'leetcode:two-sum', 'neetcode:lru-cache']);
    await setHiddenProblems(['exercism:bank-account']);
    await importBackupText(freshDb(), text, KNOWN, 'replace');
    expect(await listHiddenProblems()).toEqual(HIDDEN);
  });

  it('a file refused for its records restores no settings either', async () => {
    await studiedWithSettings();
    await saveSettings(THEIRS);
    const copy = structuredClone(file) as Editable;
    copy.cards[0]!.due = 'soon';
    const result = await importBackupText(freshDb(), JSON.stringify(copy), KNOWN, 'replace');
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/^cards\[0\]\.due: /) as unknown });
    expect(await loadSettings()).toEqual(THEIRS);
  });
});
