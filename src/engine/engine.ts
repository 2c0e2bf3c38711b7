import type { Browser } from 'puppeteer';
import { launchBrowser } from './browser.js';
import { BrowserSession } from './session.js';
import { settlesWithin } from './timeout.js';
import { WarmPage } from './warm-page.js';

/** How long closing a page may take before its browser counts as hung. */
const pageCloseMs = 5_000;

/**
 * The page engine: one browser, launched on first use and again when it dies, and its warm pages
 * (warm-page.ts), each locked down for untrusted content. `render`, the library's renderPdf and the
 * preview's copy-fit all lay out and print through it.
 */
export class PageEngine {
  readonly #session: BrowserSession;

  constructor(launch: () => Promise<Browser> = () => launchBrowser()) {
    this.#session = new BrowserSession(launch);
  }

  /** The live browser; rejects with the BrowserError when none can start. */
  browser(): Promise<Browser> {
    return this.#session.browser();
  }

  /**
   * `page` if it still belongs to the live browser, else a new warm page on it (launching a browser
   * if there is none or the last one died).
   */
  async page(page?: WarmPage): Promise<WarmPage> {
    const browser = await this.#session.browser();
    if (page && page.browser === browser && !page.page.isClosed()) return page;
    return WarmPage.open(browser);
  }

  /** Gives up a page after a failure: closes it; if it does not close in time, its browser is replaced. */
  async retire(page: WarmPage): Promise<void> {
    if (!(await settlesWithin(page.close(), pageCloseMs))) await this.#session.discard(page.browser);
  }

  /** Kills a browser that no longer answers, so that the next page comes from a new one. */
  discard(browser: Browser): Promise<void> {
    return this.#session.discard(browser);
  }

  /** Closes the browser and with it every page; later calls wait for the same close. */
  close(): Promise<void> {
    return this.#session.close();
  }
}
