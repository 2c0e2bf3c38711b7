import { keyOfLabel, slugOfCountry } from './names.js';

/** One scored indicator, as printed ("Human trafficking") and as keyed in front-matter. */
export interface Indicator {
  key: string;
  label: string;
}

/** A set of indicators whose mean is a published score (criminal markets, resilience, ...). */
export interface IndicatorGroup {
  key: string;
  label: string;
  indicators: Indicator[];
}

export interface OutlineSection {
  heading: string;
  sections: OutlineSection[];
}

export interface Area {
  name: string;
  adjective: string;
}

export interface Country {
  name: string;
  /** ISO 3166-1 alpha-3 ("AZE"): the country whatever a dataset calls it. */
  code: string;
  slug: string;
  continent: Area;
  region: Area;
}

/** A continent with its regions and their countries' names, in the edition's order. */
type Continent = Area & { regions: (Area & { countries: string[] })[] };
/** As the edition file writes it: each country's name mapped to its ISO 3166-1 alpha-3 code. */
type ContinentSource = Area & { regions: (Area & { countries: Record<string, string> })[] };

/** The edition file's shape, as checked by schemas/edition.schema.json. */
export interface EditionSource {
  id: string;
  title: string;
  year: number;
  language: string;
  publisher: string;
  footer: string[];
  criminality: { label: string; groups: { label: string; indicators: string[] }[] };
  resilience: { label: string; indicators: string[] };
  outline: SectionSource[];
  /** Other names of countries ("Ivory Coast") -> the edition's spelling ("Côte d'Ivoire"). */
  aliases?: Record<string, string>;
  geography: { continents: ContinentSource[] };
  compare_with?: string;
}
interface SectionSource {
  heading: string;
  sections?: SectionSource[];
}

/** What the index publishes for one edition, read from editions/<id>.yaml, with keys and lookups derived. */
export interface Edition extends Pick<EditionSource, 'id' | 'title' | 'year' | 'language' | 'publisher' | 'footer'> {
  criminality: { label: string; groups: IndicatorGroup[] };
  resilience: IndicatorGroup;
  outline: OutlineSection[];
  continents: Continent[];
  countries: Country[];
  countryByName: Map<string, Country>;
  /** Countries by ISO 3166-1 alpha-3 code; the loader checks that no two share one. */
  countryByCode: Map<string, Country>;
  /** Other names of countries as the edition file writes them ("Ivory Coast"). */
  aliases: Map<string, Country>;
  /** How many countries each continent and region holds, by name. */
  areaSizes: Map<string, number>;
  /** Id of the edition whose scores the printed profiles compare with (`compare_with`), if any. */
  compareWith?: string;
}

export function buildEdition(source: EditionSource): Edition {
  const group = (g: { label: string; indicators: string[] }): IndicatorGroup => ({
    key: keyOfLabel(g.label),
    label: g.label,
    indicators: g.indicators.map((label) => ({ key: keyOfLabel(label), label })),
  });
  const outline = (sections: SectionSource[] = []): OutlineSection[] =>
    sections.map((s) => ({ heading: s.heading, sections: outline(s.sections) }));
  const countries: Country[] = [];
  const areaSizes = new Map<string, number>();
  for (const continent of source.geography.continents) {
    for (const region of continent.regions) {
      const members = Object.entries(region.countries);
      areaSizes.set(region.name, members.length);
      areaSizes.set(continent.name, (areaSizes.get(continent.name) ?? 0) + members.length);
      for (const [name, code] of members) {
        countries.push({
          name,
          code,
          slug: slugOfCountry(name),
          continent: { name: continent.name, adjective: continent.adjective },
          region: { name: region.name, adjective: region.adjective },
        });
      }
    }
  }
  const countryByName = new Map(countries.map((c) => [c.name, c]));
  const continents = source.geography.continents.map((continent) => ({
    ...continent,
    regions: continent.regions.map((region) => ({ ...region, countries: Object.keys(region.countries) })),
  }));
  return {
    id: source.id,
    title: source.title,
    year: source.year,
    language: source.language,
    publisher: source.publisher,
    footer: source.footer,
    criminality: { label: source.criminality.label, groups: source.criminality.groups.map(group) },
    resilience: group(source.resilience),
    outline: outline(source.outline),
    continents,
    countries,
    countryByName,
    countryByCode: new Map(countries.map((c) => [c.code, c])),
    aliases: new Map(Object.entries(source.aliases ?? {}).flatMap(([alias, name]) => {
      const country = countryByName.get(name);
      return country ? [[alias, country] as const] : [];
    })),
    areaSizes,
    ...(source.compare_with === undefined ? {} : { compareWith: source.compare_with }),
  };
}

/** Every indicator group of an edition with its path in front-matter, in print order. */
export function groupsWithPaths(edition: Edition): { group: IndicatorGroup; path: string[] }[] {
  return [
    ...edition.criminality.groups.map((group) => ({ group, path: ['criminality', group.key] })),
    { group: edition.resilience, path: ['resilience'] },
  ];
}
