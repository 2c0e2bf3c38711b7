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
 * Words added plus words removed beyond which the word diff stops: its cost grows with the words
 * times the edits (two rewritten 200 KB narratives took minutes unbounded). Past it a narrative is
 * "rewritten" and its share of changed words is a lower bound.
 */
export const maxWordEdits = 1000;

/** How much of a narrative changed: `share` 0 (same words) to 1; with `atLeast`, a lower bound. */
export interface ChangedShare {
  share: number;
  /** The words differ in more than maxWordEdits places: at least `share` of them changed. */
  atLeast?: true;
}

/**
 * The share of words changed between two narratives: one minus the words kept in order (a
 * word-level diff) over the longer narrative's words. Past maxWordEdits, one minus the words the
 * two have in common in any order: never more than those kept in order, so a lower bound.
 */
export function changedShare(from: readonly string[], to: readonly string[]): ChangedShare {
  const longer = Math.max(from.length, to.length);
  if (longer === 0) return { share: 0 };
  const parts = diffArrays(from as string[], to as string[], { maxEditLength: maxWordEdits });
  if (parts === undefined) return { share: 1 - wordsInCommon(from, to) / longer, atLeast: true };
  let kept = 0;
  for (const part of parts) if (!part.added && !part.removed) kept += part.value.length;
  return { share: 1 - kept / longer };
}

/** How many words two lists share, each word counted as often as it is in both. */
function wordsInCommon(from: readonly string[], to: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const word of from) counts.set(word, (counts.get(word) ?? 0) + 1);
  let common = 0;
  for (const word of to) {
    const left = counts.get(word) ?? 0;
    if (left > 0) {
      common += 1;
      counts.set(word, left - 1);
    }
  }
  return common;
}
