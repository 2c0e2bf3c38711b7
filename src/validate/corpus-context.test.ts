import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyFolder, projectRoot, replaceOnce, runCli } from '../testing/support.js';


/** A copy of the bundled goci-2021 edition in a fresh folder: <folder>/content/goci-2021. */
function copyOfEdition(): string {
  const folder = emptyFolder();
  cpSync(join(projectRoot, 'content', 'goci-2021'), join(folder, 'content', 'goci-2021'), { recursive: true });
  cpSync(join(projectRoot, 'content', '.dictionary'), join(folder, 'content', '.dictionary'));
  return folder;
}

async function validateJson(...paths: string[]) {
  const result = await runCli('validate', '--format', 'json', ...paths);
  return { code: result.code, report: JSON.parse(result.stdout) as { profiles: number; errors: number; warnings: number; messages: { file: string; line: number; ruleId: string; message: string }[] } };
}

describe('corpus context', () => {
  it('checks one bundled file against its whole edition: no warning about missing countries', async () => {
    const { code, report } = await validateJson('content/goci-2023/cote-d-ivoire.md');
    expect(code).toBe(0);
    expect(report).toMatchObject({ profiles: 1, errors: 0, warnings: 0, messages: [] });
  });

  it('still checks ranks of the file asked for against the whole edition', async () => {
    const folder = copyOfEdition();
    const path = join(folder, 'content/goci-2021/azerbaijan.md');
    writeFileSync(path, replaceOnce(readFileSync(path, 'utf8'), 'global: 83', 'global: 84'));
    const { code, report } = await validateJson(path);
    expect(code).toBe(1);
    expect(report.messages).toEqual([expect.objectContaining({ ruleId: 'rank', message: 'criminality.rank.global is 84; a criminality score of 5.08 ranks 83rd of 193 countries' })]);
  });

  it('--fix on one file ranks it over the whole edition and writes only that file', async () => {
    const folder = copyOfEdition();
    const path = join(folder, 'content/goci-2021/azerbaijan.md');
    const published = readFileSync(path, 'utf8');
    writeFileSync(path, replaceOnce(published, 'global: 83', 'global: 84'));
    const chad = readFileSync(join(folder, 'content/goci-2021/chad.md'), 'utf8');
    const result = await runCli('validate', '--fix', path);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/azerbaijan\.md: criminality\.rank\.global 84 -> 83\nfixed 1 profile\n1 profile checked: 0 errors, 0 warnings\n$/);
    expect(readFileSync(path, 'utf8')).toBe(published);
    expect(readFileSync(join(folder, 'content/goci-2021/chad.md'), 'utf8')).toBe(chad);
  });

  it('a typo in one file is reported on that file only, and its country does not count as missing', async () => {
    const folder = copyOfEdition();
    const chad = join(folder, 'content/goci-2021/chad.md');
    writeFileSync(chad, replaceOnce(readFileSync(chad, 'utf8'), 'status: draft', 'status: drft'));
    const whole = await validateJson(join(folder, 'content/goci-2021'));
    expect(whole.report.messages.map((m) => [m.file.split('/').at(-1), m.ruleId])).toEqual([['chad.md', 'schema']]);
    const other = await validateJson(join(folder, 'content/goci-2021/afghanistan.md'));
    expect(other).toMatchObject({ code: 0, report: { profiles: 1, errors: 0, warnings: 0 } });
  });

  it('warns once, on the edition folder, when the edition really is incomplete', async () => {
    const folder = copyOfEdition();
    rmSync(join(folder, 'content/goci-2021/chad.md'));
    rmSync(join(folder, 'content/goci-2021/mali.md'));
    const { code, report } = await validateJson(join(folder, 'content/goci-2021/afghanistan.md'), join(folder, 'content/goci-2021/zambia.md'));
    expect(code).toBe(0);
    expect(report.messages).toEqual([
      expect.objectContaining({ ruleId: 'rank', line: 1, message: expect.stringMatching(/^the corpus holds 191 of the 193 countries of goci-2021; with 2 missing/) }),
    ]);
    expect(report.messages[0]?.file).toMatch(/content\/goci-2021$/);
  });
});
