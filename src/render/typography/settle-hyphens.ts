import type { Page } from 'puppeteer';

/** What the page reports after settling its hyphens. */
export interface HyphenReport {
  /** Soft hyphens where a line ends: printed as a hyphen. */
  breaks: number;
  /** Breaks given up because they would have made more than two hyphenated line ends in a row. */
  ladders: number;
}

/**
 * Runs inside the page, once its layout and fonts are final. The HTML carries a soft hyphen at every
 * allowed break; Chromium prints the ones it did not use as invisible characters that a PDF reader
 * still extracts ("infor-ma-tion"). So: keep the soft hyphens where a line ends, remove the others,
 * and where three lines in a row would end in a hyphen, remove the third's (its word goes whole to
 * the next line), then look again. Chromium has no hyphenate-limit-lines; this is that limit.
 */
function settle(maxInRow: number): { breaks: number; ladders: number } {
  const softHyphen = '\u00AD';
  const range = document.createRange();
  // A letter's box; at a line start Chromium also reports an empty box at the previous line's end.
  const rectsOf = (node: Text, offset: number): DOMRect[] => {
    range.setStart(node, offset);
    range.setEnd(node, offset + 1);
    return Array.from(range.getClientRects()).filter((rect) => rect.width > 0.1);
  };
  interface Hyphen { node: Text; offset: number; before: DOMRect; after: DOMRect; block: Element | null }
  // The start of one line and a later letter are on the same line: same height, same column.
  const sameLine = (start: DOMRect, later: DOMRect, block: Element | null) =>
    Math.abs(start.top - later.top) < 1 && later.left >= start.left - 1 && later.left - start.left < (block?.clientWidth ?? 0);
  let ladders = 0;
  let breaks = 0;
  // Each round removes at least one character; the last one finds nothing to remove.
  for (let round = 0; round < 1000; round++) {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const taken: Hyphen[] = [];
    const untaken: { node: Text; offset: number }[] = [];
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const text = node.data;
      for (let offset = text.indexOf(softHyphen); offset !== -1; offset = text.indexOf(softHyphen, offset + 1)) {
        // A break is taken where the next letter starts a line: lower, or in the next column. (The
        // soft hyphen's own box says nothing: inside a ligature, "traf|fic", it has a width.)
        const before = offset > 0 ? rectsOf(node, offset - 1).at(-1) : undefined;
        const after = offset + 1 < text.length ? rectsOf(node, offset + 1).at(-1) : undefined;
        if (before && after && (after.top > before.top + 1 || after.left < before.left - 1)) {
          taken.push({ node, offset, before, after, block: node.parentElement?.closest('p, li, blockquote, td, dd') ?? null });
        } else untaken.push({ node, offset });
      }
    }
    // A ladder: hyphen k's next line is the line that ends in hyphen k+1.
    let inRow = 1;
    let ladder: Hyphen | undefined;
    for (let k = 1; k < taken.length && !ladder; k++) {
      const [previous, current] = [taken[k - 1] as Hyphen, taken[k] as Hyphen];
      inRow = previous.block === current.block && sameLine(previous.after, current.before, current.block) ? inRow + 1 : 1;
      if (inRow > maxInRow) ladder = current;
    }
    // Removing characters shifts the offsets after them: remove from the end of each node.
    const removals = (ladder ? [ladder] : untaken).sort((a, b) => (a.node === b.node ? b.offset - a.offset : 0));
    for (const { node, offset } of removals) node.deleteData(offset, 1);
    if (ladder) ladders++;
    breaks = taken.length;
    if (removals.length === 0) break;
  }
  return { breaks, ladders };
}

/** Settles the soft hyphens of a laid-out page (see settle); the layout may change, so measure after it. */
export async function settleHyphens(page: Page, maxInRow = 2): Promise<HyphenReport> {
  return page.evaluate(settle, maxInRow);
}
