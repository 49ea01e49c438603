/** The background's side effects behind the router's BackgroundServices interface. */
import { browser } from 'wxt/browser';
import { openDb, type AwaitwiseDb } from '@/utils/db';
import { fundamentalsOrder, type DetectIndex } from '@/utils/detect/compact';
// The index is a file of the extension's own, fetched when a page report first needs it: kept out of
// background.js, it costs a woken worker nothing to evaluate (see utils/detect/index-schema.ts).
import { DETECT_INDEX_PATH, parseDetectIndex } from '@/utils/detect/index-schema';
import { parseEditorModel, readEditorInPage } from '@/utils/editor-bridge';
import { hideProblem, isProblemHidden, unhideProblem } from '@/utils/hidden';
import { pageFindingsItem } from '@/utils/page-findings';
import { openPanelNow, setPanelRequest } from '@/utils/panel';
import { loadSettings } from '@/utils/settings';
import { addCards } from '@/utils/srs/repository';
import type { BackgroundServices } from './router';

const MATCH_COLOUR = '#2457c5';
const DUE_COLOUR = '#5c6670';
const OVERLAY_FILES = { popover: '/content-scripts/overlay.js', linter: '/content-scripts/linter.js' } as const;

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
export function actionApi(): BadgeApi | undefined {
  const api: unknown = Reflect.get(browser, 'action') ?? Reflect.get(browser, 'browserAction');
  return isBadgeApi(api) ? api : undefined;
}

export function createBackgroundServices(): BackgroundServices {
  let index: Promise<DetectIndex> | undefined;
  let order: string[] | undefined;
  let db: AwaitwiseDb | undefined;
  const database = () => (db ??= openDb());
  const loadIndex = () =>
    (index ??= fetch(`/${DETECT_INDEX_PATH}`)
      .then((response) => response.json())
      .then(parseDetectIndex)
      .catch((error: unknown) => {
        index = undefined;
        throw error;
      }));

  return {
    index: loadIndex,
    now: () => Date.now(),
    async siteEnabled(site) {
      return (await loadSettings()).sites[site];
    },
    isHidden: isProblemHidden,
    setHidden: (key, hidden) => (hidden ? hideProblem(key) : unhideProblem(key)),
    async practiceSolvedAt(problemId) {
      return (await database().practiceProgress.get(problemId))?.solvedAt ?? null;
    },
    async addCards(ids, source) {
      order ??= fundamentalsOrder((await loadIndex()).questions);
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
    async dropFindings(tabId) {
      await pageFindingsItem(tabId).removeValue();
    },
    async loadOverlay({ tabId, frameId }, part) {
      // Only into the frame that asked, and only on our problem pages: host permissions are the content
      // script's own matches, so the browser refuses any other page.
      try {
        await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [OVERLAY_FILES[part]] });
        return true;
      } catch (error) {
        console.warn('[awaitwise] could not load the overlay', error);
        return false;
      }
    },
    async readEditor({ tabId, frameId }, scope) {
      try {
        const [result] = await browser.scripting.executeScript({
          target: { tabId, frameIds: [frameId] },
          world: 'MAIN',
          func: readEditorInPage,
          args: [scope ?? null],
        });
        const model = parseEditorModel(result?.result);
        return model ? { ...model, source: 'editor' } : null;
      } catch (error) {
        console.warn('[awaitwise] could not read the editor', error);
        return null;
      }
    },
    openPanel(target, request) {
      // Must run before any await: the user's click is only honoured synchronously.
      const opened = openPanelNow({ tabId: target.tabId, windowId: target.windowId });
      return Promise.all([setPanelRequest(request), opened]).then(([, ok]) => ok);
    },
  };
}
