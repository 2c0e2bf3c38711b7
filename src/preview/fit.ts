import type { Browser, Page } from 'puppeteer';
import { launchBrowser } from '../render/browser.js';
import { measureFit, type PageFit } from '../render/copy-fit.js';
import { layOut } from '../render/pdf.js';
import { lockDown } from '../render/sandbox.js';
import { BrowserSession } from '../render/session.js';
import { settlesWithin, withTimeout } from '../render/timeout.js';

/** The copy-fit of each page and, if asked for, the printed pages as PNG images, taken from the very layout measured. */
export type FitResult = { measured: true; pages: PageFit[]; images: Uint8Array[] } | { measured: false; reason: string };

export interface FitMeterOptions {
  /** Also take a picture of each printed page (the preview shows them): 2 device pixels per CSS pixel. */
  images?: boolean;
}

/** Device pixels per CSS pixel of the page images: sharp on a high-density screen, a page about 400 KB. */
const imageScale = 2;

const measureTimeoutMs = 30_000;
const pageCloseMs = 5_000;

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';

/** Lays the HTML out as renderProfile does, then measures it, and pictures each printed page if asked. */
async function measureLaidOut(page: Page, html: string, images: boolean): Promise<{ pages: PageFit[]; images: Uint8Array[] }> {
  await layOut(page, html);
  const pages = await measureFit(page);
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
 * Measures copy-fit exactly as the PDF renderer does: on a page prepared by lockDown() in a browser
 * launched on first use and kept. One measurement at a time, on one page; the last result of each
 * profile is kept until its HTML changes. A browser that cannot start is a result, not a failure.
 */
export class FitMeter {
  readonly #session: BrowserSession;
  #page: Page | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  readonly #latest = new Map<string, { html: string; result: Promise<FitResult> }>();

  readonly #images: boolean;

  constructor(launch: () => Promise<Browser> = () => launchBrowser(), options: FitMeterOptions = {}) {
    this.#session = new BrowserSession(launch);
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
    await this.#session.close();
  }

  async #measure(html: string): Promise<FitResult> {
    let browser: Browser;
    try {
      browser = await this.#session.browser();
    } catch (error) {
      return { measured: false, reason: reasonOf(error) };
    }
    try {
      if (this.#page?.browser() !== browser) {
        this.#page = await browser.newPage();
        await lockDown(this.#page);
      }
      return { measured: true, ...(await withTimeout(measureLaidOut(this.#page, html, this.#images), measureTimeoutMs)) };
    } catch (error) {
      // The page may hang or be broken: start the next measurement on a fresh one, in a fresh browser if need be.
      const page = this.#page;
      this.#page = undefined;
      if (page && !(await settlesWithin(page.close(), pageCloseMs))) await this.#session.discard(browser);
      return { measured: false, reason: reasonOf(error) };
    }
  }
}
