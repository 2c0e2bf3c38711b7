import type { RuleSettings } from '../validate.js';
import { doubledSpaces } from '../rules/doubled-spaces.js';
import { hyphenatedRanges } from '../rules/range-dash.js';
import { proseContext } from './context.js';
import type { TextEdit } from './edit.js';
import type { ValidProfile } from '../../profile/valid.js';

export type ProseEdit = TextEdit & { expected: string; ruleId: string };

/**
 * What --fix repairs in a narrative: only what is unambiguous, doubled spaces and hyphens in
 * ranges of numbers, each where its rule is on in the house style and the config.
 */
export function planProseEdits(entry: ValidProfile, settings: RuleSettings = {}): ProseEdit[] {
  const context = proseContext(entry);
  if (!context) return [];
  const on = (id: 'doubled-spaces' | 'range-dash') => context.style[id] && settings[id] !== 'off';
  return [
    ...(on('doubled-spaces') ? doubledSpaces(context.tree).map((edit) => ({ ...edit, ruleId: 'doubled-spaces' })) : []),
    ...(on('range-dash') ? hyphenatedRanges(context.tree).map((edit) => ({ ...edit, ruleId: 'range-dash' })) : []),
  ];
}

export function describeProseEdit(path: string, edit: ProseEdit): string {
  const what = edit.ruleId === 'range-dash' ? 'hyphen in a range -> en dash' : `${edit.length} spaces -> 1`;
  return `${path}:${edit.at.line}:${edit.at.column}: ${what}`;
}
