import type { Country, Edition, IndicatorGroup, OutlineSection } from '../edition/edition.js';
import { rankScopes, type Ranks, type RankScope } from '../profile/data.js';
import { primaryLanguage, termbaseFile, termbaseOf, type Termbase, type Wording } from './termbase.js';

/** A term a language's termbase lacks: its key (labels.prevention) and the file it belongs in. */
export interface MissingTerm {
  key: string;
  file: string;
}

/**
 * An edition as printed in one language: its labels, headings, title, publisher, area adjectives and
 * footer from the language's termbase (the edition's own for its own language), with the wording
 * around the numbers. Country and area names stay the edition's: they are the keys profiles use.
 */
export interface PrintedEdition {
  lang: string;
  /** The edition with every printed label in this language. */
  edition: Edition;
  wording: Wording;
  /** The terms this language lacks for the edition; printed as their key in brackets, never in English. */
  missing: MissingTerm[];
  /** The edition has no footer in this language: the English lines print. */
  footerInEnglish: boolean;
  termbase: Termbase;
  /** The name of a country in this language; undefined when the termbase lacks it. */
  countryName(name: string): string | undefined;
  /** The name of a continent or region in this language (the edition's when the termbase lacks it: a missing term). */
  areaName(name: string): string;
  /** An exact decimal ("5.08") as this language writes it ("5,08"): never through a binary float. */
  decimal(text: string): string;
  ordinal(n: number): string;
  rankPopulation(country: Country, scope: RankScope): string;
  rankLine(country: Country, scope: RankScope, rank: number): string;
  rankLines(country: Country, ranks: Ranks): string[];
}

/** Why an edition cannot be printed in a language: it has no termbase. */
export class NoTermbase {
  constructor(readonly lang: string) {}
  get reason(): string {
    return `no termbase for language '${this.lang}' (${termbaseFile(primaryLanguage(this.lang))}): a profile in it cannot be printed; add the file, or print the profile in a language that has one`;
  }
}

const fill = (template: string, values: Record<string, string>): string => template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);

/** The edition's own terms, relabelled through `term`: each lookup says its key. */
function relabel(edition: Edition, term: (key: string, english: string) => string, areaOf: (name: string, english: string) => string, termbase: Termbase): { edition: Edition; footerInEnglish: boolean } {
  const group = (g: IndicatorGroup): IndicatorGroup => ({
    key: g.key,
    label: term(`labels.${g.key}`, g.label),
    indicators: g.indicators.map((i) => ({ key: i.key, label: term(`labels.${i.key}`, i.label) })),
  });
  const outline = (sections: OutlineSection[]): OutlineSection[] => sections.map((s) => ({ heading: term(`headings.${s.heading}`, s.heading), sections: outline(s.sections) }));
  const countries = edition.countries.map((c) => ({
    ...c,
    continent: { name: c.continent.name, adjective: areaOf(c.continent.name, c.continent.adjective) },
    region: { name: c.region.name, adjective: areaOf(c.region.name, c.region.adjective) },
  }));
  const name = term('index.name', edition.title);
  const footer = termbase.terms.footers?.[edition.id];
  return {
    edition: {
      ...edition,
      title: fill(term('index.title', edition.title), { name, year: String(edition.year) }),
      publisher: term('publisher', edition.publisher),
      criminality: { label: term('labels.criminality', edition.criminality.label), groups: edition.criminality.groups.map(group) },
      resilience: group(edition.resilience),
      outline: outline(edition.outline),
      countries,
      countryByName: new Map(countries.map((c) => [c.name, c])),
      footer: footer ?? edition.footer,
    },
    footerInEnglish: footer === undefined,
  };
}

const cache = new WeakMap<Edition, Map<string, PrintedEdition | NoTermbase>>();

/**
 * An edition as printed in a language (a profile's `lang`, else the edition's), made once per pair;
 * with a termbase given (an editor's draft of one), through that one, made afresh.
 */
export function printedEdition(edition: Edition, lang: string = edition.language, termbase?: Termbase): PrintedEdition | NoTermbase {
  const tag = lang.toLowerCase();
  if (termbase) return makePrinted(edition, tag, termbase);
  let byLang = cache.get(edition);
  if (!byLang) cache.set(edition, (byLang = new Map()));
  let printed = byLang.get(tag);
  if (!printed) byLang.set(tag, (printed = makePrinted(edition, tag)));
  return printed;
}

function makePrinted(edition: Edition, lang: string, termbase = termbaseOf(lang)): PrintedEdition | NoTermbase {
  if (!termbase) return new NoTermbase(lang);
  const { terms } = termbase;
  const own = primaryLanguage(lang) === primaryLanguage(edition.language);
  const missing: MissingTerm[] = [];
  const lack = (key: string): void => {
    if (!missing.some((m) => m.key === key)) missing.push({ key, file: termbase.file });
  };
  const lookup = (key: string, english: string): string => {
    if (own) return english;
    const [section, ...rest] = key.split('.');
    const name = rest.join('.');
    const table = (terms as unknown as Record<string, Record<string, unknown> | string | undefined>)[section as string];
    const found = typeof table === 'object' ? table[name] : table;
    if (typeof found === 'string') return found;
    lack(key);
    return `[${key}]`;
  };
  const areaOf = (name: string, adjective: string): string => {
    if (own) return adjective;
    const area = terms.areas?.[name];
    if (area) return area.of;
    lack(`areas.${name}`);
    return `[areas.${name}]`;
  };
  // In its own language an edition prints as its file writes it.
  const { edition: printed, footerInEnglish } = own ? { edition, footerInEnglish: false } : relabel(edition, lookup, areaOf, termbase);
  const plural = new Intl.PluralRules(lang, { type: 'ordinal' });
  const counts = new Intl.NumberFormat(lang);
  const ordinal = (n: number): string => fill(terms.wording.ordinal[plural.select(n)] ?? terms.wording.ordinal.other, { n: counts.format(n) });
  const rankPopulation = (country: Country, scope: RankScope): string => {
    const c = printed.countryByName.get(country.name) ?? country;
    if (scope === 'global') return fill(terms.wording.rank.global, { ordinal: '', count: counts.format(printed.countries.length) }).trim();
    const area = c[scope];
    return fill(terms.wording.rank.area, { ordinal: '', count: counts.format(printed.areaSizes.get(area.name) ?? 0), area: area.adjective }).trim();
  };
  const rankLine = (country: Country, scope: RankScope, rank: number): string => {
    const c = printed.countryByName.get(country.name) ?? country;
    const values = { ordinal: ordinal(rank), count: '', area: '' };
    if (scope === 'global') return fill(terms.wording.rank.global, { ...values, count: counts.format(printed.countries.length) });
    return fill(terms.wording.rank.area, { ...values, count: counts.format(printed.areaSizes.get(c[scope].name) ?? 0), area: c[scope].adjective });
  };
  return {
    lang,
    edition: printed,
    wording: terms.wording,
    missing,
    footerInEnglish: !own && footerInEnglish,
    termbase,
    countryName: (name) => (own ? name : terms.countries?.[name]),
    areaName: (name) => (own ? name : (terms.areas?.[name]?.name ?? name)),
    decimal: (text) => {
      const places = text.split('.')[1]?.length ?? 0;
      // Intl formats a numeric string as the exact decimal it writes (ECMA-402 NumberFormat v3).
      return new Intl.NumberFormat(lang, { minimumFractionDigits: places, maximumFractionDigits: places, useGrouping: false }).format(text as unknown as number);
    },
    ordinal,
    rankPopulation,
    rankLine,
    rankLines: (country, ranks) => rankScopes.map((scope) => rankLine(country, scope, ranks[scope])),
  };
}
