import { proseRule, startOf } from '../prose/context.js';
import type { TextEdit } from '../prose/edit.js';
import type { ProseTree } from '../prose/tree.js';

/** Runs of two or more spaces inside a line of prose, each with the edit that makes it one space. */
export function doubledSpaces(tree: ProseTree): (TextEdit & { expected: string })[] {
  const found: (TextEdit & { expected: string })[] = [];
  for (const node of tree.whiteSpace) {
    // A line break is Markdown layout (two spaces before it even make a hard break): leave it.
    if (!/^[ \u00a0]{2,}$/.test(node.value) || node.position?.start.offset === undefined) continue;
    found.push({ offset: node.position.start.offset, length: node.value.length, expected: node.value, text: ' ', at: startOf(node) });
  }
  return found;
}

export const doubledSpacesRule = proseRule('doubled-spaces', 'Words and sentences are separated by one space (--fix repairs it).', ({ style, tree }) =>
  style['doubled-spaces'] ? doubledSpaces(tree).map((s) => ({ at: s.at, reason: `${s.length} spaces in a row; one is enough` })) : [],
);
