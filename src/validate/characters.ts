import { visit } from 'unist-util-visit';
import type { Point, Profile } from '../profile/parse.js';
import { pointAtOffset } from '../profile/parse.js';
import type { Issue, ProfileRule, Severity } from './rule.js';

/** One character a rule objects to, and why. */
export interface CharacterFinding {
  /** Index in the string looked at. */
  index: number;
  /** The character as it stands (two code units for a pair, one for a lone surrogate). */
  character: string;
  reason: string;
}

/** Findings are reported up to this many a file: a megabyte of emoji is one mistake, not a million messages. */
const maxFindings = 20;

/** U+202E, for a message. */
export const codeOf = (character: string): string => `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** The severity of a character the print cannot show as written: an error once the profile is final. */
export const severityAtFinal = (profile: Profile): Severity => (profile.data.status === 'final' ? 'error' : 'warning');

/**
 * Runs `find` on every string of the front-matter (reported at the value) and every piece of text
 * in the narrative (at the character, found in the source; at the node when Markdown wrote it
 * otherwise, as an entity), up to maxFindings a file, the last saying how many more there are.
 */
export function characterIssues(profile: Profile, find: (text: string) => CharacterFinding[]): Omit<Issue, 'severity'>[] {
  const issues: Omit<Issue, 'severity'>[] = [];
  let total = 0;
  const add = (issue: Omit<Issue, 'severity'>) => {
    total += 1;
    if (issues.length < maxFindings) issues.push(issue);
  };
  const walk = (value: unknown, path: (string | number)[]) => {
    if (typeof value === 'string') for (const found of find(value)) add({ at: path, part: 'value', reason: found.reason });
    else if (Array.isArray(value)) value.forEach((item, index) => walk(item, [...path, index]));
    else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
  };
  walk(profile.data, []);
  visit(profile.tree, (node) => {
    const value = (node as { value?: unknown }).value;
    const start = node.position?.start.offset;
    if (typeof value !== 'string' || start === undefined) return;
    const source = profile.text.slice(start, node.position?.end.offset ?? start);
    let from = 0;
    for (const found of find(value)) {
      const at = source.indexOf(found.character, from);
      const point: Point = at === -1 ? { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 } : pointAtOffset(profile.file, start + at);
      if (at !== -1) from = at + found.character.length;
      add({ at: point, reason: found.reason });
    }
  });
  if (total > issues.length) {
    const last = issues.at(-1);
    if (last) last.reason += ` (and ${total - issues.length} more like it in the file)`;
  }
  return issues;
}

/** A rule that objects to characters (`find`) in the front-matter strings and the narrative: warnings, errors at final. */
export function characterRule(id: string, description: string, find: (text: string) => CharacterFinding[]): ProfileRule {
  return {
    id,
    description,
    stage: 'valid',
    check({ profile }) {
      const severity = severityAtFinal(profile);
      return characterIssues(profile, find).map((issue) => ({ ...issue, severity }));
    },
  };
}
