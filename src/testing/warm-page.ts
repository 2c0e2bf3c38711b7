import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from '../engine/browser.js';
import { closeBrowser } from '../engine/session.js';
import { WarmPage } from '../engine/warm-page.js';

/** A test file's warm page, opened before its tests (then `setup` run on it), its browser closed after them. */
export interface WarmPageSession {
  readonly browser: Browser;
  readonly warm: WarmPage;
  readonly page: Page;
}

export function warmPageSession(options: { browser?: string; setup?: (warm: WarmPage) => Promise<void> } = {}): WarmPageSession {
  let opened: { browser: Browser; warm: WarmPage } | undefined;
  const get = () => {
    if (!opened) throw new Error('the warm page opens before the tests (beforeAll)');
    return opened;
  };
  beforeAll(async () => {
    const browser = await launchBrowser(options.browser);
    opened = { browser, warm: await WarmPage.open(browser) };
    await options.setup?.(opened.warm);
  });
  afterAll(async () => {
    if (opened) await closeBrowser(opened.browser);
  });
  return {
    get browser() {
      return get().browser;
    },
    get warm() {
      return get().warm;
    },
    get page() {
      return get().warm.page;
    },
  };
}
