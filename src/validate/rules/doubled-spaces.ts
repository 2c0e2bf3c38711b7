import type { Root } from 'nlcst';
import { visit } from 'unist-util-visit';
import { proseContext, startOf } from '../../prose/context.js';
import type { TextEdit } from '../../prose/edit.js';
import type { ProfileRule } from '../rule.js';

/** Runs of two or more spaces inside a line of prose, each with the edit that makes it one space. */
export function doubledSpaces(tree: Root): (TextEdit & { expected: string })[] {
  const found: (TextEdit & { expected: string })[] = [];
  visit(tree, 'WhiteSpaceNode', (node) => {
    // A line break is Markdown layout (two spaces before it even make a hard break): leave it.
    if (!/^[ \u00a0]{2,}$/.test(node.value) || node.position?.start.offset === undefined) return;
    found.push({ offset: node.position.start.offset, length: node.value.length, expected: node.value, text: ' ', at: startOf(node) });
  });
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
