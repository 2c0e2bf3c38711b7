import type { Edition } from '../edition/edition.js';

/** One score column of the index's dataset and the front-matter field it fills. */
export interface ScoreColumn {
  label: string;
  path: string[];
  kind: 'composite' | 'indicator';
}

export const placeColumns = ['Continent', 'Region', 'Country'] as const;

/** The dataset's score columns in its own order: criminality, each group then its indicators, resilience then its. */
export function scoreColumns(edition: Edition): ScoreColumn[] {
  const columns: ScoreColumn[] = [{ label: edition.criminality.label, path: ['criminality', 'score'], kind: 'composite' }];
  const group = (label: string, base: string[], indicators: { key: string; label: string }[]) => {
    columns.push({ label, path: [...base, 'score'], kind: 'composite' });
    for (const i of indicators) columns.push({ label: i.label, path: [...base, 'indicators', i.key], kind: 'indicator' });
  };
  for (const g of edition.criminality.groups) group(g.label, ['criminality', g.key], g.indicators);
  group(edition.resilience.label, ['resilience'], edition.resilience.indicators);
  return columns;
}

/** Spreadsheet column name of a 0-based index: 0 -> A, 26 -> AA. */
export function columnLetter(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
