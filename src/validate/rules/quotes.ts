import retextQuotes from 'retext-quotes';
import { proseRule } from '../prose/context.js';
import { runChecker } from '../prose/retext.js';

export const quotesRule = proseRule(
  'quotes',
  'Quotation marks (and apostrophes, if the house style asks) are typographic: “…” ‘…’, not straight.',
  ({ style, tree }) => {
    if (style.quotes === 'any') return [];
    return runChecker(retextQuotes, { preferred: 'smart', smart: style['quote-marks'] }, tree.root)
      .filter((f) => style.apostrophes || f.ruleId !== 'apostrophe')
      .map((f) => ({ at: f.at, reason: `straight ${f.ruleId === 'apostrophe' ? 'apostrophe' : 'quotation mark'} ${f.actual ?? ''} where the house style writes ${f.expected ?? 'a typographic one'}` }));
  },
);
