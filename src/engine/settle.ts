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
 * measurement of that text, which the PDF and the preview's pictures then show. To be evaluated
 * with the layout step's arguments, then settleArguments.
 */
export function settledAfter(layOut: InPageFunction): (...argumentLists: unknown[][]) => Promise<unknown[]> {
  return inSequence(layOut, settleHyphens, tieLonelyWords, measureBoxes);
}

/** The arguments of the parts of settledAfter that follow the layout step. */
export const settleArguments: unknown[][] = [[maxHyphensInRow], [], []];

/** What the sequence resolved to, or undefined when its layout step ended it (a page not warm). */
export function laidOut(results: unknown[]): LaidOut | undefined {
  if (results.length < 4) return undefined;
  const [, hyphens, , boxes] = results as [unknown, HyphenReport, number, BoxMeasure[]];
  return { softHyphens: hyphens.softHyphens, fit: fitOf(boxes) };
}
