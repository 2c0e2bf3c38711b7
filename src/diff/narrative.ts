import { diffArrays } from 'diff';
import { toString } from 'mdast-util-to-string';
import type { Profile } from '../profile/parse.js';

/** The words of a narrative, headings included, without Markdown syntax. */
export function narrativeWords(profile: Profile): string[] {
  return profile.tree.children
    .map((node) => toString(node))
    .join(' ')
    .split(/\s+/)
    .filter((word) => word !== '');
}

/**
 * The share of words changed between two narratives, 0 (same words) to 1 (nothing in common):
 * words removed plus words added, over the words of both, from a word-level diff.
 */
export function changedShare(from: readonly string[], to: readonly string[]): number {
  if (from.length + to.length === 0) return 0;
  let changed = 0;
  for (const part of diffArrays(from as string[], to as string[])) if (part.added || part.removed) changed += part.count ?? part.value.length;
  return changed / (from.length + to.length);
}
