import { groupsWithPaths, type Edition } from '../edition/edition.js';
import { fieldAt } from '../profile/data.js';
import type { Composites } from '../profile/valid.js';
import { meanOfFractions, meanOfHalves, roundToHundredths, toUnits, type Fraction } from './exact.js';


export type ScoreTree = Record<string, unknown>;

/**
 * Recomputes every composite from indicators, exactly: each group is the mean of its
 * indicators; criminality the mean of the unrounded criminality group means.
 * `data` must already satisfy the edition's schema.
 */
export function computeComposites(edition: Edition, data: ScoreTree): Composites {
  const groups: Composites['groups'] = new Map();
  const exact = new Map<string, Fraction>();
  for (const { group, path } of groupsWithPaths(edition)) {
    const values = fieldAt(data, [...path, 'indicators']) as Record<string, number>;
    const mean = meanOfHalves(group.indicators.map((i) => toUnits(values[i.key] as number, 2)));
    exact.set(group.key, mean);
    groups.set(group.key, { hundredths: roundToHundredths(mean), count: group.indicators.length, path });
  }
  const criminality = meanOfFractions(edition.criminality.groups.map((g) => exact.get(g.key) as Fraction));
  return {
    groups,
    criminality: roundToHundredths(criminality),
    resilience: roundToHundredths(exact.get(edition.resilience.key) as Fraction),
  };
}
