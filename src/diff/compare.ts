import type { Edition } from '../edition/edition.js';
import { measuresOf, ranksOf, type Measure, type RankOf } from './measures.js';
import { changedShare, narrativeWords, type ChangedShare } from './narrative.js';
import type { ValidProfile } from '../profile/valid.js';

export interface MeasureChange {
  key: string;
  label: string;
  kind: Measure['kind'];
  from: number;
  to: number;
  /** to - from, in hundredths. */
  delta: number;
}

export interface RankMove extends Omit<RankOf, 'rank'> {
  from: number;
  to: number;
}

/** What changed for one country between two editions. */
export interface CountryDiff {
  country: string;
  from: ValidProfile;
  to: ValidProfile;
  /** Every score and indicator that both editions have, in the later edition's print order. */
  changes: MeasureChange[];
  /** Indicators and scores the later edition added. */
  added: Measure[];
  /** Those it dropped. */
  removed: Measure[];
  /** Rank moves in the world, the continent and, when the country stayed in it, the region. */
  ranks: RankMove[];
  /** Share of the narrative's words changed (0–1); undefined unless both profiles have a narrative. */
  rewritten?: number;
  /** The narratives differ in too many places to measure exactly: `rewritten` is a lower bound. */
  rewrittenAtLeast?: true;
  /** The largest change of a score or indicator in both editions, in hundredths (absolute). */
  largest: number;
}

export interface EditionDiff {
  from: Edition;
  to: Edition;
  countries: CountryDiff[];
  /** Indicators and scores of `to` that `from` does not have (by key). */
  added: { key: string; label: string }[];
  removed: { key: string; label: string }[];
  /** Countries in only one of the editions' profiles. */
  onlyFrom: string[];
  onlyTo: string[];
}

/** The changes of one country's profile from one edition to another, matching measures by key. */
export function compareProfiles(from: ValidProfile, to: ValidProfile): CountryDiff {
  const before = new Map(measuresOf(from).map((m) => [m.key, m]));
  const after = measuresOf(to);
  const afterKeys = new Set(after.map((m) => m.key));
  const changes: MeasureChange[] = [];
  const added: Measure[] = [];
  for (const measure of after) {
    const old = before.get(measure.key);
    if (!old) added.push(measure);
    else changes.push({ key: measure.key, label: measure.label, kind: measure.kind, from: old.hundredths, to: measure.hundredths, delta: measure.hundredths - old.hundredths });
  }
  const oldRanks = ranksOf(from);
  // A rank in another region (Kiribati: Melanesia in 2023, Micronesia in 2025) is no move.
  const sameRegion = from.data.region === to.data.region;
  const ranks = ranksOf(to)
    .map((r, index) => ({ measure: r.measure, scope: r.scope, from: (oldRanks[index] as RankOf).rank, to: r.rank }))
    .filter((r) => sameRegion || r.scope !== 'region');
  const words = [narrativeWords(from.profile), narrativeWords(to.profile)] as const;
  return {
    country: to.data.country,
    from,
    to,
    changes,
    added,
    removed: [...before.values()].filter((m) => !afterKeys.has(m.key)),
    ranks,
    ...(words[0].length > 0 && words[1].length > 0 ? rewrittenOf(changedShare(...words)) : {}),
    largest: Math.max(0, ...changes.map((c) => Math.abs(c.delta))),
  };
}

const rewrittenOf = ({ share, atLeast }: ChangedShare): Pick<CountryDiff, 'rewritten' | 'rewrittenAtLeast'> => ({ rewritten: share, ...(atLeast ? { rewrittenAtLeast: atLeast } : {}) });

/** The largest change of the two headline scores, criminality and resilience, in hundredths. */
export function headlineChange(diff: CountryDiff): number {
  return Math.max(0, ...diff.changes.filter((c) => c.key === 'criminality' || c.key === 'resilience').map((c) => Math.abs(c.delta)));
}

/**
 * Every country whose profile is in both editions, the largest change first: by the headline
 * scores' change, then by any score's or indicator's, then by name.
 */
export function compareEditions(from: Edition, to: Edition, profiles: ValidProfile[]): EditionDiff {
  const byCountry = (edition: Edition) => new Map(profiles.filter((p) => p.edition === edition).map((p) => [p.data.country, p]));
  const before = byCountry(from);
  const after = byCountry(to);
  const countries = [...after]
    .filter(([country]) => before.has(country))
    .map(([country, profile]) => compareProfiles(before.get(country) as ValidProfile, profile))
    .sort((a, b) => headlineChange(b) - headlineChange(a) || b.largest - a.largest || a.country.localeCompare(b.country));
  const keys = (edition: Edition) => [
    { key: 'criminality', label: edition.criminality.label },
    ...edition.criminality.groups.flatMap((g) => [{ key: g.key, label: g.label }, ...g.indicators]),
    { key: edition.resilience.key, label: edition.resilience.label },
    ...edition.resilience.indicators,
  ];
  const fromKeys = new Set(keys(from).map((k) => k.key));
  const toKeys = new Set(keys(to).map((k) => k.key));
  return {
    from,
    to,
    countries,
    added: keys(to).filter((k) => !fromKeys.has(k.key)).map(({ key, label }) => ({ key, label })),
    removed: keys(from).filter((k) => !toKeys.has(k.key)).map(({ key, label }) => ({ key, label })),
    onlyFrom: [...before.keys()].filter((c) => !after.has(c)).sort(),
    onlyTo: [...after.keys()].filter((c) => !before.has(c)).sort(),
  };
}
