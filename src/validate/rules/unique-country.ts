import type { CorpusRule } from '../rule.js';

export const uniqueCountryRule: CorpusRule = {
  id: 'unique-country',
  description: 'Each country has at most one profile per edition.',
  stage: 'corpus',
  check(edition, profiles) {
    const first = new Map<string, string>();
    return profiles.flatMap(({ profile, data }) => {
      const other = first.get(data.country);
      if (other === undefined) {
        first.set(data.country, profile.file.path);
        return [];
      }
      return [{ profile, issue: { at: ['country'], part: 'value' as const, reason: `${data.country} already has a ${edition.id} profile: ${other}` } }];
    });
  },
};
