import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { markdownFiles } from '../testing/files.js';
import { bundledContent, ocindex, datasetPath, tempFolder } from '../testing/support.js';

const editions = ['goci-2021', 'goci-2023'];

/** The index's workbook as it publishes it: one sheet per edition, scores as numeric cells with a display format. */
async function workbookFromCsvs(path: string, tweak: (sheet: string, rows: (string | number | ExcelJS.CellFormulaValue)[][]) => void = () => {}) {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('About').addRow(['Global Organized Crime Index']);
  for (const edition of [...editions].reverse()) {
    const [header, ...rows] = parse(await readFile(datasetPath(edition))) as string[][];
    const values: (string | number | ExcelJS.CellFormulaValue)[][] = [header as string[], ...rows.map((r) => r.map((cell, i) => (i < 3 ? cell : Number(cell))))];
    tweak(edition, values);
    const sheet = workbook.addWorksheet(edition);
    values.forEach((row) => sheet.addRow(row));
    sheet.columns.forEach((column, index) => {
      if (index >= 3) column.numFmt = index === 3 ? '0.00' : '0.0';
    });
  }
  await workbook.xlsx.writeFile(path);
}

describe('ocindex import of an .xlsx workbook', () => {
  let folder: string;
  let workbook: string;
  beforeAll(async () => {
    folder = await tempFolder();
    workbook = join(folder, 'goci.xlsx');
    await workbookFromCsvs(workbook);
  });

  it("writes exactly what importing the edition's CSV writes, reading the sheet named like the edition", async () => {
    for (const edition of editions) {
      const fromCsv = await ocindex(['import', datasetPath(edition), '--edition', edition, '--out', 'csv'], folder);
      const fromXlsx = await ocindex(['import', workbook, '--edition', edition, '--out', 'xlsx'], folder);
      expect(fromXlsx).toMatchObject({ code: 0, stderr: '', stdout: expect.stringMatching(new RegExp(`\n${edition}: 193 created, 0 updated, 0 unchanged\n$`)) });
      expect(fromCsv.stdout.replaceAll('created csv/', 'created xlsx/')).toBe(fromXlsx.stdout);
    }
    const xlsxFiles = markdownFiles(join(folder, 'xlsx'));
    expect(xlsxFiles.size).toBe(386);
    expect(xlsxFiles).toEqual(markdownFiles(join(folder, 'csv')));
  });

  it('is idempotent and never touches a narrative', async () => {
    const target = join(folder, 'narrative');
    await cp(join(bundledContent, 'goci-2021/azerbaijan.md'), join(target, 'goci-2021/azerbaijan.md'));
    await ocindex(['import', workbook, '--edition', 'goci-2021', '--out', target], folder);
    const again = await ocindex(['import', workbook, '--edition', 'goci-2021', '--out', target], folder);
    expect(again.stdout).toBe('goci-2021: 0 created, 0 updated, 193 unchanged\n');
    expect(await readFile(join(target, 'goci-2021/azerbaijan.md'), 'utf8')).toBe(await readFile(join(bundledContent, 'goci-2021/azerbaijan.md'), 'utf8'));
  });

  it('reads the sheet --sheet names, and says which sheets there are when it names none', async () => {
    const wrongSheet = await ocindex(['import', workbook, '--edition', 'goci-2021', '--sheet', 'goci-2023', '--out', 'x'], folder);
    expect(wrongSheet.code).toBe(1);
    expect(wrongSheet.stderr).toContain('row 1, column H (Extortion and protection racketeering): a score of goci-2023 or goci-2025, not of goci-2021: is the dataset of goci-2023 or goci-2025?');
    const missing = await ocindex(['import', workbook, '--edition', 'goci-2021', '--sheet', '2021', '--out', 'x'], folder);
    expect(missing).toMatchObject({ code: 2, stderr: `ocindex: ${workbook}: no sheet '2021'; the workbook has 'About', 'goci-2023' or 'goci-2021'\n` });
    const csvSheet = await ocindex(['import', datasetPath('goci-2021'), '--edition', 'goci-2021', '--sheet', 'x', '--out', 'x'], folder);
    expect(csvSheet.code).toBe(2);
    expect(csvSheet.stderr).toContain('--sheet applies to .xlsx workbooks only');
  });

  it('reads the first sheet when none is named like the edition', async () => {
    const single = new ExcelJS.Workbook();
    await single.xlsx.readFile(workbook);
    for (const name of ['About', 'goci-2023']) single.removeWorksheet(single.getWorksheet(name)?.id ?? -1);
    (single.getWorksheet('goci-2021') as ExcelJS.Worksheet).name = 'Scores';
    await single.xlsx.writeFile(join(folder, 'single.xlsx'));
    const result = await ocindex(['import', join(folder, 'single.xlsx'), '--edition', 'goci-2021', '--out', 'single'], folder);
    expect(result).toMatchObject({ code: 0, stdout: expect.stringMatching(/\ngoci-2021: 193 created, 0 updated, 0 unchanged\n$/) });
  });

  it('takes formula results, writes numbers on the index grid, and keeps values off the grid as they are', async () => {
    const tweaked = join(folder, 'tweaked.xlsx');
    await workbookFromCsvs(tweaked, (sheet, rows) => {
      if (sheet !== 'goci-2021') return;
      const angola = rows[1] as (string | number | ExcelJS.CellFormulaValue)[];
      angola[3] = { formula: 'ROUND((E2+P2)/2,2)', result: 5.29 } as ExcelJS.CellFormulaValue; // Criminality
      angola[4] = 5.199999999999999; // Criminal markets: 5.20 with floating point noise, not silently rounded
      angola[5] = 6.25; // Human trafficking: off the grid of halves
    });
    const result = await ocindex(['import', tweaked, '--edition', 'goci-2021', '--out', 'tweaked'], folder);
    expect(result.code).toBe(0);
    const text = await readFile(join(folder, 'tweaked/goci-2021/angola.md'), 'utf8');
    expect(text).toContain('criminality:\n  score: 5.29\n');
    expect(text).toContain('  criminal_markets:\n    score: 5.199999999999999\n');
    expect(text).toContain('      human_trafficking: 6.25\n      human_smuggling: 4.0\n');
    const check = await ocindex(['validate', join(folder, 'tweaked/goci-2021/angola.md')], folder);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('criminality.criminal_markets.indicators.human_trafficking is 6.25; indicators run from 1 to 10 in steps of 0.5');
  });

  it('reports an error cell and a date cell by what they hold, never as a score (issue 21)', async () => {
    const path = join(folder, 'odd-cells.xlsx');
    await workbookFromCsvs(path, (sheet, rows) => {
      if (sheet !== 'goci-2021') return;
      (rows[1] as unknown[])[3] = { formula: '1/0', result: { error: '#DIV/0!' } };
    });
    const edited = new ExcelJS.Workbook();
    await edited.xlsx.readFile(path);
    const cell = edited.getWorksheet('goci-2021')!.getCell('D3');
    cell.value = new Date(Date.UTC(2021, 4, 1));
    // A style of its own: the cell shares its column's, which setting numFmt would change for every row.
    cell.style = { ...cell.style, numFmt: 'yyyy-mm-dd' };
    await edited.xlsx.writeFile(path);
    const { code, stderr } = await ocindex(['import', path, '--edition', 'goci-2021', '--out', join(folder, 'odd')], folder);
    expect(code).toBe(1);
    expect(stderr).toContain("'#DIV/0!'");
    expect(stderr).toContain("'2021-05-01'");
    expect(stderr).not.toContain('[object Object]');
  });

  it('reports a file that is not a workbook as an input failure', async () => {
    const fake = join(folder, 'fake.xlsx');
    await writeFile(fake, 'Continent,Region,Country\n');
    const result = await ocindex(['import', fake, '--edition', 'goci-2021', '--out', 'x'], folder);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ocindex: .*fake\.xlsx: not a readable \.xlsx workbook: /);
  });
});
