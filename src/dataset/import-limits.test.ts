import { chmodSync, cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { displayPath } from '../read/collect.js';
import { emptyFolder, folderSnapshot, projectRoot, replaceOnce, runCli, datasetPath } from '../testing/support.js';

const csv2021 = readFileSync(datasetPath('goci-2021'), 'utf8');
const [header = '', ...rows] = csv2021.trim().split(/\r?\n/);
const albaniaRow = rows.find((r) => r.includes(',Albania,')) as string;

const folder = emptyFolder;
/** A content folder holding a copy of the bundled goci-2021 profiles. */
function bundledCopy(): string {
  const out = folder();
  cpSync(join(projectRoot, 'content', 'goci-2021'), join(out, 'goci-2021'), { recursive: true });
  return out;
}
const snapshot = folderSnapshot;

describe('import of a partial dataset', () => {
  it('keeps the ranks of existing profiles and says so in one line (Albania stays 61/9/6)', async () => {
    const out = bundledCopy();
    const dataset = join(folder(), 'one.csv');
    writeFileSync(dataset, `${header}\n${albaniaRow.replace(',5.63,', ',5.60,')}\n`);
    const { code, stdout } = await runCli('import', dataset, '--edition', 'goci-2021', '--out', out);
    expect(code).toBe(0);
    expect(stdout).toBe(`ranks not computed: the dataset holds 1 of the 193 countries of goci-2021; existing profiles keep their ranks, new ones get empty rank fields\nupdated ${displayPath(join(out, 'goci-2021', 'albania.md'))}\ngoci-2021: 0 created, 1 updated, 0 unchanged\n`);
    const albania = readFileSync(join(out, 'goci-2021', 'albania.md'), 'utf8');
    expect(albania).toContain('  score: 5.60\n  rank: { global: 61, continent: 9, region: 6 }\n');
  });

  it('gives a new profile its scores and empty rank fields', async () => {
    const out = folder();
    const dataset = join(folder(), 'one.csv');
    writeFileSync(dataset, `${header}\n${albaniaRow}\n`);
    expect((await runCli('import', dataset, '--edition', 'goci-2021', '--out', out)).code).toBe(0);
    const albania = readFileSync(join(out, 'goci-2021', 'albania.md'), 'utf8');
    expect(albania).toContain('  score: 5.63\n');
    expect(albania).not.toMatch(/global: \d/);
    const validated = await runCli('validate', join(out, 'goci-2021', 'albania.md'), '--format', 'json');
    expect(JSON.parse(validated.stdout).messages.map((m: { message: string }) => m.message)).toContain('criminality.rank.global is empty; expected a whole number');
  });
});

describe('import all or nothing', () => {
  it('writes no profile when one of them cannot be written (read-only), exit 2', async () => {
    const out = bundledCopy();
    const edition = join(out, 'goci-2021');
    // Two profiles with a wrong score each: the import wants to update both.
    for (const [name, from, to] of [['albania.md', 'score: 5.25', 'score: 5.20'], ['azerbaijan.md', 'score: 4.15', 'score: 4.10']] as const) {
      writeFileSync(join(edition, name), replaceOnce(readFileSync(join(edition, name), 'utf8'), from, to));
    }
    chmodSync(join(edition, 'azerbaijan.md'), 0o444);
    const before = snapshot(edition);
    const { code, stderr } = await runCli('import', datasetPath('goci-2021'), '--edition', 'goci-2021', '--out', out);
    expect(code).toBe(2);
    expect(stderr).toMatch(/azerbaijan\.md: is read-only; not replaced/);
    expect(snapshot(edition)).toEqual(before);
  });

  it('reports a profile path that is a folder, and writes nothing (exit 1)', async () => {
    const out = bundledCopy();
    rmSync(join(out, 'goci-2021', 'albania.md'));
    cpSync(join(out, 'goci-2021', 'algeria.md'), join(out, 'goci-2021', 'albania.md', 'x.md'), { recursive: true });
    const { code, stderr } = await runCli('import', datasetPath('goci-2021'), '--edition', 'goci-2021', '--out', out);
    expect(code).toBe(1);
    expect(stderr).toMatch(/albania\.md:1:1: is a folder, not a file; a profile is a regular file; not updated\nnothing written: 1 problem\n$/);
  });
});

describe('dataset mistakes', () => {
  it('hints at the delimiter of a semicolon CSV', async () => {
    const dataset = join(folder(), 'semicolon.csv');
    writeFileSync(dataset, csv2021.replace(/,/g, ';'));
    const { code, stderr } = await runCli('import', dataset, '--edition', 'goci-2021', '--out', folder());
    expect(code).toBe(2);
    expect(stderr).toBe(`ocindex: ${dataset}: its header is separated by ';'; the dataset is read with commas: save it as comma-separated CSV\n`);
  });

  it('shows the first 20 problems, then a count', async () => {
    const dataset = join(folder(), 'bad.csv');
    writeFileSync(dataset, `${header}\n${rows.map((r) => r.replace(/,\d\.\d+$/, ',n/a')).join('\n')}\n`);
    const { code, stderr } = await runCli('import', dataset, '--edition', 'goci-2021', '--out', folder());
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(22);
    expect(lines.at(-2)).toBe('… and 173 more');
    expect(lines.at(-1)).toBe('nothing written: 193 problems');
  });
});

/** A zip of one stored-or-deflated entry, with the sizes its directory states (which may lie). */
function zipOf(name: string, data: Buffer, statedSize = data.length): Buffer {
  const deflated = deflateRawSync(data);
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc32(data), 14);
  local.writeUInt32LE(deflated.length, 18);
  local.writeUInt32LE(statedSize, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc32(data), 16);
  central.writeUInt32LE(deflated.length, 20);
  central.writeUInt32LE(statedSize, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const directoryOffset = local.length + nameBytes.length + deflated.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(directoryOffset, 16);
  return Buffer.concat([local, nameBytes, deflated, central, nameBytes, end]);
}

describe('workbook limits', () => {
  it('refuses a zip bomb by its directory, before inflating it', async () => {
    const dataset = join(folder(), 'bomb.xlsx');
    const zip = zipOf('xl/worksheets/sheet1.xml', Buffer.alloc(64 * 1024 * 1024, 0x20));
    expect(zip.length).toBeLessThan(100 * 1024);
    writeFileSync(dataset, zip);
    const { code, stderr } = await runCli('import', dataset, '--edition', 'goci-2021', '--out', folder());
    expect(code).toBe(2);
    expect(stderr).toBe(`ocindex: ${dataset}: the workbook inflates to more than 16.0 MB (xl/worksheets/sheet1.xml alone is 64.0 MB); a dataset is well under 1 MB\n`);
  });

  it('refuses a sheet of more rows than the limit, without a message per row', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('goci-2021');
    sheet.addRow(header.split(','));
    for (let i = 0; i < 2_100; i += 1) sheet.addRow(['Europe', 'Nowhere', `Country ${i}`]);
    const dataset = join(folder(), 'long.xlsx');
    writeFileSync(dataset, Buffer.from(await workbook.xlsx.writeBuffer()));
    const { code, stderr } = await runCli('import', dataset, '--edition', 'goci-2021', '--out', folder());
    expect(code).toBe(2);
    expect(stderr).toBe(`ocindex: ${dataset}: sheet 'goci-2021' has 2101 rows; at most 2000 are read (a dataset has one per country)\n`);
  });

  it('refuses a zip whose directory understates what an entry inflates to', async () => {
    const dataset = join(folder(), 'liar.xlsx');
    writeFileSync(dataset, zipOf('xl/worksheets/sheet1.xml', Buffer.alloc(32 * 1024 * 1024, 0x20), 1000));
    const { code, stderr } = await runCli('import', dataset, '--edition', 'goci-2021', '--out', folder());
    expect(code).toBe(2);
    expect(stderr).toMatch(/xl\/worksheets\/sheet1\.xml inflates to more than the 0\.0 MB its zip directory states/);
  });
});
