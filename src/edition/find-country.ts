import type { Country, Edition } from './edition.js';
import { InputError } from '../errors.js';
import { didYouMean, listed } from '../text/english.js';
import { invisiblyDifferent, slugOfCountry } from './names.js';
import { escapeUnprintable } from '../text/unprintable.js';

/**
 * The edition's country named by its name or file name, ignoring case and accents
 * ("Côte d'Ivoire", "cote d'ivoire", "cote-d-ivoire"). An unknown one is a usage mistake,
 * with the countries it may have meant.
 */
export function findCountry(edition: Edition, query: string): Country {
  const slug = slugOfCountry(query);
  const country = edition.countries.find((c) => c.slug === slug) ?? [...edition.aliases].find(([alias]) => slugOfCountry(alias) === slug)?.[1];
  if (country) return country;
  const lookalike = invisiblyDifferent(query, [...edition.countries.map((c) => c.name), ...edition.aliases.keys()]);
  if (lookalike) throw new InputError(`unknown country '${escapeUnprintable(query)}' in ${edition.id}: it looks like '${lookalike.name}' but ${lookalike.reason}`);
  // "korea" names two countries; a typo ("azerbaidjan") names one.
  const containing = slug.length >= 3 ? edition.countries.filter((c) => c.slug.includes(slug)).map((c) => c.name) : [];
  const hint = containing.length > 0 ? `; did you mean ${listed(containing)}?` : didYouMean(query, [...edition.countries.map((c) => c.name), ...edition.aliases.keys()]);
  throw new InputError(`unknown country '${query}' in ${edition.id}${hint}`);
}

