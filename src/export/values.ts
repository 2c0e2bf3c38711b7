import type { ScoreColumn } from '../dataset/columns.js';
import type { ProfileData } from '../profile/data.js';
import { formatHalves, formatHundredths, toUnits } from '../scoring/exact.js';

/** The number a score column holds in a schema-valid profile's front-matter. */
export function scoreAt(data: ProfileData, column: ScoreColumn): number {
  let node: unknown = data;
  for (const key of column.path) node = (node as Record<string, unknown>)[key];
  return node as number;
}

/** A score as the dataset writes it: indicators with one decimal ("3.0"), composites with two ("6.00"). */
export function scoreText(value: number, column: ScoreColumn): string {
  return column.kind === 'indicator' ? formatHalves(toUnits(value, 2)) : formatHundredths(toUnits(value, 100));
}
