import type { Browser } from 'puppeteer';
import { measureFit, type PageFit } from '../render/copy-fit.js';
import { PageEngine } from '../render/engine/engine.js';
import type { WarmPage } from '../render/engine/warm-page.js';
import { withTimeout } from '../render/timeout.js';

export type FitResult = { measured: true; pages: PageFit[] } | { measured: false; reason: string };

const measureTimeoutMs = 30_000;

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';

/** Lays the HTML out as the renderer does, on the same kind of warm page, then measures it. */
async function measureLaidOut(page: WarmPage, html: string): Promise<PageFit[]> {
  await page.layOut(html);
  return measureFit(page.page);
}

/**
 * Measures copy-fit exactly as the PDF renderer does: through the page engine, on one warm page in a
 * browser launched on first use and kept. One measurement at a time; the last result of each
 * profile is kept until its HTML changes. A browser that cannot start is a result, not a failure.
 */
export class FitMeter {
  readonly #engine: PageEngine;
  #page: WarmPage | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  readonly #latest = new Map<string, { html: string; result: Promise<FitResult> }>();

  constructor(launch?: () => Promise<Browser>) {
    this.#engine = new PageEngine(launch);
  }

  measure(key: string, html: string): Promise<FitResult> {
    const latest = this.#latest.get(key);
    if (latest?.html === html) return latest.result;
    const result = this.#queue.then(() => this.#measure(html));
    this.#queue = result;
    this.#latest.set(key, { html, result });
    return result;
  }

  forget(key: string): void {
    this.#latest.delete(key);
  }

  async close(): Promise<void> {
    await this.#engine.close();
  }

  async #measure(html: string): Promise<FitResult> {
    try {
      this.#page = await this.#engine.page(this.#page);
    } catch (error) {
      return { measured: false, reason: reasonOf(error) };
    }
    const page = this.#page;
    try {
      return { measured: true, pages: await withTimeout(measureLaidOut(page, html), measureTimeoutMs) };
    } catch (error) {
      // The page may hang or be broken: start the next measurement on a fresh one, in a fresh browser if need be.
      this.#page = undefined;
      await this.#engine.retire(page);
      return { measured: false, reason: reasonOf(error) };
    }
  }
}
