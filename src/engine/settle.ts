import type { Page } from 'puppeteer';
import { settleHyphens } from './settle-hyphens.js';
import { settleLines } from './settle-lines.js';

/**
 * Sets the laid-out document's text as it prints: hyphens only where lines end, at most two in a
 * row, and no title or label ending in a lone word. Copy-fit, the PDF and the preview's pictures all
 * see this text.
 */
export async function settleTypography(page: Page): Promise<void> {
  await settleHyphens(page);
  await settleLines(page);
}
