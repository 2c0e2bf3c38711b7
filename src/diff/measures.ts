import { groupsWithPaths } from '../edition/edition.js';
import { fieldAt } from '../profile/data.js';
import { formatHalves, formatHundredths, toUnits } from '../scoring/exact.js';
import { rankedMeasures, rankScopes, type RankedMeasure, type RankScope } from '../profile/data.js';
import type { ValidProfile } from '../profile/valid.js';

/** One printed number of a profile: a composite score or an indicator, in hundredths (exact). */
export interface Measure {
  key: string;
  label: string;
  kind: 'score' | 'indicator';
  hundredths: number;
}

/** Every score and indicator of a profile, in print order, keyed as in front-matter. */
export function measuresOf({ data, edition }: ValidProfile): Measure[] {
  const score = (key: string, label: string, value: unknown): Measure => ({ key, label, kind: 'score', hundredths: toUnits(value as number, 100) });
  const measures: Measure[] = [score('criminality', edition.criminality.label, data.criminality.score)];
  for (const { group, path } of groupsWithPaths(edition)) {
    measures.push(score(group.key, group.label, fieldAt(data, [...path, 'score'])));
    const values = fieldAt(data, [...path, 'indicators']) as Record<string, number>;
    for (const indicator of group.indicators) {
      measures.push({ key: indicator.key, label: indicator.label, kind: 'indicator', hundredths: toUnits(values[indicator.key] as number, 100) });
    }
  }
  return measures;
}

export interface RankOf {
  measure: RankedMeasure;
  scope: RankScope;
  rank: number;
}

/** The six ranks of a profile: criminality and resilience, world, continent and region. */
export function ranksOf({ data }: ValidProfile): RankOf[] {
  return rankedMeasures.flatMap((measure) => rankScopes.map((scope) => ({ measure, scope, rank: data[measure].rank[scope] })));
}

/** A value as the profile writes it: "5.08" for a score, "4.5" for an indicator. */
export function formatMeasure(kind: Measure['kind'], hundredths: number): string {
  return kind === 'score' ? formatHundredths(hundredths) : formatHalves(hundredths / 50);
}

/** A signed change: "+0.39", "-1.5", "±0.00". */
export function formatChange(kind: Measure['kind'], delta: number): string {
  return `${delta > 0 ? '+' : delta < 0 ? '-' : '±'}${formatMeasure(kind, Math.abs(delta))}`;
}
