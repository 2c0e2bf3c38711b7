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
 * one minus the words kept in order (a word-level diff) over the longer narrative's words.
 */
export function changedShare(from: readonly string[], to: readonly string[]): number {
  const longer = Math.max(from.length, to.length);
  if (longer === 0) return 0;
  let kept = 0;
  for (const part of diffArrays(from as string[], to as string[])) if (!part.added && !part.removed) kept += part.value.length;
  return 1 - kept / longer;
}
