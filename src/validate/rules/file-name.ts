import { basename, dirname } from 'node:path';
import type { ProfileRule } from '../rule.js';

export const fileNameRule: ProfileRule = {
  id: 'file-name',
  description: 'A profile lives at <edition>/<country slug>.md, and its translation into a language at <edition>/<lang>/<country slug>.md, so each has one obvious file.',
  stage: 'valid',
  check({ profile, data, edition, translation }) {
    const country = edition.countryByName.get(data.country);
    const path = profile.file.path;
    if (!country) return [];
    const folder = translation && data.lang ? `${edition.id}/${data.lang}` : edition.id;
    const expected = `${folder}/${country.slug}.md`;
    const actual = [...dirname(path).split(/[\\/]/).slice(-folder.split('/').length), basename(path)].join('/');
    if (actual === expected) return [];
    return [{ at: translation ? ['translates'] : ['country'], severity: 'warning', reason: `the ${translation ? `${data.lang} translation` : 'profile'} of ${country.name} in ${edition.id} belongs at ${expected}, not ${actual}` }];
  },
};
