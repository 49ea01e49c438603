import { useCallback, useEffect, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, loadSettings, saveSettings, watchSettings, type Settings } from '@/utils/settings';

/** Current settings, live across views; `update` saves and every open view follows. */
export function useSettings(): { settings: Settings; loaded: boolean; update: (next: Settings) => Promise<void> } {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    let alive = true;
    void loadSettings().then((s) => {
      if (alive) {
        setSettings(s);
        setLoaded(true);
      }
    });
    const stop = watchSettings(setSettings);
    return () => {
      alive = false;
      stop();
    };
  }, []);
  const update = useCallback(async (next: Settings) => {
    setSettings(next);
    await saveSettings(next);
  }, []);
  return { settings, loaded, update };
}
