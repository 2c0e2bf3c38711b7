import type { Sentence } from 'nlcst';
import { toString } from 'nlcst-to-string';
import { visit } from 'unist-util-visit';
import { proseContext, startOf } from '../../prose/context.js';
import type { HouseStyle } from '../../prose/style.js';
import type { Issue, ProfileRule } from '../rule.js';

type Form = HouseStyle['percentage'];

/** Each way of writing a percentage in a sentence, with where it starts. */
function percentages(sentence: Sentence): { form: Form; node: Sentence['children'][number] }[] {
  const found: { form: Form; node: Sentence['children'][number] }[] = [];
  const words = sentence.children;
  words.forEach((node, index) => {
    const text = toString(node);
    if (text.endsWith('%')) found.push({ form: '%', node });
    else if (node.type === 'WordNode' && /^percent$/i.test(text)) found.push({ form: 'percent', node });
    else if (node.type === 'WordNode' && /^per$/i.test(text) && words[index + 1]?.type === 'WhiteSpaceNode' && /^cent$/i.test(toString(words[index + 2] ?? { type: 'TextNode', value: '' }))) {
      found.push({ form: 'per cent', node });
    }
  });
  return found;
}

export const percentageRule: ProfileRule = {
  id: 'percentage',
  description: "Percentages are written the house style's way ('per cent', 'percent' or '%').",
  stage: 'valid',
  check(entry) {
    const context = proseContext(entry);
    if (!context) return [];
    const expected = context.style.percentage;
    const issues: Issue[] = [];
    visit(context.tree, 'SentenceNode', (sentence) => {
      for (const { form, node } of percentages(sentence)) {
        if (form !== expected) issues.push({ at: startOf(node), severity: context.severity, reason: `'${form}'; the house style writes '${expected}'` });
      }
    });
    return issues;
  },
};
