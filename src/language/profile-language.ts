import type { ValidProfile } from '../profile/valid.js';
import { NoTermbase, printedEdition, type PrintedEdition } from './printed.js';

/** The language a profile prints in: its `lang`, else its edition's. */
export const languageOf = (entry: Pick<ValidProfile, 'data' | 'edition'>): string => entry.data.lang ?? entry.edition.language;

/** A profile's edition as printed in its language; NoTermbase when the language has no termbase. */
export function printedFor(entry: Pick<ValidProfile, 'data' | 'edition'>): PrintedEdition | NoTermbase {
  return printedEdition(entry.edition, languageOf(entry));
}
