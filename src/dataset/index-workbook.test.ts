import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { markdownFiles } from '../testing/files.js';
import { datasetPath, editions, ocindex, tempFolder } from '../testing/support.js';

type Cell = string | number;
/** Changes one sheet's rows (header first) before it is written. */
type Tweak = (edition: string, rows: Cell[][]) => void;

/** The index's composites as its workbook writes them: a suffix in some sheets, none in others. */
const indexHeaders: Record<string, Record<string, string>> = {
  'goci-2021': { Criminality: 'Criminality avg,', 'Criminal markets': 'Criminal markets avg,', 'Criminal actors': 'Criminal actors', Resilience: 'Resilience' },
  'goci-2023': { Criminality: 'Criminality avg.', 'Criminal markets': 'Criminal markets avg.', 'Criminal actors': ' criminal actors AVG ', Resilience: 'Resilience avg' },
  'goci-2025': { Criminality: 'Criminality avg,', 'Criminal markets': 'Criminal markets avg,', 'Criminal actors': 'Criminal actors avg,', Resilience: 'Resilience avg,' },
};

/**
 * A workbook in the index's layout, from the bundled datasets: an About sheet, then one sheet per
 * edition named "<year>_dataset", the index's headers, its spelling "eSwatini", scores as numbers,
 * and two columns no edition has (a rank and a note).
 */
async function indexWorkbook(path: string, tweak: Tweak = () => {}): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('About').addRow(['Global Organized Crime Index']);
  for (const edition of editions.keys()) {
    const [header = [], ...rows] = parse(await readFile(datasetPath(edition))) as string[][];
    const values: Cell[][] = [
      [...header.map((label) => indexHeaders[edition]?.[label] ?? label), 'Criminality rank', 'Notes'],
      ...rows.map((row, index) => [...row.map((cell, i) => (i < 3 ? cell.replace(/^Eswatini$/, 'eSwatini') : Number(cell))), index + 1, '']),
    ];
    tweak(edition, values);
    const sheet = workbook.addWorksheet(`${edition.slice(5)}_dataset`);
    for (const row of values) sheet.addRow(row);
  }
  await workbook.xlsx.writeFile(path);
}

/** Adds the Country Code column after Country, with each row's code from the edition file. */
const withCodes: Tweak = (id, rows) => {
  const edition = editions.get(id)!;
  rows.forEach((row, index) => row.splice(3, 0, index === 0 ? ' country code ' : edition.countries[index - 1]!.code));
};

describe("ocindex import of the index's own workbook", () => {
  let folder: string;
  beforeAll(async () => {
    folder = tempFolder();
    await indexWorkbook(join(folder, 'global_oc_index.xlsx'));
    for (const edition of editions.keys()) await ocindex(['import', datasetPath(edition), '--edition', edition, '--out', 'csv'], folder);
  });

  it.each([...editions.keys()])('%s: reads the sheet <year>_dataset, its headers and spellings, and writes what the CSV writes', async (edition) => {
    const result = await ocindex(['import', 'global_oc_index.xlsx', '--edition', edition, '--out', `xlsx-${edition}`], folder);
    const columns = edition === 'goci-2021' ? ['AH (Criminality rank)', 'AI (Notes)'] : ['AN (Criminality rank)', 'AO (Notes)'];
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(new RegExp(`^ignored 2 columns ${edition} does not have: ${columns.join(', ').replaceAll(/[()]/g, '\\$&')}\ncreated `));
    expect(result.stdout).toMatch(new RegExp(`\n${edition}: 193 created, 0 updated, 0 unchanged\n$`));
    expect(markdownFiles(join(folder, `xlsx-${edition}`))).toEqual(new Map([...markdownFiles(join(folder, 'csv', edition))].map(([n, t]) => [`${edition}/${n}`, t])));
  });

  it('identifies each country by its Country Code, whatever the row calls it', async () => {
    const path = join(folder, 'codes.xlsx');
    await indexWorkbook(path, (edition, rows) => {
      withCodes(edition, rows);
      for (const row of rows) {
        if (row[2] === "Côte d'Ivoire") row[2] = 'Republic of Côte d’Ivoire';
        if (row[2] === 'Korea, Rep.') row[2] = 'Republic of Korea';
        if (row[2] === 'Laos') row[2] = "Lao People's Democratic Republic";
      }
    });
    const result = await ocindex(['import', path, '--edition', 'goci-2025', '--out', 'codes'], folder);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).not.toContain('Country Code');
    expect(markdownFiles(join(folder, 'codes/goci-2025'))).toEqual(markdownFiles(join(folder, 'csv/goci-2025')));
  });

  it('refuses a code that names another country than the name, or no country, at its row and column; nothing written', async () => {
    const path = join(folder, 'wrong-codes.xlsx');
    await indexWorkbook(path, (edition, rows) => {
      withCodes(edition, rows);
      const row = (name: string) => rows.find((r) => r[2] === name)!;
      row('Congo, Dem. Rep.')[3] = 'COG';
      row('Chad')[3] = 'XKX';
      row('Niger')[3] = 'nga';
      row('Nigeria')[3] = '';
    });
    const result = await ocindex(['import', path, '--edition', 'goci-2025', '--out', 'wrong'], folder);
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n').map((line) => line.replace(/^.*wrong-codes\.xlsx: /, ''))).toEqual([
      'row 6, column D (Country Code): unknown country code \'XKX\' for goci-2025 (ISO 3166-1 alpha-3, such as AZE)',
      'row 7, column D (Country Code): COG is Congo, Rep. in goci-2025, but the row names Congo, Dem. Rep. (COD)',
      'row 51, column D (Country Code): nga is Nigeria in goci-2025, but the row names Niger (NER)',
      'nothing written: 3 problems',
      '',
    ]);
    await expect(readdir(join(folder, 'wrong'))).rejects.toThrow();
  });

  it('accepts spellings that differ in case, accents and punctuation only, never guessing between two countries', async () => {
    const path = join(folder, 'spellings.xlsx');
    await indexWorkbook(path, (edition, rows) => {
      const row = (name: string) => rows.find((r) => r[2] === name)!;
      row("Côte d'Ivoire")[2] = 'COTE D’IVOIRE';
      row('Congo, Dem. Rep.')[2] = 'DR Congo'; // an alias of the edition file
      row('Sao Tome and Principe')[2] = 'São Tomé and Príncipe';
      if (edition === 'goci-2023') {
        row('Korea, DPR')[2] = 'Korea';
        row('Azerbaijan')[2] = 'Azerbaidjan';
      }
    });
    const good = await ocindex(['import', path, '--edition', 'goci-2025', '--out', 'spellings'], folder);
    expect(good).toMatchObject({ code: 0, stderr: '' });
    expect(markdownFiles(join(folder, 'spellings/goci-2025'))).toEqual(markdownFiles(join(folder, 'csv/goci-2025')));
    const bad = await ocindex(['import', path, '--edition', 'goci-2023', '--out', 'spellings'], folder);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("row 92, column C (Country): unknown country 'Azerbaidjan' for goci-2023; did you mean Azerbaijan?\n");
    expect(bad.stderr).toContain("row 101, column C (Country): unknown country 'Korea' for goci-2023; did you mean Korea, DPR or Korea, Rep.?\n");
  });

  it('still reads the sheet --sheet names; refuses a header that names a column twice', async () => {
    const path = join(folder, 'twice.xlsx');
    await indexWorkbook(path, (edition, rows) => {
      if (edition === 'goci-2025') rows[0]![rows[0]!.length - 1] = 'CRIMINALITY';
    });
    const twice = await ocindex(['import', path, '--edition', 'goci-2025', '--out', 'twice'], folder);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain("row 1, column AO (CRIMINALITY): 'Criminality' again (first in column D (Criminality avg,))\n");
    const sheet = await ocindex(['import', path, '--edition', 'goci-2025', '--sheet', '2023_dataset', '--out', 'sheet'], folder);
    expect(sheet.code).toBe(1);
    expect(sheet.stderr).toContain("row 56, column B (Region): Antigua and Barbuda is in 'Caribbean' in goci-2025, not 'Caribbean & Central'\n");
  });
});

describe('ocindex export --format xlsx', () => {
  it("writes the index's layout, which import reads back to the same profiles, with the Country Code column on demand", async () => {
    const folder = tempFolder();
    for (const edition of editions.keys()) await ocindex(['import', datasetPath(edition), '--edition', edition, '--out', 'content'], folder);
    const exported = await ocindex(['export', '--format', 'xlsx', '--out', 'all.xlsx', '--country-code'], folder);
    expect(exported).toMatchObject({ code: 0, stderr: '', stdout: `exported ${3 * 193} profiles to all.xlsx\n` });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(folder, 'all.xlsx'));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['2021_dataset', '2023_dataset', '2025_dataset']);
    const sheet = workbook.getWorksheet('2025_dataset')!;
    const [csvHeader = []] = parse(await readFile(datasetPath('goci-2025'))) as string[][];
    expect(sheet.getRow(1).values).toEqual([undefined, ...csvHeader.slice(0, 3), 'Country Code', ...csvHeader.slice(3)]);
    expect((sheet.getRow(2).values as Cell[]).slice(1, 7)).toEqual(['Africa', 'Central Africa', 'Angola', 'AGO', 5.62, 5.33]);
    expect(sheet.getCell('E2').numFmt).toBe('0.00');
    expect(sheet.getCell('G2').numFmt).toBe('0.0');
    for (const edition of editions.keys()) {
      const back = await ocindex(['import', 'all.xlsx', '--edition', edition, '--out', 'back'], folder);
      expect(back).toMatchObject({ code: 0, stderr: '' });
    }
    expect(markdownFiles(join(folder, 'back'))).toEqual(markdownFiles(join(folder, 'content')));
    // The same profiles, the same bytes, whenever exported (entries and properties dated by the newest edition).
    await new Promise((resolve) => setTimeout(resolve, 2100)); // zip entry times count in 2-second steps
    await ocindex(['export', '--format', 'xlsx', '--out', 'again.xlsx', '--country-code'], folder);
    expect((await readFile(join(folder, 'again.xlsx'))).equals(await readFile(join(folder, 'all.xlsx')))).toBe(true);
  });

  it('adds the Country Code column to CSV too, which import reads; refuses xlsx on standard output', async () => {
    const folder = tempFolder();
    await ocindex(['import', datasetPath('goci-2025'), '--edition', 'goci-2025', '--out', 'content'], folder);
    const csv = await ocindex(['export', '--edition', 'goci-2025', '--country-code', '--out', 'coded.csv'], folder);
    expect(csv.code).toBe(0);
    const text = await readFile(join(folder, 'coded.csv'), 'utf8');
    expect(text.split('\r\n')[1]).toMatch(/^Africa,Central Africa,Angola,AGO,5\.62,5\.33,/);
    // Without that column, the dataset as published: a code is the first cell of three capitals in its line.
    expect(text.split('\r\n').map((line) => line.replace(/,(Country Code|[A-Z]{3}),/, ',')).join('\r\n')).toBe(await readFile(datasetPath('goci-2025'), 'utf8'));
    const back = await ocindex(['import', 'coded.csv', '--edition', 'goci-2025', '--out', 'content'], folder);
    expect(back.stdout).toBe('goci-2025: 0 created, 0 updated, 193 unchanged\n');
    expect(await ocindex(['export', '--format', 'xlsx'], folder)).toMatchObject({ code: 2, stdout: '', stderr: 'ocindex: an .xlsx workbook is not text: name its file with --out\n' });
  });
});
