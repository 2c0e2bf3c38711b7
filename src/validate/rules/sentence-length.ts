import { proseContext, startOf } from '../../prose/context.js';
import type { Issue, ProfileRule } from '../rule.js';

export const sentenceLengthRule: ProfileRule = {
  id: 'sentence-length',
  description: "No sentence of the narrative is longer than the house style's limit of words.",
  stage: 'valid',
  check(entry) {
    const context = proseContext(entry);
    if (!context) return [];
    const limit = context.style['sentence-length'];
    const issues: Issue[] = [];
    for (const sentence of context.tree.sentences) {
      const words = sentence.children.filter((child) => child.type === 'WordNode').length;
      if (words > limit) issues.push({ at: startOf(sentence), severity: context.severity, reason: `sentence of ${words} words; the house style allows ${limit}: split it` });
    }
    return issues;
  },
};
