import type { Point, Profile } from '../../profile/parse.js';

/** A change of the Markdown text that `--fix` may make: replace [offset, offset + length) by text. */
export interface TextEdit {
  offset: number;
  length: number;
  text: string;
  at: Point;
}

/** The text with the edits made, each checked against what it replaces so a stale edit changes nothing. */
export function applyEdits(text: string, edits: readonly (TextEdit & { expected: string })[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.offset - a.offset)) {
    if (result.slice(edit.offset, edit.offset + edit.length) !== edit.expected) continue;
    result = result.slice(0, edit.offset) + edit.text + result.slice(edit.offset + edit.length);
  }
  return result;
}

/**
 * `text` (the profile's text, its front-matter possibly changed) with edits of the narrative made:
 * the narrative follows the front-matter, so its offsets move by the front-matter's change in length.
 */
export function withNarrativeEdits(profile: Profile, text: string, edits: readonly (TextEdit & { expected: string })[]): string {
  const shift = text.length - profile.text.length;
  return applyEdits(text, edits.map((edit) => ({ ...edit, offset: edit.offset + shift })));
}
