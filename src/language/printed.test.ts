import { describe, expect, it } from 'vitest';
import { formatScore } from '../scoring/exact.js';
import { editions } from '../testing/support.js';
import { NoTermbase, printedEdition, type PrintedEdition } from './printed.js';
import { termbaseOf } from './termbase.js';

function inLanguage(editionId: string, lang: string): PrintedEdition {
  const printed = printedEdition(editions.get(editionId)!, lang);
  if (printed instanceof NoTermbase) throw new Error(printed.reason);
  return printed;
}

const french = termbaseOf('fr')!;

describe('an edition printed in French', () => {
  it('has every term of every edition: labels, headings, areas, index, publisher', () => {
    expect(editions.size).toBeGreaterThanOrEqual(2);
    for (const id of editions.keys()) expect(inLanguage(id, 'fr').missing, id).toEqual([]);
  });

  it.each([...editions.keys()])('writes the rank lines of all countries of %s with French ordinals and area phrases', (id) => {
    const edition = editions.get(id)!;
    const printed = inLanguage(id, 'fr');
    expect(edition.countries.length).toBeGreaterThanOrEqual(193);
    for (const country of edition.countries) {
      const { continent, region } = country;
      // First and last place in each area, and a place whose ordinal is 'one' in English but not French.
      const regionSize = edition.areaSizes.get(region.name)!;
      const continentSize = edition.areaSizes.get(continent.name)!;
      const lines = printed.rankLines(country, { global: 21, continent: 1, region: regionSize });
      expect(lines).toEqual([
        `21e sur ${edition.countries.length} pays`,
        `1er sur ${continentSize} pays ${french.terms.areas![continent.name]!.of}`,
        `${regionSize}${regionSize === 1 ? 'er' : 'e'} sur ${regionSize} pays ${french.terms.areas![region.name]!.of}`,
      ]);
      for (const line of lines) expect(line).not.toMatch(/\b(?:st|nd|rd|th|of|countries)\b|\[/);
    }
  });

  it('prints Azerbaijan 2021 as the French reader expects it', () => {
    const edition = editions.get('goci-2021')!;
    const azerbaijan = edition.countryByName.get('Azerbaijan')!;
    expect(inLanguage('goci-2021', 'fr').rankLines(azerbaijan, { global: 83, continent: 26, region: 3 })).toEqual([
      '83e sur 193 pays',
      "26e sur 46 pays d'Asie",
      "3e sur 8 pays d'Asie centrale et du Caucase",
    ]);
    expect(inLanguage('goci-2021', 'en').rankLines(azerbaijan, { global: 83, continent: 26, region: 3 })).toEqual([
      '83rd of 193 countries',
      '26th of 46 Asian countries',
      '3rd of 8 Central Asian and Caucasian countries',
    ]);
  });

  it('writes ordinals by the plural rules, not per number', () => {
    const fr = inLanguage('goci-2021', 'fr');
    const en = inLanguage('goci-2021', 'en');
    expect([1, 2, 3, 11, 21, 101, 193].map((n) => fr.ordinal(n))).toEqual(['1er', '2e', '3e', '11e', '21e', '101e', '193e']);
    expect([1, 2, 3, 11, 12, 13, 21, 22, 23, 111, 193].map((n) => en.ordinal(n))).toEqual(['1st', '2nd', '3rd', '11th', '12th', '13th', '21st', '22nd', '23rd', '111th', '193rd']);
  });

  it('writes the exact decimals with a decimal comma, never through a rounded float', () => {
    const fr = inLanguage('goci-2021', 'fr');
    expect(['5.08', '4.15', '10.00', '0.50', '4.5'].map((d) => fr.decimal(d))).toEqual(['5,08', '4,15', '10,00', '0,50', '4,5']);
    // The decimal's own places are kept: 5.075 (5.07499999… as a double) never becomes 5,07.
    expect(fr.decimal('5.075')).toBe('5,075');
    expect(fr.decimal(formatScore(5.08))).toBe('5,08');
    expect(inLanguage('goci-2021', 'en').decimal('5.08')).toBe('5.08');
  });

  it("names the edition, the publisher and the footer from the termbase, the source's own terms left as they are", () => {
    const fr = inLanguage('goci-2021', 'fr');
    expect(fr.edition.title).toBe('Indice mondial du crime organisé 2021');
    expect(fr.edition.criminality.groups.map((g) => g.label)).toEqual(['Marchés criminels', 'Acteurs criminels']);
    expect(fr.footerInEnglish).toBe(false);
    expect(inLanguage('goci-2023', 'fr').footerInEnglish).toBe(true);
    expect(inLanguage('goci-2021', 'en').edition).toBe(editions.get('goci-2021'));
  });

  it('reports a missing term with its key and file, and prints its key, never the English', () => {
    const terms = structuredClone(french.terms);
    delete terms.labels!.prevention;
    delete terms.areas!['Central Asia and the Caucasus'];
    const printed = printedEdition(editions.get('goci-2021')!, 'fr', { ...french, terms });
    if (printed instanceof NoTermbase) throw new Error('termbase given');
    expect(printed.missing.sort((a, b) => a.key.localeCompare(b.key))).toEqual([
      { key: 'areas.Central Asia and the Caucasus', file: 'languages/fr/terms.yaml' },
      { key: 'labels.prevention', file: 'languages/fr/terms.yaml' },
    ]);
    expect(printed.edition.resilience.indicators.find((i) => i.key === 'prevention')?.label).toBe('[labels.prevention]');
  });

  it('cannot print a language without a termbase, and says why', () => {
    const printed = printedEdition(editions.get('goci-2021')!, 'de');
    expect(printed).toBeInstanceOf(NoTermbase);
    expect((printed as NoTermbase).reason).toMatch(/^no termbase for language 'de' \(languages\/de\/terms\.yaml\): a profile in it cannot be printed/);
  });
});
