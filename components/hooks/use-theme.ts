import { useEffect, useState } from 'preact/hooks';
import type { ThemeChoice } from '@/utils/settings';

const query = () => window.matchMedia?.('(prefers-color-scheme: dark)');

/** Resolves the user's theme choice, following the system while the choice is "system". */
export function useTheme(choice: ThemeChoice): 'light' | 'dark' {
  const [systemDark, setSystemDark] = useState(() => query()?.matches ?? false);
  useEffect(() => {
    const media = query();
    if (!media) return;
    const listener = (e: MediaQueryListEvent) => setSystemDark(e.matches);
    media.addEventListener('change', listener);
    return () => media.removeEventListener('change', listener);
  }, []);
  if (choice === 'system') return systemDark ? 'dark' : 'light';
  return choice;
}
