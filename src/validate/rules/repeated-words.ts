import retextRepeatedWords from 'retext-repeated-words';
import { proseRule } from '../prose/context.js';
import { runChecker } from '../prose/retext.js';

export const repeatedWordsRule = proseRule('repeated-words', 'The narrative has no word twice in a row ("the the").', ({ style, tree }) =>
  style['repeated-words'] ? runChecker(retextRepeatedWords, undefined, tree.root).map((f) => ({ at: f.at, reason: `'${f.ruleId}' twice in a row; write it once` })) : [],
);
