import type { Country, Edition } from '../edition/edition.js';
import { formatHalves, formatHundredths, hasDecimals, toUnits } from '../scoring/exact.js';
import { placeOf, rankFields } from '../scoring/ranks.js';
import { scoreColumns } from '../edition/score-columns.js';
import { codeColumn } from './columns.js';
import { readHeader, where } from './headers.js';
import { countryNamed, countrySuggestion } from '../edition/find-country.js';
import { escapeUnprintable } from '../text/unprintable.js';
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

/** A cell of a row, with the column messages name it by ("C (Country)"). */
interface Cell {
  text: string;
  column: string;
}

/**
 * The country a row names: by its Country Code when the dataset has one (whatever the row calls
 * it), else by its name as countryNamed reads it; a code and a name that disagree are a mistake.
 */
function rowCountry(edition: Edition, name: Cell, code: Cell | undefined): Country | { column: string; message: string } {
  const named = countryNamed(edition, name.text);
  if (code === undefined || code.text === '') {
    return named ?? { column: name.column, message: `unknown country '${escapeUnprintable(name.text)}' for ${edition.id}${countrySuggestion(edition, name.text)}` };
  }
  const coded = edition.countryByCode.get(code.text.toUpperCase());
  if (!coded) return { column: code.column, message: `unknown country code '${escapeUnprintable(code.text)}' for ${edition.id} (ISO 3166-1 alpha-3, such as AZE)` };
  if (named && named !== coded) return { column: code.column, message: `${code.text} is ${coded.name} in ${edition.id}, but the row names ${named.name} (${named.code})` };
  return coded;
}

/**
 * Turns the dataset's rows into the score fields of each country's profile: scores as the
 * dataset gives them, ranks computed over the whole dataset when it holds every country of the
 * edition (`ranked`), else no rank fields at all. Every mistake is collected. A column of
 * another of the `editions` that this one lacks stops the import; other extra columns are
 * `ignored`.
 */
export function readRows(table: Table, edition: Edition, editions: Iterable<Edition> = []): { rows: ImportedRow[]; errors: DatasetError[]; ranked: boolean; ignored: string[] } {
  const header = readHeader(table[0] ?? [], edition, editions);
  const { ignored } = header;
  const errors = [...header.errors];
  if (errors.length > 0) return { rows: [], errors, ranked: false, ignored };
  const columns = scoreColumns(edition);
  const indexOf = (label: string) => header.columns.get(label) as number;

  const rows: ImportedRow[] = [];
  const seen = new Map<Country, number>();
  table.slice(1).forEach((cells, offset) => {
    const row = offset + 2;
    const cell = (label: string) => (cells[indexOf(label)] ?? '').trim();
    const name = { text: cell('Country'), column: where(indexOf('Country'), 'Country') };
    const code = header.code === undefined ? undefined : { text: (cells[header.code] ?? '').trim(), column: where(header.code, codeColumn) };
    const country = rowCountry(edition, name, code);
    if ('message' in country) {
      errors.push({ row, ...country });
      return;
    }
    if (seen.has(country)) {
      errors.push({ row, column: name.column, message: `${country.name} appears again (first in row ${seen.get(country)})` });
      return;
    }
    seen.set(country, row);
    for (const [label, area] of [['Continent', country.continent.name], ['Region', country.region.name]] as const) {
      if (cell(label) !== area) errors.push({ row, column: where(indexOf(label), label), message: `${country.name} is in '${area}' in ${edition.id}, not '${cell(label)}'` });
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
  if (errors.length > 0) return { rows, errors, ranked: false, ignored };
  // Ranks compare every country of the edition: a partial dataset cannot rank (as --fix does not).
  if (rows.length !== edition.countries.length) return { rows, errors, ranked: false, ignored };

  const placed = rows.map((row) => ({ row, ...placeOf(row.country) }));
  const score = (p: (typeof placed)[number], measure: string) => toUnits(Number(p.row.fields.get(`${measure}.score`)?.text), 100);
  for (const { item, path, rank } of rankFields(placed, score)) item.row.fields.set(path.join('.'), { path, text: String(rank) });
  return { rows, errors, ranked: true, ignored };
}
