import type { Sentence } from 'nlcst';
import { toString } from 'nlcst-to-string';
import { proseRule, startOf } from '../prose/context.js';
import type { HouseStyle } from '../prose/style.js';

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

export const percentageRule = proseRule('percentage', "Percentages are written the house style's way ('per cent', 'percent' or '%').", ({ style, tree }) =>
  tree.sentences.flatMap((sentence) =>
    percentages(sentence)
      .filter(({ form }) => form !== style.percentage)
      .map(({ form, node }) => ({ at: startOf(node), reason: `'${form}'; the house style writes '${style.percentage}'` })),
  ),
);
