import type { Page } from 'puppeteer';
import type { ValidProfile } from '../../profile/valid.js';
import type { PageFit } from '../copy-fit.js';
import { PageCountError } from '../../errors.js';
import { printedPages } from '../pdf.js';
import { postprocess } from '../postprocess/index.js';
import type { WarmPage } from './warm-page.js';

/** The HTML side of the renderer: the document of a profile and the check that its text fits. */
export interface Layout {
  renderHtml(entry: ValidProfile): string;
  measureFit(page: Page): Promise<PageFit[]>;
}

export type ProfileRender = { kind: 'pdf'; html: string; pdf: Uint8Array } | { kind: 'overflow'; pages: PageFit[] };

/**
 * Lays out one profile on a warm page and prints it, unless its text does not fit; then the PDF goes
 * through the post-processing steps. Waits for the document and its fonts, never for network idle:
 * nothing loads from the network, and waiting for it is what loses PDFs in large batches.
 */
export async function printProfile(page: WarmPage, entry: ValidProfile, layout: Layout): Promise<ProfileRender> {
  const html = layout.renderHtml(entry);
  await page.layOut(html);
  const overflowing = (await layout.measureFit(page.page)).filter((fit) => !fit.fits);
  if (overflowing.length > 0) return { kind: 'overflow', pages: overflowing };
  const { bytes, pages } = await postprocess(await page.print(), entry);
  if (pages !== printedPages) throw new PageCountError(`printed on ${pages} pages instead of ${printedPages}, although its text was measured to fit`);
  return { kind: 'pdf', html, pdf: bytes };
}
