import type { Browser, Page } from 'puppeteer';
import { displayPath } from '../io/collect.js';
import { WriteError, writeAtomically } from '../io/write.js';
import type { ValidProfile } from '../validate/rule.js';
import { launchBrowser } from './browser.js';
import { describeOverflow, renderProfile, type Layout, type ProfileRender } from './pdf.js';
import { lockDown } from './sandbox.js';
import { BrowserSession } from './session.js';
import { settlesWithin, withTimeout } from './timeout.js';

export interface RenderTask {
  entry: ValidProfile;
  pdfPath: string;
  /** Where to write the HTML too, if wanted. */
  htmlPath?: string;
}

export type RenderOutcome =
  | { task: RenderTask; status: 'written' }
  /** overflow: the text does not fit its page; failed: the render failed; unwritable: the file could not be written. */
  | { task: RenderTask; status: 'overflow' | 'failed' | 'unwritable'; message: string };

export interface BatchOptions {
  layout: Layout;
  /** Pages rendering at once, in one browser. Measured: beyond 2, little is gained. */
  concurrency?: number;
  /** Per profile, from setContent to the finished PDF. */
  timeoutMs?: number;
  /** Stops the batch: the browser is closed and nothing more is written. */
  signal?: AbortSignal;
  launch?: () => Promise<Browser>;
  onDone?: (outcome: RenderOutcome) => void;
}

export const defaultConcurrency = 2;
export const defaultTimeoutMs = 60_000;

/** A profile whose render was cut short by the browser dying is tried again, once. */
const maxAttempts = 2;

/** How long closing a page may take before its browser counts as hung. */
const pageCloseMs = 5_000;

class PageCrash extends Error {}

/**
 * Rejects when the page's renderer process dies (killed, out of memory): puppeteer's own calls
 * would only end with the timeout. The profile is then tried again on a new page.
 */
async function unlessCrashed<T>(page: Page, work: Promise<T>): Promise<T> {
  let onCrash: ((error: Error) => void) | undefined;
  const crash = new Promise<never>((_, reject) => {
    onCrash = (error: Error) => reject(new PageCrash(`the page crashed: ${error.message}`));
    page.once('error', onCrash);
  });
  try {
    return await Promise.race([work, crash]);
  } finally {
    if (onCrash) page.off('error', onCrash);
  }
}

async function openPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await lockDown(page);
  return page;
}

/** Closes a page that may hang; if it does not close in time, its browser is replaced. */
async function retire(page: Page, session: BrowserSession): Promise<void> {
  if (!(await settlesWithin(page.close(), pageCloseMs))) await session.discard(page.browser());
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

async function write(task: RenderTask, rendered: Extract<ProfileRender, { kind: 'pdf' }>): Promise<RenderOutcome> {
  const files: [string, string | Buffer][] = [[task.pdfPath, Buffer.from(rendered.pdf)]];
  if (task.htmlPath) files.push([task.htmlPath, rendered.html]);
  for (const [path, data] of files) {
    try {
      await writeAtomically(path, data);
    } catch (error) {
      return { task, status: 'unwritable', message: error instanceof WriteError ? error.message : `cannot write ${displayPath(path)} (${errorText(error)})` };
    }
  }
  return { task, status: 'written' };
}

/**
 * Renders profiles with one browser and a bounded pool of reused pages. Each profile is isolated: a
 * failure or timeout is its own outcome and the others go on; a browser that dies is replaced.
 * Resolves to the outcome of every profile finished before the end or an abort.
 */
export async function renderBatch(tasks: RenderTask[], options: BatchOptions): Promise<RenderOutcome[]> {
  const { layout, signal, onDone } = options;
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const session = new BrowserSession(options.launch ?? (() => launchBrowser()));
  const queue = tasks.map((task) => ({ task, attempts: 0 }));
  const outcomes: RenderOutcome[] = [];
  const stop = () => void session.close();
  signal?.addEventListener('abort', stop, { once: true });

  const finish = (outcome: RenderOutcome) => {
    outcomes.push(outcome);
    onDone?.(outcome);
  };

  async function worker(): Promise<void> {
    let page: Page | undefined;
    for (let next = queue.shift(); next && !signal?.aborted; next = queue.shift()) {
      const { task } = next;
      next.attempts += 1;
      // Outside the try: a browser that cannot start at all ends the batch instead of failing each profile.
      const browser = await session.browser();
      if (page && page.browser() !== browser) page = undefined;
      try {
        page ??= await openPage(browser);
        const rendered = await withTimeout(unlessCrashed(page, renderProfile(page, task.entry, layout)), timeoutMs);
        if (signal?.aborted) break;
        if (rendered.kind === 'overflow') {
          finish({ task, status: 'overflow', message: rendered.pages.map((fit) => describeOverflow(fit, task.entry.edition)).join('; ') });
        } else {
          finish(await write(task, rendered));
        }
      } catch (error) {
        if (signal?.aborted) break;
        if (page) await retire(page, session);
        page = undefined;
        if ((!browser.connected || error instanceof PageCrash) && next.attempts < maxAttempts) {
          queue.unshift(next);
          continue;
        }
        finish({ task, status: 'failed', message: browser.connected ? errorText(error) : `the browser died while rendering it: ${errorText(error)}` });
      }
    }
    if (page) await retire(page, session);
  }

  try {
    const workers = Math.max(1, Math.min(options.concurrency ?? defaultConcurrency, tasks.length));
    await Promise.all(Array.from({ length: workers }, worker));
  } finally {
    signal?.removeEventListener('abort', stop);
    await session.close();
  }
  return outcomes;
}
