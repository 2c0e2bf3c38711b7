import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Edition } from '../edition/edition.js';
import type { ValidProfile } from '../profile/valid.js';
import { editionSheetNames } from '../dataset/xlsx.js';
import { datasetTable, type DatasetOptions } from './csv.js';

/**
 * The profiles as the index's workbook lays them out: a sheet per edition, named as the index
 * names it ("2025_dataset"), the dataset's header, and scores as numbers shown on the index's
 * grid (composites "0.00", indicators "0.0"), which `import` reads back to the same profiles.
 */
export async function datasetWorkbook(byEdition: { edition: Edition; profiles: ValidProfile[] }[], options: DatasetOptions = {}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  // The same profiles give the same bytes: the workbook's dates are the newest edition's year
  // (exceljs would stamp the time of the export), and so are its zip entries' (JSZip stamps each
  // entry it is given no date for with the current time; exceljs gives none).
  const stamp = new Date(Date.UTC(Math.max(...byEdition.map(({ edition }) => edition.year)), 0, 1));
  workbook.created = workbook.modified = stamp;
  for (const { edition, profiles } of byEdition) {
    const { header, columns, rows } = datasetTable(edition, profiles, options);
    const sheet = workbook.addWorksheet(editionSheetNames(edition)[0]);
    sheet.addRow(header);
    for (const { place, scores } of rows) sheet.addRow([...place, ...scores]);
    const first = header.length - columns.length;
    columns.forEach((column, index) => (sheet.getColumn(first + index + 1).numFmt = column.kind === 'composite' ? '0.00' : '0.0'));
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1, xSplit: first }];
  }
  const previous = JSZip.defaults.date;
  JSZip.defaults.date = stamp;
  try {
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  } finally {
    JSZip.defaults.date = previous;
  }
}
