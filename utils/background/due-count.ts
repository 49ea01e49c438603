/** The toolbar's window-wide due count: kept current as cards are reviewed in any view, and across day changes. */
import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import { openDb } from '@/utils/db';
import { loadSettings } from '@/utils/settings';
import { dueCountToday } from '@/utils/srs/queue';
import { actionApi } from './services';

const DUE_COLOUR = '#5c6670';
const ALARM = 'due-refresh';

/** Call synchronously in the background's main: the alarm listener must exist when an alarm wakes the worker. */
export function watchDueCount(): void {
  const db = openDb();
  const refresh = async () => {
    const settings = await loadSettings();
    return (await dueCountToday(db, Date.now(), settings.srs)).total;
  };
  const show = async (count: number) => {
    const action = actionApi();
    if (!action) return;
    await action.setBadgeText({ text: count > 0 ? String(count) : '' });
    await action.setBadgeBackgroundColor({ color: DUE_COLOUR });
  };
  const failed = (error: unknown) => console.error('[awaitwise] due count failed', error);
  liveQuery(refresh).subscribe({
    next: (count) => {
      show(count).catch(failed);
    },
    error: failed,
  });
  // Not every implementation answers with a promise (WXT's fake browser does not).
  Promise.resolve(browser.alarms?.create(ALARM, { periodInMinutes: 30 })).catch((error: unknown) =>
    console.error('[awaitwise] no due-count alarm', error),
  );
  browser.alarms?.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) refresh().then(show).catch(failed);
  });
}
