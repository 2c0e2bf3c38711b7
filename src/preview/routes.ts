/** The preview's addresses. A profile's are its key (its path in the content folder, without .md). */
export type Route =
  | { kind: 'index' | 'events' | 'script' | 'style' }
  /** profile: the preview page; panel, fit: its parts, fetched again on each update; print: the printed HTML. */
  | { kind: 'profile' | 'panel' | 'fit' | 'print'; key: string }
  /** image: printed page n of a profile as a PNG, /page/<key>/<n>.png. */
  | { kind: 'image'; key: string; page: number };

const fixed: Record<string, Route> = {
  '/': { kind: 'index' },
  '/events': { kind: 'events' },
  '/preview.js': { kind: 'script' },
  '/preview.css': { kind: 'style' },
};

const profileRoute = /^\/(profile|panel|fit|print)\/(.+)$/;
const imageRoute = /^\/page\/(.+)\/([1-9])\.png$/;

const decodeKey = (key: string) => key.split('/').map(decodeURIComponent).join('/');

/**
 * The route of a request's URL as sent, undefined for anything else. A key is only ever looked up
 * among the profiles read from the content folder, never joined to a file path: "..", "%2e%2e" or an
 * absolute path can name nothing else.
 */
export function routeOf(url: string): Route | undefined {
  const path = url.split(/[?#]/)[0] ?? '';
  const route = fixed[path];
  if (route) return route;
  const image = imageRoute.exec(path);
  const match = profileRoute.exec(path);
  try {
    if (image) return { kind: 'image', key: decodeKey(image[1] as string), page: Number(image[2]) };
    if (!match) return undefined;
    return { kind: match[1] as 'profile' | 'panel' | 'fit' | 'print', key: decodeKey(match[2] as string) };
  } catch {
    return undefined; // malformed percent-encoding
  }
}

export function urlOf(kind: 'profile' | 'panel' | 'fit' | 'print', key: string): string {
  return `/${kind}/${key.split('/').map(encodeURIComponent).join('/')}`;
}

export function imageUrlOf(key: string, page: number): string {
  return `/page/${key.split('/').map(encodeURIComponent).join('/')}/${page}.png`;
}
