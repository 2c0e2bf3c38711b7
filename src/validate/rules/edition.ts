import type { RawProfileRule } from '../rule.js';

export const editionRule: RawProfileRule = {
  id: 'edition',
  description: 'The profile names an edition that the toolkit knows.',
  stage: 'parsed',
  check(profile, editions) {
    const value = profile.data.edition;
    const known = [...editions.keys()].join(', ');
    if (value === undefined) return [{ at: [], reason: `missing field edition; expected one of ${known}` }];
    if (typeof value === 'string' && editions.has(value)) return [];
    return [{ at: ['edition'], part: 'value', reason: `edition is ${JSON.stringify(value)}; expected one of ${known}` }];
  },
};
