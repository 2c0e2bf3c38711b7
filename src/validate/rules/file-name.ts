import { basename, dirname } from 'node:path';
import type { ProfileRule } from '../rule.js';

export const fileNameRule: ProfileRule = {
  id: 'file-name',
  description: 'A profile lives at <edition>/<country slug>.md, so each country has one obvious file.',
  stage: 'valid',
  check({ profile, data, edition }) {
    const country = edition.countryByName.get(data.country);
    const path = profile.file.path;
    if (!country) return [];
    const expected = `${edition.id}/${country.slug}.md`;
    if (basename(path) === `${country.slug}.md` && basename(dirname(path)) === edition.id) return [];
    return [{ at: ['country'], severity: 'warning', reason: `the profile of ${country.name} in ${edition.id} belongs at ${expected}, not ${basename(dirname(path))}/${basename(path)}` }];
  },
};
