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

export const rankScopes = ['global', 'continent', 'region'] as const;
export type RankScope = (typeof rankScopes)[number];
export const rankedMeasures = ['criminality', 'resilience'] as const;
export type RankedMeasure = (typeof rankedMeasures)[number];

export interface Placed {
  continent: string;
  region: string;
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
