import type { Element, Root, Text } from 'hast';
import { hyphenateText } from './hyphenate.js';
import type { LanguageStyle } from './language.js';
import { smartenPieces } from './quotes.js';
import { spaceMarks } from './spacing.js';

/** Elements whose text is one run for the quotes (a quote may open in one and close in another only within a run). */
const blocks = new Set(['p', 'li', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'th', 'dt', 'dd', 'figcaption', 'summary']);
/** Text printed as written: code. */
const verbatim = new Set(['code', 'pre', 'kbd', 'samp']);
/** Headings are short, upper-cased and never hyphenated. */
const unbroken = /^h[1-6]$/;

interface Run {
  texts: Text[];
  hyphenate: boolean;
}

function collectRuns(parent: Root | Element, run: Run, runs: Run[]): void {
  for (const child of parent.children) {
    if (child.type === 'text') run.texts.push(child);
    else if (child.type === 'element' && !verbatim.has(child.tagName)) {
      if (blocks.has(child.tagName)) {
        const inner: Run = { texts: [], hyphenate: run.hyphenate && !unbroken.test(child.tagName) };
        runs.push(inner);
        collectRuns(child, inner, runs);
      } else collectRuns(child, run, runs);
    }
  }
}

/**
 * Sets the narrative's text as print, in the HTML only (the Markdown stays as written): typographic
 * quotes, apostrophes and dashes over each paragraph, then soft hyphens in the words of paragraphs
 * and lists. The same text gives the same HTML.
 */
export function typeset(tree: Root, style: LanguageStyle | null): void {
  if (!style) return;
  const runs: Run[] = [];
  collectRuns(tree, { texts: [], hyphenate: true }, runs);
  for (const run of runs) {
    const smart = smartenPieces(
      run.texts.map((t) => t.value),
      style,
    );
    run.texts.forEach((text, index) => {
      const value = spaceMarks(smart[index] ?? text.value, style);
      text.value = run.hyphenate ? hyphenateText(value, style) : value;
    });
  }
}
