/** The background's side effects behind the router's BackgroundServices interface. */
import type { Action } from 'webextension-polyfill';
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
const OVERLAY_FILE = '/content-scripts/overlay.js';

/**
 * The toolbar button's API: `action` in MV3, `browserAction` in Firefox MV2. Typed as the polyfill (what
 * `browser` is at run time), whose typings know that a null text clears a tab's own badge text.
 */
export function actionApi(): Action.Static | undefined {
  const api: unknown = 'action' in browser ? browser.action : Reflect.get(browser, 'browserAction');
  return isActionApi(api) ? api : undefined;
}

function isActionApi(api: unknown): api is Action.Static {
  return typeof api === 'object' && api !== null && 'setBadgeText' in api && typeof api.setBadgeText === 'function';
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
    async loadOverlay({ tabId, frameId }) {
      // Only into the frame that asked, and only on our problem pages: host permissions are the content
      // script's own matches, so the browser refuses any other page.
      try {
        await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [OVERLAY_FILE] });
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
