import type { Browser } from 'puppeteer';
import type { PageFit } from './copy-fit.js';
import { PageEngine } from './engine.js';
import type { WarmPage } from './warm-page.js';
import { withTimeout } from './timeout.js';
import { firstLine } from '../errors.js';

/** The copy-fit of each page and, if asked for, the printed pages as PNG images, taken from the very layout measured. */
export type FitResult = { measured: true; pages: PageFit[]; images: Uint8Array[] } | { measured: false; reason: string };

export interface FitMeterOptions {
  /** Also take a picture of each printed page (the preview shows them): 2 device pixels per CSS pixel. */
  images?: boolean;
}

/** Device pixels per CSS pixel of the page images: sharp on a high-density screen, a page about 400 KB. */
const imageScale = 2;

const measureTimeoutMs = 30_000;


/** Lays the HTML out as the renderer does, on the same kind of warm page, measures it, and pictures each printed page if asked. */
async function measureLaidOut(warm: WarmPage, html: string, images: boolean): Promise<{ pages: PageFit[]; images: Uint8Array[] }> {
  const { fit: pages } = await warm.layOut(html);
  const { page } = warm;
  if (!images) return { pages, images: [] };
  const shots: Uint8Array[] = [];
  // The same page, fonts and line breaks as the PDF: what the author sees is what prints.
  for (const sheet of await page.$$('section.page')) {
    const box = await sheet.boundingBox();
    if (box) shots.push(await page.screenshot({ type: 'png', clip: { ...box, scale: imageScale }, captureBeyondViewport: true, optimizeForSpeed: true }));
    await sheet.dispose();
  }
  return { pages, images: shots };
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

  readonly #images: boolean;

  constructor(launch?: () => Promise<Browser>, options: FitMeterOptions = {}) {
    this.#engine = new PageEngine(launch);
    this.#images = options.images === true;
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
      return { measured: false, reason: firstLine(error) };
    }
    const page = this.#page;
    try {
      return { measured: true, ...(await withTimeout(measureLaidOut(page, html, this.#images), measureTimeoutMs)) };
    } catch (error) {
      // The page may hang or be broken: start the next measurement on a fresh one, in a fresh browser if need be.
      this.#page = undefined;
      await this.#engine.retire(page);
      return { measured: false, reason: firstLine(error) };
    }
  }
}
