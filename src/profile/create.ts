import { Document } from 'yaml';
import type { Country, Edition } from '../edition/edition.js';
import { scoreColumns } from '../edition/score-columns.js';
import type { Status } from './data.js';
import { scalarFor } from './edit.js';

/** Field texts by dotted path ("criminality.rank.global" -> "83"); a missing one is left empty. */
export type FieldTextMap = Map<string, { text: string }>;

/** The front-matter of a new profile, fields in the order the index prints them. */
export function newFrontMatter(edition: Edition, country: Country, status: Status, fields: FieldTextMap): string {
  const doc = new Document({ edition: edition.id, country: country.name, continent: country.continent.name, region: country.region.name, status });
  const value = (path: string[]) => {
    const text = fields.get(path.join('.'))?.text;
    return text === undefined ? null : scalarFor(text);
  };
  for (const column of scoreColumns(edition)) {
    doc.setIn(column.path, value(column.path));
    if (column.path.at(-1) === 'score' && column.path.length === 2) {
      const measure = column.path[0] as string;
      const rank = doc.createNode({ global: value([measure, 'rank', 'global']), continent: value([measure, 'rank', 'continent']), region: value([measure, 'rank', 'region']) });
      rank.flow = true;
      doc.setIn([measure, 'rank'], rank);
    }
  }
  return doc.toString({ lineWidth: 0, nullStr: '' });
}

/** A whole profile file: front-matter between fences, then the narrative. */
export function newProfileText(edition: Edition, country: Country, status: Status, fields: FieldTextMap, body = ''): string {
  return `---\n${newFrontMatter(edition, country, status, fields)}---\n${body}`;
}
