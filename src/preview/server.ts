import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isAddress, isLoopbackAddress, isLoopbackHost } from './loopback.js';
import { dirname } from 'node:path';
import type { Browser } from 'puppeteer';
import { loadCorpus } from '../validate/corpus.js';
import { InputError } from '../errors.js';
import { displayPath } from '../read/collect.js';
import { renderHtml } from '../html/html.js';
import { summarize } from '../report/messages.js';
import type { ValidProfile } from '../profile/valid.js';
import type { ProseSettings } from '../validate/prose/settings.js';
import type { RuleSettings } from '../validate/validate.js';
import { clientScript, stylesheet } from './client.js';
import { EventHub } from './events.js';
import { FitMeter, type FitResult } from '../engine/fit-meter.js';
import { fitFragment, indexPage, notFoundPage, panelFragment, profilePage } from './pages.js';
import { routeOf } from './routes.js';
import { watchContent } from './watch.js';
import { Workspace, type Update } from './workspace.js';

export interface PreviewOptions {
  /** The content folder: <edition>/<slug>.md. */
  content: string;
  /** Folders of extra edition files, as in the settings. */
  editionFolders?: string[];
  rules?: RuleSettings;
  /** The project's words and prose severity at final (config `prose`, content/.dictionary). */
  prose?: ProseSettings;
  /** Default 127.0.0.1: only this machine can connect. */
  host?: string;
  /** Default 4321; 0 picks a free port. */
  port?: number;
  /** How the copy-fit browser starts; default launchBrowser(). */
  launch?: () => Promise<Browser>;
  /** After each update has been sent to the open pages. */
  onUpdate?: (update: Update, workspace: Workspace) => void;
  /** A failure that the preview survives (the watcher's, a request's). */
  onError?: (error: Error) => void;
}

export interface Preview {
  url: string;
  /** Whether the address listened on (as bound, whatever its spelling) is loopback: only this machine can connect. */
  loopback: boolean;
  workspace: Workspace;
  close(): Promise<void>;
}

// Pages: only their own script and style, nothing framing them. Printed HTML: a sandbox with no script
// at all (even opened on its own), only inlined styles, fonts and images, framed only by the preview.
const shellPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const printPolicy = "sandbox; default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";


function send(request: IncomingMessage, response: ServerResponse, status: number, type: string, body: string | Uint8Array, policy = shellPolicy): void {
  response.writeHead(status, {
    'content-type': typeof body === 'string' ? `${type}; charset=utf-8` : type,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'content-security-policy': policy,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const reasons: Record<string, string> = {
        EADDRINUSE: `port ${port} is in use; choose another with --port (0 picks a free one)`,
        EACCES: `not allowed to listen on port ${port}`,
        EADDRNOTAVAIL: 'no such address on this machine',
        ENOTFOUND: 'no such host',
      };
      reject(new InputError(`cannot listen on ${host}:${port}: ${reasons[error.code ?? ''] ?? error.code ?? error.message}`));
    });
    server.listen(port, host, resolve);
  });
}

/** The HTML of printed pages, kept per validated version: two frames and the copy-fit ask for it. */
const printedHtml = new WeakMap<ValidProfile, string>();
function htmlOf(entry: ValidProfile): string {
  let text = printedHtml.get(entry);
  if (text === undefined) {
    text = renderHtml(entry);
    printedHtml.set(entry, text);
  }
  return text;
}

/**
 * Serves the content folder's profiles as they print, with their messages and copy-fit, and tells the
 * open pages when a save changes them. Resolves once it listens.
 */
export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const host = options.host ?? '127.0.0.1';
  const onError = options.onError ?? (() => undefined);
  // Watching first, reading second: a save made meanwhile is applied once the folder is read.
  const watcher = await watchContent(options.content, onError);
  const events = new EventHub();
  const fits = new FitMeter(options.launch, { images: true });
  let workspace: Workspace;
  // Decided by the address bound once listening; until then every request is held to the strict rule.
  let loopback = true;
  const server = createServer((request, response) => {
    handle(request, response).catch((error: Error) => {
      onError(error);
      if (!response.headersSent) send(request, response, 500, 'text/plain', `internal error: ${error.message}\n`);
      else response.end();
    });
  });
  try {
    workspace = new Workspace(options.content, await loadCorpus([options.content], { editionFolders: options.editionFolders, prose: options.prose }), options.rules);
    await listen(server, options.port ?? 4321, host);
  } catch (error) {
    await Promise.all([watcher.close(), fits.close()]);
    throw error;
  }

  watcher.deliver(async (paths) => {
    const update = await workspace.update(paths);
    if (update.changed.length === 0) return;
    for (const key of update.revalidated) if (!workspace.profiles.has(key)) fits.forget(key);
    events.send(update);
    options.onUpdate?.(update, workspace);
  });

  async function fitOf(entry: ValidProfile, key: string): Promise<FitResult> {
    let text: string;
    try {
      text = htmlOf(entry);
    } catch (error) {
      return { measured: false, reason: `cannot lay out the pages: ${(error as Error).message}` };
    }
    return fits.measure(key, text);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // On a loopback address, only requests naming this machine: a web page cannot reach the preview by DNS rebinding.
    if (loopback && !isLoopbackHost(request.headers.host)) return send(request, response, 403, 'text/plain', 'forbidden: unexpected Host header\n');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('allow', 'GET, HEAD');
      return send(request, response, 405, 'text/plain', 'method not allowed\n');
    }
    const route = routeOf(request.url ?? '/');
    if (route?.kind === 'index') {
      const query = new URL(request.url ?? '/', 'http://preview').searchParams;
      const notes = summarize([], [...workspace.editionNotes.values()]).messages;
      return send(request, response, 200, 'text/html', indexPage(displayPath(options.content), [...workspace.profiles.values()], query, notes));
    }
    if (route?.kind === 'events') return events.open(request, response);
    if (route?.kind === 'script') return send(request, response, 200, 'text/javascript', clientScript);
    if (route?.kind === 'style') return send(request, response, 200, 'text/css', stylesheet);
    const state = route && 'key' in route ? workspace.profiles.get(route.key) : undefined;
    if (!route || !('key' in route) || !state) return send(request, response, 404, 'text/html', notFoundPage());
    // The edition's own messages (countries missing) concern each of its profiles' ranks.
    const notes = summarize([], [workspace.editionNotes.get(dirname(state.source.path))].filter((note) => note !== undefined)).messages;
    if (route.kind === 'profile') return send(request, response, 200, 'text/html', profilePage(state, notes));
    if (route.kind === 'panel') return send(request, response, 200, 'text/html', panelFragment(state, notes).text);
    if (route.kind === 'fit') return send(request, response, 200, 'text/html', fitFragment(state, state.printed && (await fitOf(state.printed, state.key))).text);
    if (!state.printed) return send(request, response, 404, 'text/html', notFoundPage());
    if (route.kind === 'image') {
      const fit = await fitOf(state.printed, state.key);
      const image = fit.measured ? fit.images[route.page - 1] : undefined;
      return image ? send(request, response, 200, 'image/png', image) : send(request, response, 404, 'text/html', notFoundPage());
    }
    return send(request, response, 200, 'text/html', htmlOf(state.printed), printPolicy);
  }

  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const bound = typeof address === 'object' && address ? address.address : host;
  loopback = isLoopbackAddress(bound);
  // An address however written (127.1, 0:0:0:0:0:0:0:1) is shown as bound; a name as given.
  const shown = isAddress(host) ? bound : host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}/`,
    loopback,
    workspace,
    close: () =>
      (closing ??= (async () => {
        events.close();
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await Promise.all([stopped, watcher.close(), fits.close()]);
      })()),
  };
}
