import type { Page, PDFOptions } from 'puppeteer';
import type { Edition } from '../edition/edition.js';
import type { ValidProfile } from '../validate/rule.js';
import type { PageFit } from './copy-fit.js';
import { finishPdf, profileMetadata } from './pdf-metadata.js';
import type { HtmlOptions } from './html.js';
import type { PressOptions } from './press/index.js';
import { plural } from '../io/suggest.js';
import { settleHyphens } from './typography/settle-hyphens.js';
import { settleLines } from './typography/settle-lines.js';

/** The HTML side of the renderer: the document of a profile and the check that its text fits. */
export interface Layout {
  renderHtml(entry: ValidProfile, options?: HtmlOptions): string;
  measureFit(page: Page): Promise<PageFit[]>;
}

/**
 * Puts a profile's HTML on the page and waits until it is laid out with its fonts, as printed: for
 * the PDF and for every copy-fit measurement (the preview's too).
 */
export async function layOut(page: Page, html: string): Promise<void> {
  // Timeouts are the caller's business: it knows what to do with a page that hangs.
  await page.setContent(html, { waitUntil: 'load', timeout: 0 });
  await settleLayout(page);
}

/** Waits for the fonts of the document on the page, then sets its hyphens and lines as printed. */
export async function settleLayout(page: Page): Promise<void> {
  // Evaluated by DevTools, so it works with the page's JavaScript disabled. A font loads when layout
  // first needs it: lay out first, so that fonts.ready cannot resolve before the loads have started.
  await page.evaluate(async () => {
    document.body.getBoundingClientRect();
    await document.fonts.ready;
  });
  // Printed hyphens only where lines end, at most two in a row, and no title or label ending in a
  // lone word; copy-fit then measures this text.
  await settleHyphens(page);
  await settleLines(page);
}

/** A profile prints on two A4 pages: criminality, then resilience. */
export const printedPages = 2;

/** How Chromium prints a profile: the page size of its CSS, tagged, with bookmarks from its headings. */
export const pdfOptions = { format: 'A4', preferCSSPageSize: true, printBackground: true, tagged: true, outline: true, timeout: 0 } satisfies PDFOptions;

export type ProfileRender = { kind: 'pdf'; html: string; pdf: Uint8Array } | { kind: 'overflow'; pages: PageFit[] };

/** A profile that printed otherwise than on its two pages although the copy-fit check passed. */
export class PageCountError extends Error {}

/**
 * Lays out one profile on a page prepared by lockDown() and prints it, unless its text does not fit;
 * with `press`, the press HTML to the PDF/X-4 press file.
 * Waits for the document's load event and its fonts, never for network idle: nothing loads from the
 * network, and waiting for it is what loses PDFs in large batches.
 */
export async function renderProfile(page: Page, entry: ValidProfile, layout: Layout, press?: PressOptions): Promise<ProfileRender> {
  const html = layout.renderHtml(entry, press ? { target: 'press' } : {});
  await layOut(page, html);
  const overflowing = (await layout.measureFit(page)).filter((fit) => !fit.fits);
  if (overflowing.length > 0) return { kind: 'overflow', pages: overflowing };
  const raw = await page.pdf(pdfOptions);
  const { bytes, pages } = await finishPdf(raw, profileMetadata(entry), press);
  if (pages !== printedPages) throw new PageCountError(`printed on ${pages} pages instead of ${printedPages}, although its text was measured to fit`);
  return { kind: 'pdf', html, pdf: bytes };
}


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
