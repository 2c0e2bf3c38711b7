import type { Page } from 'puppeteer';
import { settleHyphens } from './settle-hyphens.js';
import { settleLines } from './settle-lines.js';

/** What settling leaves for the PDF's post-processing. */
export interface Settled {
  /** Soft hyphens no line ends at, left in the page (invisible; the soft-hyphens step drops them from the PDF's text). */
  softHyphensLeft: number;
}

/**
 * Sets the laid-out document's text as it prints: hyphens only where lines end, at most two in a
 * row, and no title or label ending in a lone word. Copy-fit, the PDF and the preview's pictures all
 * see this text.
 */
export async function settleTypography(page: Page): Promise<Settled> {
  const hyphens = await settleHyphens(page);
  await settleLines(page);
  return { softHyphensLeft: hyphens.left };
}
