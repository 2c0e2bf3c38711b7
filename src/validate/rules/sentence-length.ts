import { proseRule, startOf } from '../prose/context.js';

export const sentenceLengthRule = proseRule(
  'sentence-length',
  "No sentence of the narrative is longer than the house style's limit of words.",
  ({ style, tree }) => {
    const limit = style['sentence-length'];
    return tree.sentences.flatMap((sentence) => {
      const words = sentence.children.filter((child) => child.type === 'WordNode').length;
      return words > limit ? [{ at: startOf(sentence), reason: `sentence of ${words} words; the house style allows ${limit}: split it` }] : [];
    });
  },
);
