import type { Country, Edition } from '../edition/edition.js';
import { NoTermbase, printedEdition, type PrintedEdition } from '../language/printed.js';
import type { Ranks, RankScope } from '../profile/data.js';

/** The edition in its own language (its wording from languages/<language>/terms.yaml). */
function inOwnLanguage(edition: Edition): PrintedEdition {
  const printed = printedEdition(edition);
  if (printed instanceof NoTermbase) throw new Error(printed.reason);
  return printed;
}

/** "of 193 countries", "of 46 Asian countries", "of 8 Central Asian and Caucasian countries". */
export function rankPopulation(edition: Edition, country: Country, scope: RankScope): string {
  return inOwnLanguage(edition).rankPopulation(country, scope);
}

/** The three rank lines a profile prints in the edition's language: "83rd of 193 countries", ... */
export function rankLines(edition: Edition, country: Country, ranks: Ranks): string[] {
  return inOwnLanguage(edition).rankLines(country, ranks);
}
