import type { Browser } from 'puppeteer';
import { CopyFitError } from '../errors.js';
import type { ValidProfile } from '../profile/valid.js';
import { PageEngine } from '../engine/engine.js';
import { printProfile } from './print.js';
import { renderHtml } from '../html/html.js';
import { describeOverflow } from '../engine/pdf.js';
import type { PressOptions } from '../postprocess/press/index.js';

/**
 * The printed PDF of one profile, for library use; batches go through renderBatch, which keeps its
 * pages warm. Pass a browser to render several profiles; without one, a browser is launched and closed.
 * With `press` (pressOptions()), the PDF/X-4 press file instead of the screen PDF.
 */
export async function renderPdf(entry: ValidProfile, options: { browser?: Browser; press?: PressOptions } = {}): Promise<Uint8Array> {
  const { browser } = options;
  const engine = new PageEngine(browser ? async () => browser : undefined);
  const page = await engine.page();
  try {
    const rendered = await printProfile(page, entry, { renderHtml }, options.press);
    if (rendered.kind === 'overflow') {
      throw new CopyFitError(`${entry.profile.file.path}: ${rendered.pages.map((fit) => describeOverflow(fit, entry.edition)).join('; ')}`);
    }
    return rendered.pdf;
  } finally {
    await page.close().catch(() => undefined);
    if (!browser) await engine.close();
  }
}
