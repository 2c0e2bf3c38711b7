import type { ValidProfile } from '../profile/valid.js';
import type { PageFit } from '../engine/copy-fit.js';
import { PageCountError } from '../errors.js';
import { printedPages } from '../engine/pdf.js';
import type { HtmlOptions } from '../html/html.js';
import { pdfContext, pdfSteps, postprocess, type FinishedPdf, type PageLeftovers } from '../postprocess/index.js';
import type { PdfStep } from '../postprocess/step.js';
import { checksFor, type PreflightCheck } from '../preflight/preflight.js';
import type { PdfContext } from '../postprocess/step.js';
import type { PressOptions } from '../postprocess/press/index.js';
import type { WarmPage } from '../engine/warm-page.js';

/** The HTML side of the renderer: the document of a profile (the page engine lays it out and measures its copy-fit). */
export interface Layout {
  renderHtml(entry: ValidProfile, options?: HtmlOptions): string;
}

/** Chromium's PDF of a profile, and whether its text holds soft hyphens for post-processing to drop. */
export interface RawPrint {
  raw: Uint8Array;
  softHyphens: boolean;
}

/** What the page gives for a profile: Chromium's PDF, or the pages whose text does not fit. */
export type PagePrint = ({ kind: 'printed'; html: string } & RawPrint) | { kind: 'overflow'; pages: PageFit[] };

export type ProfileRender = { kind: 'pdf'; html: string; pdf: Uint8Array } | { kind: 'overflow'; pages: PageFit[] };

/**
 * The browser's part of printing a profile: lays it out on a warm page, measures copy-fit and prints
 * it, unless its text does not fit. Waits for the document and its fonts, never for network idle:
 * nothing loads from the network, and waiting for it is what loses PDFs in large batches. With
 * `press`, the press HTML (templates/press.css, with bleed).
 */
export async function printOnPage(page: WarmPage, entry: ValidProfile, layout: Layout, press = false): Promise<PagePrint> {
  const html = layout.renderHtml(entry, press ? { target: 'press' } : {});
  const { softHyphens, fit } = await page.layOut(html);
  const overflowing = fit.filter((pageFit) => !pageFit.fits);
  if (overflowing.length > 0) return { kind: 'overflow', pages: overflowing };
  return { kind: 'printed', html, raw: await page.print(), softHyphens: softHyphens > 0 };
}

/**
 * What Node does to each printed file before it is written: its post-processing steps (with `press`,
 * those of the PDF/X-4 press file) and the preflight checks it must pass. The renderer's are
 * `renderFinishing`; a caller may choose others (bench/accessibility.js times a whole render with
 * the steps and checks from before the accessibility work).
 */
export interface Finishing {
  steps(press: PressOptions | undefined, leftovers: PageLeftovers): PdfStep[];
  checks(press: boolean): PreflightCheck[];
}

export const renderFinishing: Finishing = { steps: pdfSteps, checks: checksFor };

/**
 * Node's part: the post-processing steps (with `press`, those of the PDF/X-4 press file), and the
 * check that the profile printed on its two pages.
 */
export async function finishPrint({ raw, softHyphens }: RawPrint, context: PdfContext, press?: PressOptions, finishing: Finishing = renderFinishing): Promise<FinishedPdf> {
  const finished = await postprocess(raw, context, finishing.steps(press, { softHyphens }));
  if (finished.pages !== printedPages) throw new PageCountError(`printed on ${finished.pages} pages instead of ${printedPages}, although its text was measured to fit`);
  return finished;
}

/** A profile printed and finished (with `press`, as the press file), or the pages whose text does not fit. */
export async function printProfile(page: WarmPage, entry: ValidProfile, layout: Layout, press?: PressOptions): Promise<ProfileRender> {
  const printed = await printOnPage(page, entry, layout, press !== undefined);
  if (printed.kind === 'overflow') return printed;
  return { kind: 'pdf', html: printed.html, pdf: (await finishPrint(printed, pdfContext(entry), press)).bytes };
}
