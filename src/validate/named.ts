import { basename, dirname } from 'node:path';
import type { Edition } from '../edition/edition.js';
import type { ParsedFile } from '../profile/parse.js';

/**
 * The countries of an edition that have a profile file, whether it is valid or not: by the
 * front-matter's edition and country where they can be read, else by the file's place,
 * <edition>/<slug>.md. A profile with a typo still counts its country as present.
 */
export function namedCountries(edition: Edition, files: ParsedFile[]): Set<string> {
  const bySlug = new Map(edition.countries.map((country) => [country.slug, country.name]));
  const named = new Set<string>();
  for (const parsed of files) {
    const path = 'problem' in parsed ? parsed.file.path : parsed.profile.file.path;
    const data = 'problem' in parsed ? {} : parsed.profile.data;
    const editionId = typeof data.edition === 'string' ? data.edition : basename(dirname(path));
    if (editionId !== edition.id) continue;
    const country = typeof data.country === 'string' && edition.countryByName.has(data.country) ? data.country : bySlug.get(basename(path, '.md'));
    if (country !== undefined) named.add(country);
  }
  return named;
}
