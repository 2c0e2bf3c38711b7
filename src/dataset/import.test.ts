import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayPath } from '../read/collect.js';
import { editionIds, projectRoot, replaceOnce, runCli, datasetPath, tempFolder } from '../testing/support.js';

const dataset = datasetPath;

describe('ocindex import', () => {
  it('writes the bundled drafts byte for byte, and a second import changes nothing', async () => {
    const out = tempFolder();
    const first = await runCli('import', dataset('goci-2023'), '--edition', 'goci-2023', '--out', out);
    expect(first).toMatchObject({ code: 0, stdout: expect.stringMatching(/^created .*\/goci-2023\/angola\.md\n[^]*\ngoci-2023: 193 created, 0 updated, 0 unchanged\n$/) });
    const names = readdirSync(join(out, 'goci-2023'));
    expect(names).toHaveLength(193);
    for (const name of names) {
      expect(readFileSync(join(out, 'goci-2023', name), 'utf8')).toBe(readFileSync(join(projectRoot, 'content', 'goci-2023', name), 'utf8'));
    }
    const second = await runCli('import', dataset('goci-2023'), '--edition', 'goci-2023', '--out', out);
    expect(second.stdout).toBe('goci-2023: 0 created, 0 updated, 193 unchanged\n');
  });

  it('changes only score fields of an existing profile: narrative, comments and key order survive', async () => {
    const out = tempFolder();
    const path = join(out, 'goci-2021', 'azerbaijan.md');
    await runCli('import', dataset('goci-2021'), '--edition', 'goci-2021', '--out', out);
    const published = readFileSync(join(projectRoot, 'content', 'goci-2021', 'azerbaijan.md'), 'utf8');
    // An editor's copy: comment, keys reordered, a score typed wrong, the full narrative.
    let edited = replaceOnce(published, 'status: final\n', 'status: final # signed off\n');
    edited = replaceOnce(edited, 'edition: goci-2021\ncountry: Azerbaijan\n', 'country: Azerbaijan\nedition: goci-2021\n');
    edited = replaceOnce(edited, 'cocaine_trade: 3.0', 'cocaine_trade: 8.0');
    writeFileSync(path, edited);
    const result = await runCli('import', dataset('goci-2021'), '--edition', 'goci-2021', '--out', out);
    expect(result.stdout).toBe(`updated ${displayPath(path)}\ngoci-2021: 0 created, 1 updated, 192 unchanged\n`);
    expect(readFileSync(path, 'utf8')).toBe(replaceOnce(edited, 'cocaine_trade: 8.0', 'cocaine_trade: 3.0'));
  });

  it("fills in the empty fields of a profile made by 'new', keeping its outline", async () => {
    const out = tempFolder();
    expect((await runCli('new', "Côte d'Ivoire", '--edition', 'goci-2023', '--out', out)).code).toBe(0);
    const path = join(out, 'goci-2023', 'cote-d-ivoire.md');
    const scaffold = readFileSync(path, 'utf8');
    const result = await runCli('import', dataset('goci-2023'), '--edition', 'goci-2023', '--out', out);
    expect(result.stdout).toContain(`\nupdated ${displayPath(path)}\n`);
    expect(result.stdout).toMatch(/\ngoci-2023: 192 created, 1 updated, 0 unchanged\n$/);
    const filled = readFileSync(path, 'utf8');
    const bundled = readFileSync(join(projectRoot, 'content', 'goci-2023', 'cote-d-ivoire.md'), 'utf8');
    // The same front-matter as a profile imported afresh, byte for byte, and the scaffold's narrative outline.
    expect(filled.slice(0, bundled.length)).toBe(bundled);
    expect(filled.slice(filled.indexOf('\n---\n'))).toBe(scaffold.slice(scaffold.indexOf('\n---\n')));
    expect((await runCli('validate', out)).code).toBe(0);
  });

  it.each([
    ['a misspelled column', (csv: string) => csv.replace('Human smuggling,', 'Human smugling,'), /: row 1: missing column 'Human smuggling'; did you mean Human smugling\?\n/],
    ['a non-numeric cell', (csv: string) => csv.replace('Azerbaijan,5.08,4.15,4.5', 'Azerbaijan,5.08,4.15,n/a'), /row \d+, column F \(Human trafficking\): 'n\/a' is not a number/],
    ['an unknown country', (csv: string) => csv.replace(',Azerbaijan,', ',Azerbaidjan,'), /row \d+, column C \(Country\): unknown country 'Azerbaidjan' for goci-2021/],
  ])('refuses %s, naming row and column, and writes nothing', async (_name, damage, message) => {
    const folder = tempFolder();
    const csv = join(folder, 'scores.csv');
    writeFileSync(csv, damage(readFileSync(dataset('goci-2021'), 'utf8')));
    const result = await runCli('import', csv, '--edition', 'goci-2021', '--out', join(folder, 'content'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/nothing written: \d+ problems?\n$/);
    expect(existsSync(join(folder, 'content'))).toBe(false);
  });

  it('exits 2 for an unknown edition or a missing file', async () => {
    expect(await runCli('import', dataset('goci-2021'), '--edition', 'goci-1999')).toEqual({ code: 2, cwd: process.cwd(), stdout: '', stderr: `ocindex: unknown edition 'goci-1999'; expected one of ${editionIds}\n` });
    expect((await runCli('import', 'nowhere.csv', '--edition', 'goci-2021')).code).toBe(2);
  });
});
