import type { Browser } from 'puppeteer';
import { FitMeter } from '../engine/fit-meter.js';
import { BrowserError } from '../errors.js';
import { launchBrowser } from '../engine/browser.js';
import { renderHtml } from '../html/html.js';
import type { ValidProfile } from '../profile/valid.js';
import type { RuleSettings } from '../validate/validate.js';
import { reportFit, reportUnmeasured } from './copy-fit-messages.js';

export interface CopyFitOptions {
  /** How the browser starts; default launchBrowser(). */
  launch?: () => Promise<Browser>;
  /** The config's rules: `copy-fit` may be 'off', 'warning' or 'error' (default). */
  settings?: RuleSettings;
}

/**
 * Lays out each profile as `render` prints it and adds a `copy-fit` error to its file for each box that
 * overflows, at the section where the text is cut. Throws the BrowserError if no browser can start:
 * without one the gate cannot say anything about the pages.
 */
export async function checkCopyFit(entries: ValidProfile[], options: CopyFitOptions = {}): Promise<void> {
  const settings = options.settings ?? {};
  if (entries.length === 0 || settings['copy-fit'] === 'off') return;
  const launch = options.launch ?? (() => launchBrowser());
  let browserError: BrowserError | undefined;
  const meter = new FitMeter(async () => {
    try {
      return await launch();
    } catch (error) {
      if (error instanceof BrowserError) browserError = error;
      throw error;
    }
  });
  try {
    for (const entry of entries) {
      let html: string;
      try {
        html = renderHtml(entry);
      } catch (error) {
        reportUnmeasured(entry, `cannot lay out the pages: ${(error as Error).message}`, settings);
        continue;
      }
      const result = await meter.measure(entry.profile.file.path, html);
      if (browserError) throw browserError;
      if (result.measured) reportFit(entry, result.pages, settings);
      else reportUnmeasured(entry, result.reason, settings);
    }
  } finally {
    await meter.close();
  }
}
