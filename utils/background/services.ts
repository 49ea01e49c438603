/** The background's side effects behind the router's BackgroundServices interface. */
import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import { openDb, type AwaitwiseDb } from '@/utils/db';
import { fundamentalsOrder, type DetectIndex } from '@/utils/detect/compact';
// Generated with knowledge.json by scripts/build-data.ts: detection's part of it only (no answers, snippets).
// Imported as text and parsed on first use: a string costs the woken worker nothing to evaluate, and
// JSON.parse is faster than an object literal when it is needed.
import compiledIndex from '@/data/generated/detect-index.json?raw';
import { openPanelNow, setPanelRequest } from '@/utils/panel';
import { loadSettings } from '@/utils/settings';
import { addCards } from '@/utils/srs/repository';
import { dueCountToday } from '@/utils/srs/queue';
import type { BackgroundServices } from './router';

const MATCH_COLOUR = '#2457c5';
const DUE_COLOUR = '#5c6670';

/**
 * What the background uses of the toolbar button. `text: null` clears a tab's own text so the window-wide
 * one shows: Chrome and Firefox both document it, WXT's typings only allow a string.
 */
interface BadgeApi {
  setBadgeText: (details: { tabId?: number; text: string | null }) => Promise<void>;
  setBadgeBackgroundColor: (details: { tabId?: number; color: string }) => Promise<void>;
}
const isBadgeApi = (api: unknown): api is BadgeApi =>
  typeof api === 'object' &&
  api !== null &&
  'setBadgeText' in api &&
  typeof api.setBadgeText === 'function' &&
  'setBadgeBackgroundColor' in api &&
  typeof api.setBadgeBackgroundColor === 'function';

/** The action API: `action` in MV3, `browserAction` in Firefox MV2 (not in WXT's typings): checked at run time. */
function actionApi(): BadgeApi | undefined {
  const api: unknown = Reflect.get(browser, 'action') ?? Reflect.get(browser, 'browserAction');
  return isBadgeApi(api) ? api : undefined;
}

let parsedIndex: DetectIndex | undefined;
/** Validated at build time (scripts/build-data.ts), so parsed here without a second check. */
const detectIndex = (): DetectIndex => (parsedIndex ??= JSON.parse(compiledIndex) as DetectIndex);
const OVERLAY_FILE = '/content-scripts/overlay.js';
const EDITOR_READER_FILE = '/content-scripts/editor-reader.js';

export function createBackgroundServices(): BackgroundServices & { watchDueCount(): void } {
  let order: string[] | undefined;
  let db: AwaitwiseDb | undefined;
  const database = () => (db ??= openDb());
  let dueText = '';

  const setDueText = async (count: number) => {
    dueText = count > 0 ? String(count) : '';
    const action = actionApi();
    if (!action) return;
    await action.setBadgeText({ text: dueText });
    await action.setBadgeBackgroundColor({ color: DUE_COLOUR });
  };

  return {
    get index() {
      return detectIndex();
    },
    now: () => Date.now(),
    async practiceSolvedAt(problemId) {
      return (await database().practiceProgress.get(problemId))?.solvedAt ?? null;
    },
    async addCards(ids, source) {
      order ??= fundamentalsOrder(detectIndex());
      const result = await addCards(database(), ids, source, Date.now(), order);
      return result.added.length;
    },
    async setTabBadge(tabId, count) {
      const action = actionApi();
      if (!action) return;
      try {
        if (count === null) {
          // null clears the tab's own text, so the window-wide due count shows (and stays current).
          await action.setBadgeText({ tabId, text: null });
          await action.setBadgeBackgroundColor({ tabId, color: DUE_COLOUR });
        } else {
          await action.setBadgeText({ tabId, text: String(count) });
          await action.setBadgeBackgroundColor({ tabId, color: MATCH_COLOUR });
        }
      } catch {
        // The tab closed between the report and the badge update: nothing to show it on.
      }
    },
    async loadOverlay({ tabId, frameId }) {
      // Only into the frame that asked, and only on our problem pages: host permissions are the content
      // script's own matches, so the browser refuses any other page.
      const target = { tabId, frameIds: [frameId] };
      try {
        await Promise.all([
          browser.scripting.executeScript({ target, files: [OVERLAY_FILE] }),
          browser.scripting.executeScript({ target, files: [EDITOR_READER_FILE], world: 'MAIN' }),
        ]);
        return true;
      } catch (error) {
        console.warn('[awaitwise] could not load the overlay', error);
        return false;
      }
    },
    openPanel(target, view) {
      // Must run before any await: the user's click is only honoured synchronously.
      const opened = openPanelNow({ tabId: target.tabId, windowId: target.windowId });
      return Promise.all([setPanelRequest({ view }), opened]).then(([, ok]) => ok);
    },
    /** Keeps the toolbar's due count current as cards are reviewed in any view, and across day changes. */
    watchDueCount() {
      const refresh = async () => {
        const settings = await loadSettings();
        return (await dueCountToday(database(), Date.now(), settings.srs)).total;
      };
      const failed = (error: unknown) => console.error('[awaitwise] due count failed', error);
      liveQuery(refresh).subscribe({
        next: (count) => {
          setDueText(count).catch(failed);
        },
        error: failed,
      });
      // Not every implementation answers with a promise (WXT's fake browser does not).
      Promise.resolve(browser.alarms?.create('due-refresh', { periodInMinutes: 30 })).catch((error: unknown) =>
        console.error('[awaitwise] no due-count alarm', error),
      );
      browser.alarms?.onAlarm.addListener((alarm) => {
        if (alarm.name === 'due-refresh') refresh().then(setDueText).catch(failed);
      });
    },
  };
}
