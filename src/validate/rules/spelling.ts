import { isLiteral } from 'nlcst-is-literal';
import { toString } from 'nlcst-to-string';
import { lexicon } from '../prose/lexicon.js';
import { proseRule, startOf } from '../prose/context.js';
import { listed } from '../../text/english.js';
import type { Issue } from '../rule.js';

export const spellingRule = proseRule(
  'spelling',
  "Every word of the narrative is in the house dictionary (the style's dictionaries and house words, the edition's place names, the project's word list).",
  ({ style, tree }, entry) => {
    const words = lexicon(style.spelling, entry.edition, entry.prose?.words ?? []);
    const issues: Omit<Issue, 'severity'>[] = [];
    for (const { node, parent, index } of tree.words) {
      const only = node.children.length === 1 ? node.children[0] : undefined;
      const whole = only?.type === 'TextNode' ? only.value : toString(node);
      let checked = words.check(whole);
      // The English parser keeps a full stop on a word when the next sentence starts in lower case
      // ("human. trafficking"): the word is checked, and named, without it ("etc." stays whole if known).
      if (checked && !checked.verdict.known && /[^.]\.+$/.test(whole)) checked = words.check(whole.replace(/\.+$/, '')) ?? checked;
      if (!checked || checked.verdict.known || isLiteral(parent, index)) continue;
      const { word: text, verdict } = checked;
      const reason = verdict.preferred
        ? `'${text}' is spelled '${verdict.preferred}' in the house style`
        : `unknown word '${text}'${verdict.suggestions.length > 0 ? `; did you mean ${listed(verdict.suggestions.map((s) => `'${s}'`), 'or')}?` : ''} (add names to the content folder's .dictionary)`;
      issues.push({ at: startOf(node), reason });
    }
    return issues;
  },
);
