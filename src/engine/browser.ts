import { accessSync, constants, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { launch, type Browser } from 'puppeteer-core';
import { BrowserError, firstLine } from '../errors.js';
import { bundledChromium } from './sparticuz.js';

export type BrowserSource = 'env' | 'system' | 'puppeteer' | 'sparticuz';

/** A Chromium to launch and how. */
export interface BrowserExecutable {
  source: BrowserSource;
  path: string;
  /** 'shell' for a chrome-headless-shell build, which has no other mode. */
  headless: true | 'shell';
  args: string[];
  env: Record<string, string>;
}

const systemNames = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome', 'chrome'];

// Puppeteer's defaults cover most of these; they are listed because the renderer relies on them.
const quietArgs = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  // Hinting depends on the machine's settings; without it text metrics, hence line breaks, do not.
  '--font-render-hinting=none',
];

/**
 * The renderer is offline: pages answer their own requests (see sandbox.ts), and whatever the browser
 * would fetch past that interception (link prefetch, preconnect) goes to a proxy that cannot resolve.
 */
const offlineArgs = ['--proxy-server=http://offline.invalid:1', '--proxy-bypass-list=<-loopback>', '--host-resolver-rules=MAP * ~NOTFOUND'];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function findOnPath(): string | undefined {
  const folders = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of systemNames) {
    for (const folder of folders) if (isExecutable(join(folder, name))) return join(folder, name);
  }
  return undefined;
}

/** Puppeteer's own download of Chrome (other platforms): the puppeteer package is loaded only to ask for it. */
async function puppeteerDownload(): Promise<string | undefined> {
  try {
    const path = (await import('puppeteer')).default.executablePath();
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

const plain = (source: BrowserSource, path: string): BrowserExecutable => ({ source, path, headless: true, args: [], env: {} });

const finders: Record<BrowserSource, () => Promise<BrowserExecutable | undefined>> = {
  env: async () => {
    const path = process.env.PUPPETEER_EXECUTABLE_PATH;
    if (!path) return undefined;
    if (!isExecutable(path)) throw new BrowserError(`PUPPETEER_EXECUTABLE_PATH=${path} is not an executable file`);
    return plain('env', path);
  },
  system: async () => {
    const path = findOnPath();
    return path ? plain('system', path) : undefined;
  },
  puppeteer: async () => {
    const path = await puppeteerDownload();
    return path ? plain('puppeteer', path) : undefined;
  },
  sparticuz: async () => {
    const bundled = await bundledChromium().catch((error: Error) => {
      throw new BrowserError(error.message);
    });
    return bundled && { source: 'sparticuz', path: bundled.executablePath, headless: 'shell', args: bundled.args, env: bundled.env };
  },
};

// The pinned npm browser first: a PDF made here is byte-identical to one made in CI. A system Chromium
// or puppeteer's download (other platforms) only where it is not available.
const order: BrowserSource[] = ['env', 'sparticuz', 'puppeteer', 'system'];

function sourcesToTry(only: string | undefined): BrowserSource[] {
  if (!only) return order;
  if (!order.includes(only as BrowserSource)) throw new BrowserError(`OCINDEX_BROWSER=${only}: expected one of ${order.join(', ')}`);
  return [only as BrowserSource];
}

const resolved = new Map<string, Promise<BrowserExecutable>>();

async function resolveUncached(only: string | undefined): Promise<BrowserExecutable> {
  for (const source of sourcesToTry(only)) {
    const found = await finders[source]();
    if (found) return found;
  }
  throw new BrowserError(
    'no Chromium found: set PUPPETEER_EXECUTABLE_PATH, install chromium (e.g. apt-get install chromium), ' +
      'or install the optional dependency @sparticuz/chromium (Linux x64)',
  );
}

/**
 * The Chromium to use, looked for in this order: PUPPETEER_EXECUTABLE_PATH, @sparticuz/chromium (unpacked
 * once into ~/.cache/ocindex-profiles), puppeteer's own download, then a chromium or chrome on the PATH.
 * OCINDEX_BROWSER=<source> (or `only`) restricts the search to one of them.
 */
export function resolveExecutable(only: string | undefined = process.env.OCINDEX_BROWSER): Promise<BrowserExecutable> {
  const key = only ?? '';
  let found = resolved.get(key);
  if (!found) {
    found = resolveUncached(only);
    // A failed search is not remembered: the user may install something and retry in the same process.
    found.catch(() => resolved.delete(key));
    resolved.set(key, found);
  }
  return found;
}

function launchArgs(executable: BrowserExecutable): string[] {
  const args = [...executable.args, ...quietArgs, ...offlineArgs];
  // Chromium refuses to start its sandbox as root (CI containers); the page runs with JavaScript off anyway.
  if (process.getuid?.() === 0 && !args.includes('--no-sandbox')) args.push('--no-sandbox');
  return [...new Set(args)];
}

/**
 * Launches Chromium for rendering. Signals are left to the caller, which must close the browser;
 * puppeteer still kills it when the Node process exits.
 */
export async function launchBrowser(only?: string): Promise<Browser> {
  const executable = await resolveExecutable(only);
  // Chromium's own temporary files go to a folder of this browser's, removed when it ends: a browser
  // that is killed leaves nothing behind in the system's temporary folder.
  const scratch = mkdtempSync(join(tmpdir(), 'ocindex-chromium-'));
  const removeScratch = () => rmSync(scratch, { recursive: true, force: true });
  try {
    const browser = await launch({
      executablePath: executable.path,
      headless: executable.headless,
      args: launchArgs(executable),
      env: { ...process.env, ...executable.env, TMPDIR: scratch },
      pipe: true,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    const child = browser.process();
    child?.once('exit', removeScratch);
    // Puppeteer reads the browser's stdout and stderr without an error listener: when the browser is
    // killed, a read may fail with ECONNRESET, which would be an uncaught exception of this process.
    // The browser's end is reported by the page engine (a closed connection), not by these pipes.
    for (const stream of child?.stdio ?? []) stream?.on('error', () => undefined);
    return browser;
  } catch (error) {
    removeScratch();
    throw new BrowserError(`cannot start ${executable.path} (${executable.source}): ${firstLine(error)}`);
  }
}
