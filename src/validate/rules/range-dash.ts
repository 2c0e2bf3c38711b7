import { toString } from 'nlcst-to-string';
import { proseRule, startOf } from '../prose/context.js';
import type { TextEdit } from '../prose/edit.js';
import type { ProseTree } from '../prose/tree.js';

const range = /^\d+(?:[.,]\d+)?-\d+(?:[.,]\d+)?$/;

/** Ranges of numbers written with a hyphen (2019-2023), each with the edit that makes it an en dash. */
export function hyphenatedRanges(tree: ProseTree): (TextEdit & { expected: string; range: string })[] {
  const found: (TextEdit & { expected: string; range: string })[] = [];
  for (const { node: word } of tree.words) {
    // Cheap first test: a range has a hyphen between its digits.
    if (word.children.length < 3) continue;
    const text = toString(word);
    if (!range.test(text)) continue;
    const hyphen = word.children.find((child) => child.type === 'PunctuationNode' && child.value === '-');
    const offset = hyphen?.position?.start.offset;
    if (!hyphen || offset === undefined) continue;
    found.push({ offset, length: 1, expected: '-', text: '–', at: startOf(hyphen), range: text });
  }
  return found;
}

export const rangeDashRule = proseRule('range-dash', 'A range of years or numbers takes an en dash, 2019–2023 (--fix repairs it).', ({ style, tree }) =>
  style['range-dash'] ? hyphenatedRanges(tree).map((r) => ({ at: r.at, reason: `range '${r.range}' with a hyphen; write it with an en dash: '${r.range.replace('-', '–')}'` })) : [],
);
