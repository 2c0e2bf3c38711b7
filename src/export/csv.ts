import { placeColumns } from '../dataset/columns.js';
import { scoreColumns } from '../edition/score-columns.js';
import type { Edition } from '../edition/edition.js';
import type { ValidProfile } from '../profile/valid.js';
import { inDatasetOrder } from './order.js';
import { scoreAt, scoreText } from './values.js';
import { csvCell } from '../text/csv.js';

/**
 * The profiles of one edition as its dataset: same columns, row order, number formats and
 * CRLF line ends as the published CSV, so exporting an imported corpus gives the file back.
 */
export function datasetCsv(edition: Edition, profiles: ValidProfile[]): string {
  const columns = scoreColumns(edition);
  const lines = [[...placeColumns, ...columns.map((c) => c.label)]];
  for (const { data } of inDatasetOrder(profiles)) {
    lines.push([data.continent, data.region, data.country, ...columns.map((c) => scoreText(scoreAt(data, c), c))]);
  }
  return lines.map((cells) => `${cells.map(csvCell).join(',')}\r\n`).join('');
}
