import { proseContext, startOf } from '../../prose/context.js';
import type { TextEdit } from '../../prose/edit.js';
import type { ProseTree } from '../../prose/tree.js';
import type { ProfileRule } from '../rule.js';

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

export const doubledSpacesRule: ProfileRule = {
  id: 'doubled-spaces',
  description: 'Words and sentences are separated by one space (--fix repairs it).',
  stage: 'valid',
  check(entry) {
    const context = proseContext(entry);
    if (!context?.style['doubled-spaces']) return [];
    return doubledSpaces(context.tree).map((s) => ({ at: s.at, severity: context.severity, reason: `${s.length} spaces in a row; one is enough` }));
  },
};
