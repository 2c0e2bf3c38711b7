import type { PDFOptions } from 'puppeteer';
import type { Edition } from '../edition/edition.js';
import type { PageFit } from './copy-fit.js';
import { plural } from '../text/english.js';

/** A profile prints on two A4 pages: criminality, then resilience. */
export const printedPages = 2;

/** How Chromium prints a profile: the page size of its CSS, tagged, with bookmarks from its headings. */
export const pdfOptions = { format: 'A4', preferCSSPageSize: true, printBackground: true, tagged: true, outline: true, timeout: 0 } satisfies PDFOptions;

/**
 * "page 1 (criminality) overflows by 7 lines, cut in section 'Criminal actors'",
 * "page 2 score panel overflows by 3.5 mm".
 */
export function describeOverflow(fit: PageFit, edition: Edition): string {
  const part = fit.page === 1 ? edition.criminality.label : edition.resilience.label;
  const cut = fit.cutSection ? `, cut in section '${fit.cutSection}'` : '';
  const text = fit.overflowLines > 0 ? [`page ${fit.page} (${part.toLowerCase()}) overflows by ${plural(fit.overflowLines, 'line')}${cut}`] : [];
  const panel = fit.panelOverflowMm ? [`page ${fit.page} score panel overflows by ${fit.panelOverflowMm.toFixed(1)} mm`] : [];
  return [...text, ...panel].join('; ');
}
