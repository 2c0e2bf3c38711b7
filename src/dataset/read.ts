import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import { InputError } from '../io/collect.js';

/** A dataset as rows of cell texts, the header first. */
export type Table = string[][];

export async function readTable(path: string): Promise<Table> {
  const extension = extname(path).toLowerCase();
  const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
    throw new InputError(`${path}: cannot read (${error.code ?? error.message})`);
  });
  if (extension === '.csv') {
    try {
      return parse(bytes, { bom: true, skip_empty_lines: true, relax_column_count: true }) as Table;
    } catch (error) {
      throw new InputError(`${path}: not a readable CSV file: ${(error as Error).message}`);
    }
  }
  throw new InputError(`${path}: unknown dataset type '${extension}'; expected .csv`);
}
