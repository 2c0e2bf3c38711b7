import type { Country, Edition } from './edition.js';
import { InputError } from '../errors.js';
import { didYouMean, listed } from '../text/english.js';
import { invisiblyDifferent, slugOfCountry } from './names.js';
import { escapeUnprintable } from '../text/unprintable.js';

/**
 * The edition's country a name means: its spelling, an alias, or either ignoring case, accents
 * and punctuation ("cote d'ivoire", "cote-d-ivoire", "eSwatini"). Undefined for a name it does
 * not know, and for one that could mean two countries: it never guesses between them.
 */
export function countryNamed(edition: Edition, name: string): Country | undefined {
  const exact = edition.countryByName.get(name) ?? edition.aliases.get(name);
  if (exact) return exact;
  const slug = slugOfCountry(name);
  const matches = new Set([...edition.countries.filter((c) => c.slug === slug), ...[...edition.aliases].filter(([alias]) => slugOfCountry(alias) === slug).map(([, c]) => c)]);
  return matches.size === 1 ? [...matches][0] : undefined;
}

/**
 * What to say of a name the edition does not know: ": it looks like X but …" for one that differs
 * from a country's only by characters no one sees (NFD, a zero-width space), "; did you mean X?"
 * for a near one, or "" when nothing is close.
 */
export function countrySuggestion(edition: Edition, name: string): string {
  const lookalike = invisiblyDifferent(name, [...edition.countries.map((c) => c.name), ...edition.aliases.keys()]);
  if (lookalike) return `: it looks like '${lookalike.name}' but ${lookalike.reason}`;
  const slug = slugOfCountry(name);
  // "korea" names two countries; a typo ("azerbaidjan") names one.
  const containing = slug.length >= 3 ? edition.countries.filter((c) => c.slug.includes(slug)).map((c) => c.name) : [];
  return containing.length > 0 ? `; did you mean ${listed(containing)}?` : didYouMean(name, [...edition.countries.map((c) => c.name), ...edition.aliases.keys()]);
}

/**
 * The edition's country named by its name, another name or file name, ignoring case and accents
 * ("Côte d'Ivoire", "cote d'ivoire", "cote-d-ivoire"). An unknown one is a usage mistake,
 * with the countries it may have meant.
 */
export function findCountry(edition: Edition, query: string): Country {
  const country = countryNamed(edition, query);
  if (country) return country;
  throw new InputError(`unknown country '${escapeUnprintable(query)}' in ${edition.id}${countrySuggestion(edition, query)}`);
}
