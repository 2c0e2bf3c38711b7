import type { ScoreColumn } from '../edition/score-columns.js';
import { fieldAt, type ProfileData } from '../profile/data.js';
import { formatHalves, formatScore, toUnits } from '../scoring/exact.js';

/** The number a score column holds in a schema-valid profile's front-matter. */
export function scoreAt(data: ProfileData, column: ScoreColumn): number {
  return fieldAt(data, column.path) as number;
}

/** A score as the dataset writes it: indicators with one decimal ("3.0"), composites with two ("6.00"). */
export function scoreText(value: number, column: ScoreColumn): string {
  return column.kind === 'indicator' ? formatHalves(toUnits(value, 2)) : formatScore(value);
}
