import { scoreColumns, type ScoreColumn } from '../edition/score-columns.js';
import type { RankedMeasure, Ranks, Status } from '../profile/data.js';
import type { ValidProfile } from '../profile/valid.js';
import { inDatasetOrder } from './order.js';
import { scoreAt } from './values.js';

/** One profile as `ocindex export --format json` writes it. */
export interface ExportedProfile {
  edition: string;
  country: string;
  continent: string;
  region: string;
  status: Status;
  /** Every score by its front-matter key, in the dataset's column order: criminality, criminal_markets, human_trafficking, ..., resilience, ... */
  scores: Record<string, number>;
  ranks: Record<RankedMeasure, Ranks>;
}

/** A composite is keyed by its measure or group ("criminal_markets"), an indicator by its own key. */
function scoreKey(column: ScoreColumn): string {
  return column.path.at(column.kind === 'composite' ? -2 : -1) as string;
}

const ranksOf = ({ global, continent, region }: Ranks): Ranks => ({ global, continent, region });

export function exportedProfile({ data, edition }: ValidProfile): ExportedProfile {
  return {
    edition: data.edition,
    country: data.country,
    continent: data.continent,
    region: data.region,
    status: data.status,
    scores: Object.fromEntries(scoreColumns(edition).map((c) => [scoreKey(c), scoreAt(data, c)])),
    ranks: { criminality: ranksOf(data.criminality.rank), resilience: ranksOf(data.resilience.rank) },
  };
}

/** The profiles as a JSON array of ExportedProfile, in the dataset's order, edition by edition. */
export function profilesJson(profiles: ValidProfile[]): string {
  return `${JSON.stringify(inDatasetOrder(profiles).map(exportedProfile), null, 2)}\n`;
}
