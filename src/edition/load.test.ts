import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import countries from 'i18n-iso-countries';
import { describe, expect, it } from 'vitest';
import { EditionError } from '../errors.js';
import type { Edition } from './edition.js';
import { loadEditions } from './load.js';
import { slugOfCountry } from './names.js';
import { datasetPath, editions, projectRoot, replaceOnce, tempFolder } from '../testing/support.js';

countries.registerLocale(createRequire(import.meta.url)('i18n-iso-countries/langs/en.json'));

/**
 * The index's spellings that i18n-iso-countries (a maintained copy of ISO 3166-1) does not list,
 * with a name it lists for the same country: the code is still the package's, looked up by that name.
 */
const isoNames: Record<string, string> = {
  'Congo, Dem. Rep.': 'Democratic Republic of the Congo',
  'Congo, Rep.': 'Republic of the Congo',
  'Cabo Verde': 'Cape Verde',
  'St. Kitts and Nevis': 'Saint Kitts and Nevis',
  'St. Lucia': 'Saint Lucia',
  'St. Vincent and the Grenadines': 'Saint Vincent and the Grenadines',
  'Korea, DPR': 'North Korea',
  'Korea, Rep.': 'South Korea',
  Brunei: 'Brunei Darussalam',
  Laos: "Lao People's Democratic Republic",
  Syria: 'Syrian Arab Republic',
  Moldova: 'Moldova, Republic of',
};

/** Each country whose code is not the one ISO 3166-1 gives the country of that name, as "name: code, ISO: other". */
function codeProblems(edition: Edition): string[] {
  const namesByCode = countries.getNames('en', { select: 'all' });
  return edition.countries.flatMap(({ name, code }) => {
    const alpha2 = countries.alpha3ToAlpha2(code);
    const isoName = slugOfCountry(isoNames[name] ?? name);
    if (alpha2 !== undefined && (namesByCode[alpha2] ?? []).some((n) => slugOfCountry(n) === isoName)) return [];
    const expected = Object.entries(namesByCode).find(([, names]) => names.some((n) => slugOfCountry(n) === isoName))?.[0];
    return [`${name}: ${code}, ISO: ${expected === undefined ? 'no such name' : countries.alpha2ToAlpha3(expected)}`];
  });
}

describe('the countries of each edition', () => {
  it.each([...editions.keys()])('%s: every country of the dataset, each with its own ISO 3166-1 alpha-3 code', (id) => {
    const edition = editions.get(id) as Edition;
    const names = readFileSync(datasetPath(id), 'utf8').split('\r\n').slice(1, -1).map((line) => /^[^,]*,[^,]*,("[^"]*"|[^,]*)/.exec(line)?.[1]?.replaceAll('"', ''));
    expect(edition.countries.map((c) => c.name)).toEqual(names);
    expect(new Set(edition.countries.map((c) => c.code)).size).toBe(193);
    expect(codeProblems(edition)).toEqual([]);
  });

  it.each([...editions.keys()])('%s: an alias ISO 3166-1 knows names the country of the same code', (id) => {
    const namesByCode = countries.getNames('en', { select: 'all' });
    const isoCode = (name: string) => Object.entries(namesByCode).find(([, names]) => names.some((n) => slugOfCountry(n) === slugOfCountry(name)))?.[0];
    const known = [...(editions.get(id) as Edition).aliases].filter(([alias]) => isoCode(alias) !== undefined);
    expect(known.length).toBeGreaterThan(10);
    expect(known.map(([alias]) => `${alias}: ${countries.alpha2ToAlpha3(isoCode(alias)!)}`)).toEqual(known.map(([alias, country]) => `${alias}: ${country.code}`));
  });

  it('gives a country the same code in every edition', () => {
    const codes = new Map<string, string>();
    for (const edition of editions.values()) {
      for (const { name, code } of edition.countries) expect(`${name} ${codes.get(name) ?? code}`).toBe(`${name} ${(codes.set(name, code), code)}`);
    }
    expect(codes.size).toBe(193);
  });

  it('finds a wrong code: swapped, unassigned, or a name ISO does not know', () => {
    const goci2025 = editions.get('goci-2025') as Edition;
    const swapped = goci2025.countries.map((c) => (c.code === 'COD' ? { ...c, code: 'COG' } : c.code === 'COG' ? { ...c, code: 'COD' } : c));
    expect(codeProblems({ ...goci2025, countries: swapped })).toEqual(['Congo, Dem. Rep.: COG, ISO: COD', 'Congo, Rep.: COD, ISO: COG']);
    const chad = goci2025.countries.find((c) => c.name === 'Chad')!;
    const wrong = [{ ...chad, code: 'TCH' }, { ...chad, name: 'Atlantis', code: 'ATL' }];
    expect(codeProblems({ ...goci2025, countries: wrong })).toEqual(['Chad: TCH, ISO: TCD', 'Atlantis: ATL, ISO: no such name']);
  });

  it('refuses an edition file in which two countries share a code, a code that is not three capitals, or a list of names (the old form)', () => {
    const folder = join(tempFolder(), 'extra');
    mkdirSync(folder);
    const source = readFileSync(join(projectRoot, 'editions', 'goci-2025.yaml'), 'utf8').replace('id: goci-2025', 'id: goci-2027');
    writeFileSync(join(folder, 'goci-2027.yaml'), replaceOnce(source, 'Congo, Rep.: COG', 'Congo, Rep.: COD'));
    expect(() => loadEditions([folder])).toThrow(
      new EditionError(`${join(folder, 'goci-2027.yaml')}: Congo, Dem. Rep. has the code COD of Congo, Rep.; each country's ISO 3166-1 alpha-3 code is its own`),
    );
    writeFileSync(join(folder, 'goci-2027.yaml'), replaceOnce(source, 'Chad: TCD', 'Chad: td'));
    expect(() => loadEditions([folder])).toThrow(/goci-2027\.yaml: not a valid edition: .*must match pattern/);
    writeFileSync(join(folder, 'goci-2027.yaml'), source.replace(/^( {12})(.+): [A-Z]{3}$/gm, '$1- $2'));
    expect(() => loadEditions([folder])).toThrow(/goci-2027\.yaml: not a valid edition: \/geography\/continents\/0\/regions\/0\/countries must be object.*; a region's countries map each name to its ISO 3166-1 alpha-3 code \('Chad: TCD'\), not a list of names$/);
  });
});
