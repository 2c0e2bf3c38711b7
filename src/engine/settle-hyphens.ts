/** What the page reports after settling its hyphens. */
export interface HyphenReport {
  /** Soft hyphens where a line ends: printed as a hyphen. */
  breaks: number;
  /** Breaks given up because they would have made more than two hyphenated line ends in a row. */
  ladders: number;
  /** Soft hyphens in the text once settled, at line ends or not: Chromium writes each into the PDF's text (the PDF step soft-hyphens drops them). */
  softHyphens: number;
}

/**
 * Runs inside the page, once its layout and fonts are final. The HTML carries a soft hyphen at every
 * allowed break; Chromium prints the ones a line ends at as a hyphen. Where three lines in a row
 * would end in a hyphen, the third's soft hyphen is removed (its word goes whole to the next line)
 * with the other soft hyphens of that paragraph that no line ends at, and that paragraph alone is
 * looked at again. Chromium has no hyphenate-limit-lines; this is that limit. The soft hyphens no
 * line ends at stay elsewhere: removing them moves no line break, but makes Chromium lay the whole
 * page out again (several milliseconds a profile); the PDF step soft-hyphens drops every soft hyphen
 * from the printed text instead, so that it extracts as whole words.
 */
export function settleHyphens(maxInRow: number): HyphenReport {
  const softHyphen = '\u00AD';
  const range = document.createRange();
  // The boxes of the soft hyphen and the next letter, in one measurement: a hyphen taken shows at
  // the end of its line, the letter at the start of the next. Empty boxes are left out (Chromium
  // adds one at the previous line's end); the letter before is not measured, as its boxes may hold
  // the hyphen of a break just before it ("methamphet-|a|mine").
  const boxesAround = (node: Text, offset: number): DOMRect[] => {
    range.setStart(node, offset);
    range.setEnd(node, offset + 2);
    return Array.from(range.getClientRects()).filter((rect) => rect.width > 0.1);
  };
  /** Whether boxes run onto another line: lower, or in the next column, far to the left. */
  const breaksLine = (before: DOMRect, after: DOMRect) => after.top > before.top + 1 || after.left < before.left - 20;
  interface Hyphen { node: Text; offset: number; taken: boolean; before?: DOMRect; after?: DOMRect; block: Element | null }
  // The start of one line and a later letter are on the same line: same height, same column.
  const sameLine = (start: DOMRect, later: DOMRect, block: Element | null) =>
    Math.abs(start.top - later.top) < 1 && later.left >= start.left - 1 && later.left - start.left < (block?.clientWidth ?? 0);
  /** The soft hyphens of these text nodes, in document order, each measured: taken or not. */
  const measure = (nodes: Text[]): Hyphen[] => {
    const hyphens: Hyphen[] = [];
    for (const node of nodes) {
      const text = node.data;
      if (!text.includes(softHyphen)) continue;
      const block = node.parentElement?.closest('p, li, blockquote, td, dd') ?? null;
      // A word on one line has no break taken: one measurement for all its soft hyphens.
      for (const word of text.matchAll(/[^\s\u00AD]*(?:\u00AD[^\s\u00AD]*)+/g)) {
        const start = word.index ?? 0;
        range.setStart(node, start);
        range.setEnd(node, start + word[0].length);
        // Read in place: some 500 words a profile, and copying each list showed in the time.
        const wordBoxes = range.getClientRects();
        let first: DOMRect | undefined;
        let onOneLine = true;
        for (let i = 0; i < wordBoxes.length && onOneLine; i++) {
          const box = wordBoxes[i] as DOMRect;
          if (box.width <= 0.1) continue;
          first ??= box;
          onOneLine = !breaksLine(first, box);
        }
        for (let i = word[0].indexOf(softHyphen); i !== -1; i = word[0].indexOf(softHyphen, i + 1)) {
          const offset = start + i;
          // The soft hyphen's own box says nothing: inside a ligature, "traf|fic", it has a width,
          // and the boxes of a ligature's parts may come in any order.
          const boxes = onOneLine || offset === 0 || offset + 1 >= text.length ? [] : boxesAround(node, offset);
          const [before, after] = [boxes[0], boxes.at(-1)];
          const taken = Boolean(before && after && breaksLine(before, after));
          hyphens.push({ node, offset, taken, before, after, block });
        }
      }
    }
    return hyphens;
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const all: Text[] = [];
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) all.push(node);
  let hyphens = measure(all);
  const breaksIn = new Map<Element | null, number>();
  let laddersBroken = 0;
  // Each round removes at least one soft hyphen; the last one finds no ladder.
  for (let round = 0; round < 1000; round++) {
    // A ladder: hyphen k's next line is the line that ends in hyphen k+1. The first ladder of each
    // paragraph is broken, then that paragraph is measured again (its change breaks no other's lines).
    const taken = hyphens.filter((h) => h.taken);
    for (const h of taken) breaksIn.set(h.block, (breaksIn.get(h.block) ?? 0) + 1);
    const ladders = new Set<Hyphen>();
    const broken = new Set<Element | null>();
    let inRow = 1;
    for (let k = 1; k < taken.length; k++) {
      const [previous, current] = [taken[k - 1] as Hyphen, taken[k] as Hyphen];
      const continues = previous.block === current.block && previous.after && current.before && sameLine(previous.after, current.before, current.block);
      inRow = continues ? inRow + 1 : 1;
      if (inRow > maxInRow && !broken.has(current.block)) {
        ladders.add(current);
        broken.add(current.block);
      }
    }
    if (ladders.size === 0) break;
    laddersBroken += ladders.size;
    // One change per text node (each change costs layout work): its text without those soft hyphens.
    const inBroken = hyphens.filter((h) => broken.has(h.block));
    const byNode = new Map<Text, number[]>();
    for (const h of inBroken) if (!h.taken || ladders.has(h)) byNode.set(h.node, [...(byNode.get(h.node) ?? []), h.offset]);
    for (const [node, offsets] of byNode) {
      let text = '';
      let from = 0;
      for (const offset of offsets) {
        text += node.data.slice(from, offset);
        from = offset + 1;
      }
      node.data = text + node.data.slice(from);
    }
    for (const block of broken) breaksIn.delete(block);
    hyphens = measure([...new Set(inBroken.map((h) => h.node))]);
  }
  const breaks = [...breaksIn.values()].reduce((sum, n) => sum + n, 0);
  const softHyphens = all.reduce((sum, node) => sum + node.data.split(softHyphen).length - 1, 0);
  return { breaks, ladders: laddersBroken, softHyphens };
}
