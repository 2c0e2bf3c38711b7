import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Edition } from '../edition/edition.js';
import { InputError } from '../errors.js';
import { readBounded } from '../read/collect.js';
import { workbookLimits } from './zip-limits.js';
import { readWorkbook } from './xlsx.js';
import { unbalancedQuoteLine } from '../text/csv.js';

/** A dataset as rows of cell texts, the header first. */
export type Table = string[][];

export interface TableOptions {
  /** The workbook sheet to read (.xlsx only). */
  sheet?: string;
  /** The edition being imported: a workbook's sheet named like it is read by default. */
  edition?: Edition;
}

export async function readTable(path: string, options: TableOptions = {}): Promise<Table> {
  const extension = extname(path).toLowerCase();
  const read = await readBounded(path, workbookLimits.fileBytes, 'a dataset');
  if ('unreadable' in read) throw new InputError(`${path}: ${read.unreadable}`);
  const bytes = Buffer.from(read.bytes.buffer, read.bytes.byteOffset, read.bytes.length);
  if (extension === '.xlsx') return readWorkbook(path, bytes, options.sheet, options.edition);
  if (options.sheet !== undefined) throw new InputError(`${path}: --sheet applies to .xlsx workbooks only`);
  if (extension === '.csv') {
    const firstLine = bytes.subarray(0, Math.max(0, bytes.indexOf(10))).toString('utf8');
    const separator = firstLine.includes(',') ? undefined : [';', '\t', '|'].find((s) => firstLine.includes(s));
    if (separator) {
      const name = separator === '\t' ? 'tabs' : `'${separator}'`;
      throw new InputError(`${path}: its header is separated by ${name}; the dataset is read with commas: save it as comma-separated CSV`);
    }
    try {
      return parse(bytes, { bom: true, skip_empty_lines: true, relax_column_count: true }) as Table;
    } catch (error) {
      const code = (error as { code?: string }).code;
      const opened = code === 'CSV_QUOTE_NOT_CLOSED' || code === 'CSV_INVALID_CLOSING_QUOTE' ? unbalancedQuoteLine(bytes.toString('utf8')) : undefined;
      if (opened !== undefined) throw new InputError(`${path}:${opened}: not a readable CSV file: the quoted field that opens on line ${opened} is not closed where it should be (a quote missing?)`);
      throw new InputError(`${path}: not a readable CSV file: ${(error as Error).message}`);
    }
  }
  throw new InputError(`${path}: unknown dataset type '${extension}'; expected .csv or .xlsx`);
}
