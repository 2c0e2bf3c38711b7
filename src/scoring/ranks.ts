import type { Country } from '../edition/edition.js';
import { rankedMeasures, rankScopes, type RankedMeasure, type RankScope } from '../profile/data.js';

/** Competition ranks ("1224"): higher score first, ties share the best rank. */
export function competitionRanks<T>(items: T[], score: (item: T) => number): Map<T, number> {
  const sorted = [...items].sort((a, b) => score(b) - score(a));
  const ranks = new Map<T, number>();
  sorted.forEach((item, index) => {
    const previous = sorted[index - 1];
    const rank = previous !== undefined && score(previous) === score(item) ? (ranks.get(previous) as number) : index + 1;
    ranks.set(item, rank);
  });
  return ranks;
}

export interface Placed {
  continent: string;
  region: string;
}

/** The continent and region a country is ranked in. */
export function placeOf(country: Country): Placed {
  return { continent: country.continent.name, region: country.region.name };
}

/** The area a rank scope groups by: everyone, the continent or the region. */
export function areaOf(item: Placed, scope: RankScope): string {
  return scope === 'global' ? '' : item[scope];
}

/** Ranks of every item within the world, its continent and its region. */
export function ranksByScope<T extends Placed>(items: T[], score: (item: T) => number): Map<T, Record<RankScope, number>> {
  const result = new Map<T, Record<RankScope, number>>(items.map((i) => [i, { global: 0, continent: 0, region: 0 }]));
  for (const scope of rankScopes) {
    for (const members of groupBy(items, (item) => areaOf(item, scope)).values()) {
      for (const [item, rank] of competitionRanks(members, score)) (result.get(item) as Record<RankScope, number>)[scope] = rank;
    }
  }
  return result;
}

export function groupBy<T, K>(items: T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** One rank field of one item: its front-matter path (criminality.rank.global) and the rank it must hold. */
export interface RankField<T> {
  item: T;
  path: [RankedMeasure, 'rank', RankScope];
  rank: number;
}

/** An item's ranks: per measure, per scope. */
export type MeasureRanks = Record<RankedMeasure, Record<RankScope, number>>;
export type RankTable<T> = Map<T, MeasureRanks>;

/**
 * Every rank of every item, for both measures and the three scopes, computed over `items` as the
 * whole corpus of an edition: what import writes, --fix corrects and the rank rule expects.
 */
export function rankTable<T extends Placed>(items: T[], score: (item: T, measure: RankedMeasure) => number): RankTable<T> {
  const [criminality, resilience] = rankedMeasures.map((measure) => ranksByScope(items, (i) => score(i, measure)));
  return new Map(items.map((item) => [item, { criminality: criminality?.get(item), resilience: resilience?.get(item) } as MeasureRanks]));
}

/** The rank table as the front-matter fields it fills, item by item. */
export function rankFields<T extends Placed>(items: T[], score: (item: T, measure: RankedMeasure) => number): RankField<T>[] {
  return [...rankTable(items, score)].flatMap(([item, ranks]) =>
    rankedMeasures.flatMap((measure) => rankScopes.map((scope): RankField<T> => ({ item, path: [measure, 'rank', scope], rank: ranks[measure][scope] }))),
  );
}
