import type { Point } from '../../profile/parse.js';
import type { Issue, ProfileRule, Severity } from '../rule.js';
import { houseStyle, type HouseStyle } from './style.js';
import { proseTree, type ProseTree } from './tree.js';
import type { ValidProfile } from '../../profile/valid.js';

export interface ProseContext {
  style: HouseStyle;
  tree: ProseTree;
  /** Warnings, or errors for a final profile when the project asks for it. */
  severity: Severity;
}

/** What every prose rule works on; undefined when the toolkit has no house style for the profile's language. */
export function proseContext(entry: ValidProfile): ProseContext | undefined {
  const house = houseStyle(entry.data.lang ?? entry.edition.language);
  if (!house || entry.profile.tree.children.length === 0) return undefined;
  // The project's values were checked against the style schema when the config was read.
  const style = entry.prose?.style ? { ...house, ...(entry.prose.style as Partial<HouseStyle>) } : house;
  const severity = entry.data.status === 'final' && entry.prose?.atFinal === 'error' ? 'error' : 'warning';
  return { style, tree: proseTree(entry.profile), severity };
}

/** The start of a node, as an issue's place. */
export function startOf(node: { position?: { start: { line: number; column: number } } }): Point {
  return { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}

/**
 * A prose rule: `find` looks at the narrative of a profile that has one in a language with a
 * house style; its findings get the prose severity (warning, or error at final if configured).
 */
export function proseRule(id: string, description: string, find: (context: ProseContext, entry: ValidProfile) => Omit<Issue, 'severity'>[]): ProfileRule {
  return {
    id,
    description,
    stage: 'valid',
    check(entry) {
      const context = proseContext(entry);
      return context ? find(context, entry).map((issue) => ({ ...issue, severity: context.severity })) : [];
    },
  };
}
