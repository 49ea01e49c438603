import { useEffect, useState } from 'preact/hooks';

/**
 * A counter that moves on every `intervalMs` and whenever the page becomes visible again, for queries that
 * depend on the time as well as on the database (a learning card coming due, a new study day). Timers in a
 * hidden side panel are throttled, hence the visibility refresh.
 */
export function useTick(intervalMs: number): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const bump = () => setTick((t) => t + 1);
    const onVisible = () => {
      if (document.visibilityState === 'visible') bump();
    };
    const timer = setInterval(bump, intervalMs);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [intervalMs]);
  return tick;
}
