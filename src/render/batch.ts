import { stopsTheRun, firstLine } from '../errors.js';
import { displayPath } from '../read/collect.js';
import type { Browser, Page } from 'puppeteer';
import { WriteError, writeAtomically } from '../write/write.js';
import type { ValidProfile } from '../profile/valid.js';
import { PageEngine } from '../engine/engine.js';
import type { Finishing, Layout } from './print.js';
import type { WarmPage } from '../engine/warm-page.js';
import { describeOverflow } from '../engine/pdf.js';
import { UndeclaredColourError, UnconvertibleColourError, type PressOptions } from '../postprocess/press/index.js';
import { finishTargets, printTargets, type TargetsPrint } from './targets.js';
import { withTimeout } from '../engine/timeout.js';

export interface RenderTask {
  entry: ValidProfile;
  /** The screen PDF, if wanted. */
  pdfPath?: string;
  /** The press PDF, if wanted (BatchOptions.press). */
  pressPath?: string;
  /** Where to write the HTML too, if wanted. */
  htmlPath?: string;
}

export type RenderOutcome =
  | { task: RenderTask; status: 'written' }
  /**
   * overflow: the text does not fit its page; failed: the render failed; unwritable: the file could not
   * be written; template: the template has a colour the press colour table does not declare.
   */
  | { task: RenderTask; status: 'overflow' | 'failed' | 'unwritable' | 'template'; message: string };

export interface BatchOptions {
  layout: Layout;
  /** Pages rendering at once, in one browser. Measured: beyond 2, little is gained. */
  concurrency?: number;
  /** Per profile, the page's part: layout, copy-fit and print (post-processing and writing follow behind). */
  timeoutMs?: number;
  /** Stops the batch: the browser is closed and nothing more is written. */
  signal?: AbortSignal;
  launch?: () => Promise<Browser>;
  onDone?: (outcome: RenderOutcome) => void;
  /** For tasks with a pressPath: the colour table, output profile and crop marks of the press files. */
  press?: PressOptions;
  /** The post-processing steps and preflight checks of each file (print.ts renderFinishing by default). */
  finishing?: Finishing;
}

export const defaultConcurrency = 2;
export const defaultTimeoutMs = 60_000;

/** A profile whose render was cut short by the browser dying is tried again, once. */
const maxAttempts = 2;

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

async function write(task: RenderTask, html: string, pdfs: { path: string; bytes: Uint8Array }[]): Promise<RenderOutcome> {
  const files: [string, string | Buffer][] = pdfs.map(({ path, bytes }) => [path, Buffer.from(bytes)]);
  if (task.htmlPath) files.push([task.htmlPath, html]);
  for (const [path, data] of files) {
    try {
      await writeAtomically(path, data);
    } catch (error) {
      return { task, status: 'unwritable', message: error instanceof WriteError ? error.message : `cannot write ${displayPath(path)} (${firstLine(error)})` };
    }
  }
  return { task, status: 'written' };
}

/**
 * Node's work on the profiles the pages have printed (post-processing, writing), done behind the
 * pages so that they go on to the next profile meanwhile; at most `limit` at once.
 */
class Behind {
  readonly #running = new Set<Promise<void>>();
  constructor(readonly limit: number) {}

  async add(work: () => Promise<void>): Promise<void> {
    while (this.#running.size >= this.limit) await Promise.race(this.#running);
    const running: Promise<void> = work().finally(() => this.#running.delete(running));
    this.#running.add(running);
  }

  async drain(): Promise<void> {
    await Promise.all(this.#running);
  }

  async settle(): Promise<void> {
    await Promise.allSettled(this.#running);
  }
}

/**
 * Renders profiles with the page engine: one browser and a bounded pool of warm pages. Each profile is
 * isolated: a failure or timeout is its own outcome and the others go on; a browser that dies is
 * replaced. A template, asset or browser error stops the batch: it would fail every profile alike.
 * Resolves to the outcome of every profile finished before the end or an abort.
 */
export async function renderBatch(tasks: RenderTask[], options: BatchOptions): Promise<RenderOutcome[]> {
  const { layout, signal, onDone } = options;
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const engine = new PageEngine(options.launch);
  const queue = tasks.map((task) => ({ task, attempts: 0 }));
  const outcomes: RenderOutcome[] = [];
  const stop = () => void engine.close();
  signal?.addEventListener('abort', stop, { once: true });

  const finish = (outcome: RenderOutcome) => {
    outcomes.push(outcome);
    onDone?.(outcome);
  };
  const workers = Math.max(1, Math.min(options.concurrency ?? defaultConcurrency, tasks.length));
  const behind = new Behind(workers);

  /** Post-processes and writes a printed profile; after an abort, nothing more is written. */
  async function finishAndWrite(task: RenderTask, printed: Extract<TargetsPrint, { kind: 'printed' }>): Promise<void> {
    let pdfs: { path: string; bytes: Uint8Array }[];
    try {
      pdfs = await finishTargets(printed, task.entry, options.press, options.finishing);
    } catch (error) {
      const template = error instanceof UndeclaredColourError || error instanceof UnconvertibleColourError;
      if (!signal?.aborted) finish({ task, status: template ? 'template' : 'failed', message: template ? `press: ${firstLine(error)}` : firstLine(error) });
      return;
    }
    if (!signal?.aborted) finish(await write(task, printed.html, pdfs));
  }

  /** An error that ends the whole run (a broken template, no browser); the other workers stop quietly. */
  let fatal: { error: unknown } | undefined;

  async function worker(): Promise<void> {
    let page: WarmPage | undefined;
    for (let next = queue.shift(); next && !signal?.aborted && !fatal; next = queue.shift()) {
      const { task } = next;
      next.attempts += 1;
      // Outside the try: a browser that cannot start at all ends the batch instead of failing each profile.
      const browser = await engine.browser();
      try {
        page = await engine.page(page);
        const printed = await withTimeout(unlessCrashed(page.page, printTargets(page, task.entry, layout, task, options.press)), timeoutMs);
        if (signal?.aborted) break;
        if (printed.kind === 'overflow') {
          finish({ task, status: 'overflow', message: printed.pages.map((fit) => describeOverflow(fit, task.entry.edition)).join('; ') });
        } else {
          await behind.add(() => finishAndWrite(task, printed));
        }
      } catch (error) {
        if (signal?.aborted || fatal) break;
        if (stopsTheRun(error)) {
          fatal = { error };
          queue.length = 0;
          break;
        }
        if (page) await engine.retire(page);
        page = undefined;
        if ((!browser.connected || error instanceof PageCrash) && next.attempts < maxAttempts) {
          queue.unshift(next);
          continue;
        }
        finish({ task, status: 'failed', message: browser.connected ? firstLine(error) : `the browser died while rendering it: ${firstLine(error)}` });
      }
    }
    if (page) await engine.retire(page);
  }

  try {
    await Promise.all(Array.from({ length: workers }, worker));
    if (fatal) throw fatal.error;
    await behind.drain();
  } finally {
    signal?.removeEventListener('abort', stop);
    await Promise.all([engine.close(), behind.settle()]);
  }
  return outcomes;
}
