import type { Browser } from 'puppeteer';
import type { ValidProfile } from '../validate/rule.js';
import { launchBrowser } from './browser.js';
import { measureFit } from './copy-fit.js';
import { renderHtml } from './html.js';
import { describeOverflow, renderProfile } from './pdf.js';
import type { PressOptions } from './press/index.js';
import { lockDown } from './sandbox.js';
import { closeBrowser } from './session.js';

/** The profile's narrative does not fit its printed pages: the message says where and by how much. */
export class CopyFitError extends Error {}

/**
 * The printed PDF of one profile, for library use; batches go through renderBatch, which reuses
 * pages. Pass a browser to render several profiles; without one, a browser is launched and closed.
 * With `press` (pressOptions()), the PDF/X-4 press file instead of the screen PDF.
 */
export async function renderPdf(entry: ValidProfile, options: { browser?: Browser; press?: PressOptions } = {}): Promise<Uint8Array> {
  const browser = options.browser ?? (await launchBrowser());
  const page = await browser.newPage();
  try {
    await lockDown(page);
    const rendered = await renderProfile(page, entry, { renderHtml, measureFit }, options.press);
    if (rendered.kind === 'overflow') {
      throw new CopyFitError(`${entry.profile.file.path}: ${rendered.pages.map((fit) => describeOverflow(fit, entry.edition)).join('; ')}`);
    }
    return rendered.pdf;
  } finally {
    await page.close().catch(() => undefined);
    if (!options.browser) await closeBrowser(browser);
  }
}
