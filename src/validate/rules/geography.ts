import { closest } from 'fastest-levenshtein';
import type { Issue, ProfileRule } from '../rule.js';
import { invisiblyDifferent } from '../../edition/names.js';

export const geographyRule: ProfileRule = {
  id: 'geography',
  description: "The country belongs to the edition, in the edition's own continent and region.",
  stage: 'valid',
  check({ data, edition }) {
    const country = edition.countryByName.get(data.country);
    if (!country) {
      const lookalike = invisiblyDifferent(data.country, edition.countryByName.keys());
      if (lookalike) return [{ at: ['country'], part: 'value', reason: `country ${JSON.stringify(data.country)} looks like ${JSON.stringify(lookalike.name)} but ${lookalike.reason}; write ${JSON.stringify(lookalike.name)}` }];
      const guess = closest(data.country, [...edition.countryByName.keys()]);
      return [{ at: ['country'], part: 'value', reason: `country ${JSON.stringify(data.country)} is not one of the ${edition.countries.length} countries of ${edition.id}; did you mean ${JSON.stringify(guess)}?` }];
    }
    const issues: Issue[] = [];
    for (const field of ['continent', 'region'] as const) {
      if (data[field] !== country[field].name) {
        issues.push({ at: [field], part: 'value', reason: `${field} is ${JSON.stringify(data[field])}; in ${edition.id}, ${country.name} is in ${JSON.stringify(country[field].name)}` });
      }
    }
    return issues;
  },
};
