import type { Sentence } from 'nlcst';
import { toString } from 'nlcst-to-string';
import { proseContext, startOf } from '../../prose/context.js';
import type { HouseStyle } from '../../prose/style.js';
import type { Issue, ProfileRule } from '../rule.js';

type Form = HouseStyle['percentage'];

type Node = Sentence['children'][number];

/** A word's text, or '' for anything else. */
const wordText = (node: Node | undefined) => (node?.type === 'WordNode' ? toString(node).toLowerCase() : '');

/** Each way of writing a percentage in a sentence, with where it starts. */
function percentages(sentence: Sentence): { form: Form; node: Node }[] {
  const found: { form: Form; node: Node }[] = [];
  const nodes = sentence.children;
  nodes.forEach((node, index) => {
    if (node.type === 'SymbolNode' || node.type === 'PunctuationNode') {
      if (node.value === '%') found.push({ form: '%', node });
      return;
    }
    // Cheap first test on the word's first letter: most words are neither 'percent' nor 'per'.
    const first = node.type === 'WordNode' ? node.children[0] : undefined;
    if (first?.type !== 'TextNode' || (first.value[0] !== 'p' && first.value[0] !== 'P')) return;
    const text = wordText(node);
    if (text === 'percent') found.push({ form: 'percent', node });
    else if (text === 'per' && nodes[index + 1]?.type === 'WhiteSpaceNode' && wordText(nodes[index + 2]) === 'cent') found.push({ form: 'per cent', node });
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
    for (const sentence of context.tree.sentences) {
      for (const { form, node } of percentages(sentence)) {
        if (form !== expected) issues.push({ at: startOf(node), severity: context.severity, reason: `'${form}'; the house style writes '${expected}'` });
      }
    }
    return issues;
  },
};
