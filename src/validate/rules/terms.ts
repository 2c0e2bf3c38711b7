import { NoTermbase } from '../../language/printed.js';
import { languageOf, printedFor } from '../../language/profile-language.js';
import type { Issue, ProfileRule } from '../rule.js';

export const termsRule: ProfileRule = {
  id: 'terms',
  description: "Everything a profile prints besides its narrative is in its language: the language has a termbase (languages/<lang>/terms.yaml) holding every label, heading, area and footer of the edition and the country's name; an edition's footer it lacks prints in English (a warning).",
  stage: 'valid',
  check(entry) {
    const printed = printedFor(entry);
    const at = entry.data.lang === undefined ? ['edition'] : ['lang'];
    if (printed instanceof NoTermbase) return [{ at, part: 'value', reason: printed.reason }];
    const issues: Issue[] = printed.missing.map(({ key, file }) => ({ at, part: 'value', reason: `term ${key} is missing from ${file}: the page would print it untranslated` }));
    if (printed.countryName(entry.data.country) === undefined) {
      issues.push({ at, part: 'value', reason: `term countries.${entry.data.country} is missing from ${printed.termbase.file}: the country's name in ${languageOf(entry)}` });
    }
    if (printed.footerInEnglish) {
      issues.push({ at, part: 'value', severity: 'warning', reason: `${printed.termbase.file} has no footer for ${entry.edition.id} (footers.${entry.edition.id}): the edition's English footer prints` });
    }
    return issues;
  },
};
