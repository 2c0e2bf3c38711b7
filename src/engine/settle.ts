import type { Page } from 'puppeteer';
import { fitOf, measureBoxes, type BoxMeasure, type PageFit } from './copy-fit.js';
import { inSequence, type InPageFunction } from './in-page.js';
import { settleHyphens, type HyphenReport } from './settle-hyphens.js';
import { tieLonelyWords } from './settle-lines.js';

/** A document laid out on a page, its text set as it prints, and measured. */
export interface LaidOut {
  /** Soft hyphens in the settled text, at line ends or not: Chromium writes each into the PDF's text, and the soft-hyphens step drops them. */
  softHyphens: number;
  /** Copy-fit of each page, measured on the settled text. */
  fit: PageFit[];
}

/** Hyphenated line ends allowed in a row. */
const maxHyphensInRow = 2;

/**
 * A layout step (the swap of a warm page's body, or the layout of a freshly loaded document)
 * followed, in the same DevTools call, by the settling of its text as it prints (hyphens only where
 * lines end, at most two in a row; no title or label ending in a lone word) and the copy-fit
 * measurement of that text, which the PDF and the preview's pictures then show. The function it
 * gives runs all that on a page, with the layout step's arguments; it resolves to undefined when the
 * layout step ended the sequence (a page that is not warm).
 */
export function settledAfter(layOut: InPageFunction): (page: Page, layOutArguments: unknown[]) => Promise<LaidOut | undefined> {
  const sequence = inSequence(layOut, settleHyphens, tieLonelyWords, measureBoxes);
  return async (page, layOutArguments) => {
    const results = await page.evaluate(sequence, layOutArguments, [maxHyphensInRow], [], []);
    if (results.length < 4) return undefined;
    const [, hyphens, , boxes] = results as [unknown, HyphenReport, number, BoxMeasure[]];
    return { softHyphens: hyphens.softHyphens, fit: fitOf(boxes) };
  };
}
