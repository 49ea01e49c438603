/**
 * The side panel's addresses: `sidepanel.html#/review`, `#/question/<id>`, `#/browse?q=gather`. One entry in
 * `ROUTES` gives a view its address; `parseRoute` and `formatRoute` are inverse for every route.
 */

interface RouteSpec {
  /** The view takes an id from the path (`#/question/<id>`); a route without one is refused. */
  readonly id?: true;
  /** The view keeps an optional search query in `?q=`. */
  readonly query?: true;
}

/** Every view with an address, in no particular order. Add a view here and in the side panel's view table. */
export const ROUTES = {
  page: {},
  browse: { query: true },
  question: { id: true },
  practice: { id: true },
  review: {},
  stats: {},
  deck: { query: true },
  quiz: { id: true },
  interview: {},
} as const satisfies Record<string, RouteSpec>;

export type RouteName = keyof typeof ROUTES;

type RouteOf<K extends RouteName> = { view: K } & ((typeof ROUTES)[K] extends { id: true } ? { id: string } : unknown) &
  ((typeof ROUTES)[K] extends { query: true } ? { query?: string } : unknown);

export type Route = { [K in RouteName]: RouteOf<K> }[RouteName];

export const DEFAULT_ROUTE: Route = { view: 'page' };

const isRouteName = (name: string): name is RouteName => Object.hasOwn(ROUTES, name);

interface RouteFields {
  view: string;
  id?: string;
  query?: string;
}

/** A known view, with an id exactly when the view takes one and a query only where the view keeps one. */
function isRoute(fields: RouteFields): fields is Route {
  if (!isRouteName(fields.view)) return false;
  const spec: RouteSpec = ROUTES[fields.view];
  return (spec.id ? Boolean(fields.id) : fields.id === undefined) && (spec.query || fields.query === undefined);
}

/** The route a `location.hash` names; anything unknown or malformed is the default view. */
export function parseRoute(hash: string): Route {
  const text = hash.replace(/^#/, '').replace(/^\//, '');
  const queryAt = text.indexOf('?');
  const path = queryAt === -1 ? text : text.slice(0, queryAt);
  const params = new URLSearchParams(queryAt === -1 ? '' : text.slice(queryAt + 1));
  const [name = '', ...rest] = path.split('/');
  if (!isRouteName(name)) return DEFAULT_ROUTE;
  const spec: RouteSpec = ROUTES[name];
  const route: RouteFields = { view: name };
  if (spec.id) {
    let id: string;
    try {
      id = decodeURIComponent(rest.join('/'));
    } catch {
      return DEFAULT_ROUTE;
    }
    if (!id) return DEFAULT_ROUTE;
    route.id = id;
  } else if (rest.some(Boolean)) {
    return DEFAULT_ROUTE;
  }
  const q = params.get('q');
  if (spec.query && q) route.query = q;
  return isRoute(route) ? route : DEFAULT_ROUTE;
}

/** The hash for a route, `#/question/gather-exceptions`; the query is left out when empty. */
export function formatRoute(route: Route): string {
  const spec: RouteSpec = ROUTES[route.view];
  let hash = `#/${route.view}`;
  if (spec.id && 'id' in route) hash += `/${encodeURIComponent(route.id)}`;
  if (spec.query && 'query' in route && route.query) hash += `?${new URLSearchParams({ q: route.query })}`;
  return hash;
}

/** Two routes name the same address. */
export function sameRoute(a: Route, b: Route): boolean {
  return formatRoute(a) === formatRoute(b);
}
