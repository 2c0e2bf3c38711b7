import type { Edition } from '../edition/edition.js';
import { scoreColumns } from '../edition/score-columns.js';
import { codeColumn, columnLetter, placeColumns } from './columns.js';
import type { DatasetError } from './import.js';
import { didYouMean, listed } from '../text/english.js';

/** Where each known column of a dataset is, by the edition's label; the columns it does not use. */
export interface HeaderMap {
  /** 0-based column of each of the edition's labels (Continent, Region, Country and every score). */
  columns: Map<string, number>;
  /** The Country Code column (ISO 3166-1 alpha-3), when the dataset has one. */
  code?: number;
  /** Columns of no use to the edition, as "AP (Population)". */
  ignored: string[];
  errors: DatasetError[];
}

/** "F (Human trafficking)": a column as messages name it. */
export function where(index: number, label: string): string {
  return `${columnLetter(index)} (${label})`;
}

/** A label as compared: case, surrounding and repeated spaces do not count. */
function plain(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The index's workbook writes composites with a suffix, or none: "Criminality avg,", "Criminality avg.", "Resilience". */
const compositeSuffix = / ?avg[.,]?$/;

/** The edition's label a header cell stands for: its own, ignoring case and spaces, a composite's with any suffix. */
function labelsByHeader(edition: Edition): Map<string, string> {
  const labels = new Map<string, string>([...placeColumns, codeColumn].map((label) => [plain(label), label]));
  for (const column of scoreColumns(edition)) labels.set(plain(column.label), column.label);
  return labels;
}

function lookUp(labels: Map<string, string>, cell: string, composites: Set<string>): string | undefined {
  const label = labels.get(plain(cell));
  if (label !== undefined) return label;
  const bare = labels.get(plain(cell).replace(compositeSuffix, ''));
  return bare !== undefined && composites.has(bare) ? bare : undefined;
}

/**
 * Matches a dataset's header with the edition's columns. A column the edition does not have is
 * ignored (and said so), unless it is a score of another edition: then the sheet is probably
 * that edition's, and the import stops rather than read half of it.
 */
export function readHeader(header: string[], edition: Edition, others: Iterable<Edition> = []): HeaderMap {
  const labels = labelsByHeader(edition);
  const composites = new Set(scoreColumns(edition).filter((c) => c.kind === 'composite').map((c) => c.label));
  // A score other editions have and this one does not, by its plain label: the editions it is of.
  const elsewhere = new Map<string, string[]>();
  for (const other of others) {
    for (const { label } of scoreColumns(other)) {
      if (lookUp(labels, label, composites) === undefined) elsewhere.set(plain(label), [...(elsewhere.get(plain(label)) ?? []), other.id]);
    }
  }
  const found: HeaderMap = { columns: new Map(), ignored: [], errors: [] };
  const ignoredLabels: string[] = [];
  header.forEach((cell, index) => {
    const label = lookUp(labels, cell, composites);
    if (label === undefined) {
      const other = elsewhere.get(plain(cell));
      if (other !== undefined) found.errors.push({ row: 1, column: where(index, cell.trim()), message: `a score of ${listed(other)}, not of ${edition.id}: is the dataset of ${listed(other)}?` });
      else {
        found.ignored.push(where(index, cell.trim() || 'no label'));
        ignoredLabels.push(cell.trim());
      }
      return;
    }
    const first = label === codeColumn ? found.code : found.columns.get(label);
    if (first !== undefined) {
      found.errors.push({ row: 1, column: where(index, cell.trim()), message: `'${label}' again (first in column ${where(first, header[first]?.trim() ?? '')})` });
      return;
    }
    if (label === codeColumn) found.code = index;
    else found.columns.set(label, index);
  });
  for (const label of [...placeColumns, ...scoreColumns(edition).map((c) => c.label)]) {
    if (!found.columns.has(label)) found.errors.push({ row: 1, message: `missing column '${label}'${didYouMean(label, ignoredLabels)}` });
  }
  return found;
}
