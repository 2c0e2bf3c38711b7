import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { InputError } from '../errors.js';
import { packagePath } from '../package/paths.js';
import { compileSchema } from '../package/schemas.js';

/** The wording around a page's numbers: ordinals, rank lines, score captions. */
export interface Wording {
  /** By Intl.PluralRules ordinal category ('one', 'two', 'few', 'other', ...); {n} is the number. */
  ordinal: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
  rank: { global: string; area: string };
  score: { criminality: string; resilience: string };
  /** The PDF's subject ({title}, {country}) and keywords besides the country's and its areas' names. */
  metadata: { subject: string; keywords: string[] };
  /** The word for a status that is not final, in a draft's or a review's watermark and PDF title. */
  status: { draft: string; review: string };
}

/** One language's printed words, as languages/<lang>/terms.yaml states them (schemas/terms.schema.json). */
export interface Terms {
  /** Term keys the index has published in this language, with where; the rest are the team's own. */
  published?: Record<string, string>;
  wording: Wording;
  index?: { name?: string; title?: string };
  publisher?: string;
  /** Indicator, group and measure labels by key (criminal_markets, human_trafficking, resilience). */
  labels?: Record<string, string>;
  /** Outline headings by the edition's (English) heading. */
  headings?: Record<string, string>;
  /** Continents and regions by the edition's name: their name, and the phrase a rank line ends with. */
  areas?: Record<string, { name: string; of: string }>;
  countries?: Record<string, string>;
  /** Footer lines by edition id. */
  footers?: Record<string, string[]>;
}

export interface Termbase {
  lang: string;
  /** The file as messages name it: languages/fr/terms.yaml. */
  file: string;
  terms: Terms;
}

const validTerms = compileSchema<Terms>('terms.schema.json');
const termbases = new Map<string, Termbase | null>();

/** Where a language's termbase lives, as messages name it. */
export const termbaseFile = (tag: string): string => `languages/${tag}/terms.yaml`;

function readTermbase(tag: string): Termbase | null {
  const path = packagePath(termbaseFile(tag));
  if (!/^[a-z]{2,3}(-[a-z0-9]+)*$/.test(tag) || !existsSync(path)) return null;
  const terms: unknown = parse(readFileSync(path, 'utf8'));
  if (!validTerms(terms)) {
    const reasons = (validTerms.errors ?? []).map((e) => `${e.instancePath.slice(1).replaceAll('/', '.') || '(top)'}: ${e.message ?? 'invalid'}`);
    throw new InputError(`${termbaseFile(tag)}: ${reasons.join('; ')}`);
  }
  return { lang: tag, file: termbaseFile(tag), terms };
}

/**
 * The termbase of a language tag: the whole tag's (en-gb), else its language's (en); null when the
 * toolkit has none, and a profile in that language cannot be printed.
 */
export function termbaseOf(lang: string): Termbase | null {
  const tag = lang.toLowerCase();
  if (!termbases.has(tag)) {
    const primary = primaryLanguage(tag);
    termbases.set(tag, readTermbase(tag) ?? (primary === tag ? null : readTermbase(primary)));
  }
  return termbases.get(tag) ?? null;
}

/** "en-gb" -> "en". */
export function primaryLanguage(lang: string): string {
  return lang.toLowerCase().split('-')[0] ?? lang;
}
