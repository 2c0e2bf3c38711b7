import type { Country, Edition } from '../edition/edition.js';
import { formatHalves, formatHundredths, hasDecimals, toUnits } from '../scoring/exact.js';
import { placeOf, rankFields } from '../scoring/ranks.js';
import { scoreColumns } from '../edition/score-columns.js';
import { invisiblyDifferent } from '../edition/names.js';
import { escapeUnprintable } from '../text/unprintable.js';
import { columnLetter, placeColumns } from './columns.js';
import type { Table } from './read.js';

/** A front-matter field's value as YAML text, keyed by its dotted path. */
export type FieldTexts = Map<string, { path: string[]; text: string }>;

export interface ImportedRow {
  country: Country;
  fields: FieldTexts;
}

/** A mistake in the dataset, with the row (1-based, header = 1) and column where it is. */
export interface DatasetError {
  row: number;
  column?: string;
  message: string;
}

const decimal = /^\s*\d+(\.\d+)?\s*$/;

function where(index: number, label: string): string {
  return `${columnLetter(index)} (${label})`;
}

/**
 * Turns the dataset's rows into the score fields of each country's profile: scores as the
 * dataset gives them, ranks computed over the whole dataset when it holds every country of the
 * edition (`ranked`), else no rank fields at all. Every mistake is collected.
 */
export function readRows(table: Table, edition: Edition): { rows: ImportedRow[]; errors: DatasetError[]; ranked: boolean } {
  const errors: DatasetError[] = [];
  const header = (table[0] ?? []).map((h) => h.trim());
  const columns = scoreColumns(edition);
  const expected = [...placeColumns, ...columns.map((c) => c.label)];
  header.forEach((label, index) => {
    if (!expected.includes(label)) errors.push({ row: 1, column: where(index, label), message: `unknown column '${label}' for ${edition.id}` });
  });
  for (const label of expected) {
    if (!header.includes(label)) errors.push({ row: 1, message: `missing column '${label}'` });
  }
  if (errors.length > 0) return { rows: [], errors, ranked: false };
  const indexOf = (label: string) => header.indexOf(label);

  const rows: ImportedRow[] = [];
  const seen = new Map<string, number>();
  table.slice(1).forEach((cells, offset) => {
    const row = offset + 2;
    const cell = (label: string) => (cells[indexOf(label)] ?? '').trim();
    const name = cell('Country');
    const country = edition.countryByName.get(name);
    if (!country) {
      const lookalike = invisiblyDifferent(name, edition.countryByName.keys());
      const why = lookalike ? `: it looks like '${lookalike.name}' but ${lookalike.reason}` : '';
      errors.push({ row, column: where(indexOf('Country'), 'Country'), message: `unknown country '${escapeUnprintable(name)}' for ${edition.id}${why}` });
      return;
    }
    if (seen.has(name)) {
      errors.push({ row, column: where(indexOf('Country'), 'Country'), message: `${name} appears again (first in row ${seen.get(name)})` });
      return;
    }
    seen.set(name, row);
    for (const [label, area] of [['Continent', country.continent.name], ['Region', country.region.name]] as const) {
      if (cell(label) !== area) errors.push({ row, column: where(indexOf(label), label), message: `${name} is in '${area}' in ${edition.id}, not '${cell(label)}'` });
    }
    const fields: FieldTexts = new Map();
    for (const column of columns) {
      const text = cell(column.label);
      if (!decimal.test(text)) {
        errors.push({ row, column: where(indexOf(column.label), column.label), message: `'${text}' is not a number` });
        continue;
      }
      // Written as the dataset writes it, to one decimal for indicators and two for composites;
      // a value off that grid is kept as it is for the validator to report.
      const value = Number(text);
      const onGrid = column.kind === 'indicator' ? Number.isInteger(value * 2) : hasDecimals(value, 2);
      const formatted = column.kind === 'indicator' ? formatHalves(value * 2) : formatHundredths(toUnits(value, 100));
      fields.set(column.path.join('.'), { path: column.path, text: onGrid ? formatted : text });
    }
    rows.push({ country, fields });
  });
  if (errors.length > 0) return { rows, errors, ranked: false };
  // Ranks compare every country of the edition: a partial dataset cannot rank (as --fix does not).
  if (rows.length !== edition.countries.length) return { rows, errors, ranked: false };

  const placed = rows.map((row) => ({ row, ...placeOf(row.country) }));
  const score = (p: (typeof placed)[number], measure: string) => toUnits(Number(p.row.fields.get(`${measure}.score`)?.text), 100);
  for (const { item, path, rank } of rankFields(placed, score)) item.row.fields.set(path.join('.'), { path, text: String(rank) });
  return { rows, errors, ranked: true };
}
