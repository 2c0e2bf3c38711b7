import type { Country, Edition } from '../edition/edition.js';
import { rankScopes, type Ranks, type RankScope } from '../profile/data.js';
import { ordinal } from './ordinal.js';

/** "of 193 countries", "of 46 Asian countries", "of 8 Central Asian and Caucasian countries". */
export function rankPopulation(edition: Edition, country: Country, scope: RankScope): string {
  if (scope === 'global') return `of ${edition.countries.length} countries`;
  const area = country[scope];
  return `of ${edition.areaSizes.get(area.name) ?? 0} ${area.adjective} countries`;
}

/** The three rank lines a profile prints: "83rd of 193 countries", ... */
export function rankLines(edition: Edition, country: Country, ranks: Ranks): string[] {
  return rankScopes.map((scope) => `${ordinal(ranks[scope])} ${rankPopulation(edition, country, scope)}`);
}
