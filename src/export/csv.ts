import { codeColumn, placeColumns } from '../dataset/columns.js';
import { scoreColumns, type ScoreColumn } from '../edition/score-columns.js';
import type { Edition } from '../edition/edition.js';
import type { ValidProfile } from '../profile/valid.js';
import { inDatasetOrder } from './order.js';
import { scoreAt, scoreText } from './values.js';
import { csvCell } from '../text/csv.js';

export interface DatasetOptions {
  /** Adds the Country Code column (ISO 3166-1 alpha-3) after Country. */
  countryCode?: boolean;
}

/** The dataset's table: its header, then one row per profile in its order, each score with the column it is in. */
export function datasetTable(edition: Edition, profiles: ValidProfile[], options: DatasetOptions = {}): { header: string[]; columns: ScoreColumn[]; rows: { place: string[]; scores: number[] }[] } {
  const columns = scoreColumns(edition);
  const header = [...placeColumns, ...(options.countryCode ? [codeColumn] : []), ...columns.map((c) => c.label)];
  const rows = inDatasetOrder(profiles).map(({ data }) => ({
    place: [data.continent, data.region, data.country, ...(options.countryCode ? [edition.countryByName.get(data.country)?.code ?? ''] : [])],
    scores: columns.map((c) => scoreAt(data, c)),
  }));
  return { header, columns, rows };
}

/**
 * The profiles of one edition as its dataset: same columns, row order, number formats and
 * CRLF line ends as the published CSV, so exporting an imported corpus gives the file back.
 */
export function datasetCsv(edition: Edition, profiles: ValidProfile[], options: DatasetOptions = {}): string {
  const { header, columns, rows } = datasetTable(edition, profiles, options);
  const lines = [header, ...rows.map(({ place, scores }) => [...place, ...scores.map((value, i) => scoreText(value, columns[i] as ScoreColumn))])];
  return lines.map((cells) => `${cells.map(csvCell).join(',')}\r\n`).join('');
}
