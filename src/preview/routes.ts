/** The preview's addresses. A profile's are its key (its path in the content folder, without .md). */
export type Route =
  | { kind: 'index' | 'events' | 'script' | 'style' }
  /** profile: the preview page; panel, fit: its parts, fetched again on each update; print: the printed HTML. */
  | { kind: 'profile' | 'panel' | 'fit' | 'print'; key: string };

const fixed: Record<string, Route> = {
  '/': { kind: 'index' },
  '/events': { kind: 'events' },
  '/preview.js': { kind: 'script' },
  '/preview.css': { kind: 'style' },
};

const profileRoute = /^\/(profile|panel|fit|print)\/(.+)$/;

/**
 * The route of a request's URL as sent, undefined for anything else. A key is only ever looked up
 * among the profiles read from the content folder, never joined to a file path: "..", "%2e%2e" or an
 * absolute path can name nothing else.
 */
export function routeOf(url: string): Route | undefined {
  const path = url.split(/[?#]/)[0] ?? '';
  const route = fixed[path];
  if (route) return route;
  const match = profileRoute.exec(path);
  if (!match) return undefined;
  try {
    const key = (match[2] as string).split('/').map(decodeURIComponent).join('/');
    return { kind: match[1] as 'profile' | 'panel' | 'fit' | 'print', key };
  } catch {
    return undefined; // malformed percent-encoding
  }
}

export function urlOf(kind: 'profile' | 'panel' | 'fit' | 'print', key: string): string {
  return `/${kind}/${key.split('/').map(encodeURIComponent).join('/')}`;
}
