import type { Edition } from './edition.js';

/** One score column of the index's dataset and the front-matter field it fills. */
export interface ScoreColumn {
  label: string;
  path: string[];
  kind: 'composite' | 'indicator';
}

/**
 * The score fields of an edition in the order of its dataset and of a new profile's front-matter:
 * criminality, each group then its indicators, resilience then its.
 */
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
