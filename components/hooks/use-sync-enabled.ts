import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { loadPrefs, PREFS_KEY } from '@/utils/sync/prefs';

/** Whether sync is on in this browser, following the switch in Options; null until read. */
export function useSyncEnabled(): boolean | null {
  const [enabled, setEnabled] = useState<boolean | null>(null);
  useEffect(() => {
    let alive = true;
    const read = () =>
      void loadPrefs().then((prefs) => {
        if (alive) setEnabled(prefs.enabled);
      });
    read();
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && PREFS_KEY in changes) read();
    };
    browser.storage.onChanged.addListener(listener);
    return () => {
      alive = false;
      browser.storage.onChanged.removeListener(listener);
    };
  }, []);
  return enabled;
}
