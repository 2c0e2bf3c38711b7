import type { Browser } from 'puppeteer';
import { settlesWithin } from './timeout.js';

/** How long a browser gets to close cleanly before it is killed. */
const closeGraceMs = 5_000;

/** Closes a browser, then kills what is left of it: a browser that would not close, or a crash's helpers. */
export async function closeBrowser(browser: Browser): Promise<void> {
  await settlesWithin(browser.close(), closeGraceMs);
  const pid = browser.process()?.pid;
  if (pid === undefined) return;
  try {
    // Puppeteer starts Chromium detached, in a process group of its own, helpers included.
    process.kill(-pid, 'SIGKILL');
  } catch {
    // The group is gone already: the usual case after a clean close.
  }
}

/**
 * One browser shared by a batch, launched on first use and launched again when it dies (crash, kill),
 * so that the batch goes on.
 */
export class BrowserSession {
  #launch: () => Promise<Browser>;
  #current: Promise<Browser> | undefined;
  #closing: Promise<void> | undefined;

  constructor(launch: () => Promise<Browser>) {
    this.#launch = launch;
  }

  /** The live browser, launching one if there is none or the last one died. */
  async browser(): Promise<Browser> {
    if (this.#closing) throw new Error('the browser session is closed');
    const current = this.#current;
    if (current) {
      const browser = await current;
      if (browser.connected) return browser;
      // Only the first worker to notice a dead browser replaces it; the others await the same launch.
      if (this.#current === current) this.#current = undefined;
      void closeBrowser(browser);
      return this.browser();
    }
    const launching = this.#launch();
    this.#current = launching;
    // A failed launch is not kept: the next call tries again.
    launching.catch(() => {
      if (this.#current === launching) this.#current = undefined;
    });
    return launching;
  }

  /** Kills a browser that no longer answers, so that the next browser() call launches a new one. */
  async discard(browser: Browser): Promise<void> {
    if (this.#current && (await this.#current.catch(() => undefined)) === browser) this.#current = undefined;
    await closeBrowser(browser);
  }

  /** Closes the browser; calls made meanwhile, or later, wait for the same close. */
  close(): Promise<void> {
    this.#closing ??= this.#close();
    return this.#closing;
  }

  async #close(): Promise<void> {
    const browser = await this.#current?.catch(() => undefined);
    this.#current = undefined;
    if (browser) await closeBrowser(browser);
  }
}
