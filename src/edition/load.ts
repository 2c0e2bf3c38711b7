import { readdirSync } from 'node:fs';
import { readInputSync } from '../read/bounded.js';
import { join } from 'node:path';
import { parse } from 'yaml';
import { EditionError } from '../errors.js';
import { packagePath } from '../package/paths.js';
import { buildEdition, type Edition, type EditionSource } from './edition.js';
import { compileSchema } from '../package/schemas.js';

/** The editions shipped in editions/, plus those of any extra folder, by id. */
export function loadEditions(extraFolders: string[] = []): Map<string, Edition> {
  const check = compileSchema<EditionSource>('edition.schema.json');
  const editions = new Map<string, Edition>();
  for (const folder of [packagePath('editions'), ...extraFolders]) {
    for (const name of readdirSync(folder).filter((n) => n.endsWith('.yaml')).sort()) {
      const file = join(folder, name);
      const source: unknown = parse(readInputSync(file, { shown: file, what: 'an edition' }).toString('utf8'));
      if (!check(source)) {
        const detail = check.errors?.map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
        // Edition files before ISO codes listed a region's countries by name only.
        const listed = check.errors?.some((e) => e.instancePath.endsWith('/countries') && e.keyword === 'type');
        const hint = listed ? "; a region's countries map each name to its ISO 3166-1 alpha-3 code ('Chad: TCD'), not a list of names" : '';
        throw new EditionError(`${file}: not a valid edition: ${detail}${hint}`);
      }
      const edition = buildEdition(source);
      if (`${edition.id}.yaml` !== name) throw new EditionError(`${file}: id '${edition.id}' does not match the file name`);
      const unknown = Object.entries(source.aliases ?? {}).filter(([, name]) => !edition.countryByName.has(name));
      if (unknown.length > 0) throw new EditionError(`${file}: aliases: ${unknown.map(([alias, name]) => `${alias}: '${name}' is not a country of the edition`).join('; ')}`);
      const slugs = new Set(edition.countries.map((c) => c.slug));
      if (slugs.size !== edition.countries.length) throw new EditionError(`${file}: two countries share a file name`);
      const sharedCodes = edition.countries.filter((c) => edition.countryByCode.get(c.code) !== c);
      if (sharedCodes.length > 0) throw new EditionError(`${file}: ${sharedCodes.map((c) => `${c.name} has the code ${c.code} of ${edition.countryByCode.get(c.code)?.name}`).join('; ')}; each country's ISO 3166-1 alpha-3 code is its own`);
      editions.set(edition.id, edition);
    }
  }
  for (const edition of editions.values()) {
    if (edition.compareWith !== undefined && !editions.has(edition.compareWith)) {
      throw new EditionError(`edition ${edition.id}: compare_with '${edition.compareWith}' is not a known edition; the editions are ${[...editions.keys()].join(', ')}`);
    }
  }
  return editions;
}
