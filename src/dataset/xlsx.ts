import ExcelJS from 'exceljs';
import type { Edition } from '../edition/edition.js';
import { InputError } from '../errors.js';
import { listed } from '../text/english.js';
import type { Table } from './read.js';
import { workbookLimits, workbookTooLarge } from './zip-limits.js';

/**
 * A cell's text as the dataset's CSV would hold it. A number (or a formula's numeric result)
 * becomes the shortest text that reads back as the same double (4.15 -> "4.15", 6 -> "6"),
 * whatever its display format, which could hide a mistake: the import then writes it on the
 * index's grid ("6.00", "3.0") only when it is exactly a grid value, and otherwise keeps that
 * text (6.25, 4.1499999999999995) rather than rounding it, for the validator to judge.
 */
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  const isFormula = typeof value === 'object' && value !== null && ('formula' in value || 'sharedFormula' in value);
  const result = isFormula ? (value as { result?: unknown }).result : value;
  if (typeof result === 'number') return String(result);
  // A date is a serial number shown as a date: the day, so that the import reports it as no score.
  if (result instanceof Date) return Number.isNaN(result.getTime()) ? 'a date' : result.toISOString().slice(0, 10);
  // An error value (#DIV/0!, #N/A) is an object whose text would be '[object Object]'.
  if (typeof result === 'object' && result !== null && 'error' in result) return String((result as { error: unknown }).error);
  return cell.text;
}

/** The names of an edition's sheet: the index's workbook's first ("2025_dataset", as `export --format xlsx` writes), then the toolkit's. */
export function editionSheetNames(edition: Pick<Edition, 'id' | 'year'>): string[] {
  return [`${edition.year}_dataset`, edition.id, String(edition.year)];
}

/** The sheet --sheet names; else the one named like the edition (the index's "2021_dataset", "goci-2021" or "2021"); else the first. */
function pickSheet(workbook: ExcelJS.Workbook, path: string, sheet: string | undefined, edition: Edition | undefined): ExcelJS.Worksheet {
  const names = workbook.worksheets.map((w) => w.name);
  if (sheet !== undefined) {
    const named = workbook.worksheets.find((w) => w.name === sheet);
    if (!named) throw new InputError(`${path}: no sheet '${sheet}'; the workbook has ${listed(names.map((n) => `'${n}'`))}`);
    return named;
  }
  const likeEdition = edition && workbook.worksheets.find((w) => editionSheetNames(edition).includes(w.name.trim().toLowerCase()));
  const chosen = likeEdition ?? workbook.worksheets[0];
  if (!chosen) throw new InputError(`${path}: the workbook has no sheets`);
  return chosen;
}

export async function readWorkbook(path: string, bytes: Buffer, sheet: string | undefined, edition: Edition | undefined): Promise<Table> {
  const tooLarge = workbookTooLarge(bytes);
  if (tooLarge) throw new InputError(`${path}: ${tooLarge}`);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new InputError(`${path}: not a readable .xlsx workbook: ${(error as Error).message}`);
  }
  const worksheet = pickSheet(workbook, path, sheet, edition);
  if (worksheet.rowCount > workbookLimits.rows) {
    throw new InputError(`${path}: sheet '${worksheet.name}' has ${worksheet.rowCount} rows; at most ${workbookLimits.rows} are read (a dataset has one per country)`);
  }
  const table: Table = [];
  worksheet.eachRow((row) => {
    const cells = Array.from({ length: row.cellCount }, (_, index) => cellText(row.getCell(index + 1)));
    if (cells.some((c) => c.trim() !== '')) table.push(cells);
  });
  return table;
}
