/** The areas a profile states its ranks in: the world, its continent, its region. */
export const rankScopes = ['global', 'continent', 'region'] as const;
export type RankScope = (typeof rankScopes)[number];
/** The two measures a profile is ranked by. */
export const rankedMeasures = ['criminality', 'resilience'] as const;
export type RankedMeasure = (typeof rankedMeasures)[number];

export type Status = 'draft' | 'review' | 'final';
export type Ranks = Record<RankScope, number>;

export interface GroupData {
  score: number;
  indicators: Record<string, number>;
}

/** Front-matter of a profile that fits its edition's schema. */
export interface ProfileData {
  edition: string;
  country: string;
  continent: string;
  region: string;
  status: Status;
  lang?: string;
  funding?: string;
  /** For a translation: the profile it translates, relative to its file (src/profile/translation.ts). */
  translates?: string;
  /** For a translation: the fingerprint of each source section it translates, by section key. */
  translated?: Record<string, string>;
  /** score, rank, and one GroupData per criminality group of the edition. */
  criminality: { score: number; rank: Ranks } & Record<string, unknown>;
  resilience: GroupData & { rank: Ranks };
}

/** The value at a front-matter path of schema-valid data: ['criminality', 'criminal_markets', 'score'] -> 4.15. */
export function fieldAt(data: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], data);
}

/** The dotted name of a front-matter field, as messages show it. */
export function fieldName(path: readonly (string | number)[]): string {
  return path.join('.');
}
