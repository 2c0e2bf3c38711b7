import retextRepeatedWords from 'retext-repeated-words';
import { proseContext } from '../../prose/context.js';
import { runChecker } from '../../prose/retext.js';
import type { ProfileRule } from '../rule.js';

export const repeatedWordsRule: ProfileRule = {
  id: 'repeated-words',
  description: 'The narrative has no word twice in a row ("the the").',
  stage: 'valid',
  check(entry) {
    const context = proseContext(entry);
    if (!context?.style['repeated-words']) return [];
    return runChecker(retextRepeatedWords, undefined, context.tree.root).map((f) => ({
      at: f.at,
      severity: context.severity,
      reason: `'${f.ruleId}' twice in a row; write it once`,
    }));
  },
};
