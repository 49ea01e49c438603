import { useCallback, useEffect, useState } from 'preact/hooks';
import { formatRoute, parseRoute, sameRoute, type Route } from '@/utils/routes';

export interface Router {
  route: Route;
  /**
   * Goes to a route. A new history entry by default, so Back returns; `replace` rewrites the current one
   * (typing in a search box should not leave one entry per letter).
   */
  navigate: (route: Route, options?: { replace?: boolean }) => void;
}

/** How many entries this page pushed below the current one: Back stays inside the panel while it is > 0. */
interface HistoryState {
  awDepth?: number;
}
const depth = () => (history.state as HistoryState | null)?.awDepth ?? 0;

/** The page's route, kept in `location.hash`: reload keeps the view and Back walks the history. */
export function useHashRoute(): Router {
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash));
  useEffect(() => {
    // The first view gets its address too, so Back from the next one returns to it.
    if (!location.hash) history.replaceState({ awDepth: 0 } satisfies HistoryState, '', formatRoute(parseRoute('')));
    // Back and Forward fire popstate; a hash typed or set by a link fires hashchange.
    const onChange = () =>
      setRoute((prev) => {
        const next = parseRoute(location.hash);
        return sameRoute(prev, next) ? prev : next;
      });
    window.addEventListener('hashchange', onChange);
    window.addEventListener('popstate', onChange);
    return () => {
      window.removeEventListener('hashchange', onChange);
      window.removeEventListener('popstate', onChange);
    };
  }, []);
  const navigate = useCallback((next: Route, options?: { replace?: boolean }) => {
    const current = parseRoute(location.hash);
    if (sameRoute(current, next)) return;
    // pushState and replaceState fire no event: the state is set here.
    const hash = formatRoute(next);
    if (options?.replace) history.replaceState({ awDepth: depth() } satisfies HistoryState, '', hash);
    else history.pushState({ awDepth: depth() + 1 } satisfies HistoryState, '', hash);
    setRoute(parseRoute(hash));
  }, []);
  return { route, navigate };
}
