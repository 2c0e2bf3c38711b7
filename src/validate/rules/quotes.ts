import retextQuotes from 'retext-quotes';
import { proseContext } from '../../prose/context.js';
import { runChecker } from '../../prose/retext.js';
import type { ProfileRule } from '../rule.js';

export const quotesRule: ProfileRule = {
  id: 'quotes',
  description: "Quotation marks (and apostrophes, if the house style asks) are typographic: “…” ‘…’, not straight.",
  stage: 'valid',
  check(entry) {
    const context = proseContext(entry);
    if (!context || context.style.quotes === 'any') return [];
    return runChecker(retextQuotes, { preferred: 'smart', smart: context.style['quote-marks'] }, context.tree.root)
      .filter((f) => context.style.apostrophes || f.ruleId !== 'apostrophe')
      .map((f) => ({ at: f.at, severity: context.severity, reason: `straight ${f.ruleId === 'apostrophe' ? 'apostrophe' : 'quotation mark'} ${f.actual ?? ''} where the house style writes ${f.expected ?? 'a typographic one'}` }));
  },
};
