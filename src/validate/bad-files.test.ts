import { chmodSync, cpSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { azerbaijan2021, bundledFiles, emptyFolder, projectRoot, replaceOnce, runCli, datasetPath } from '../testing/support.js';

// Every case of issue 8, each with the bundled profiles beside it: one bad file never hides the others.
const root = emptyFolder();

const frontMatterEnd = azerbaijan2021.indexOf('\n---', 4) + 5;
const withNarrative = (narrative: string) => azerbaijan2021.slice(0, frontMatterEnd) + narrative;
const narrativeLine = azerbaijan2021.slice(0, frontMatterEnd).split('\n').length;
const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...['b', 'c', 'd', 'e', 'f'].map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcde'[i]}`).join(', ')}]`)].join('\n');

/** Bad file name -> its content; each replaces a bundled goci-2021 profile. */
const cases: Record<string, string> = {
  'albania.md': azerbaijan2021.replace(/^funding: >-\n(?: {2}.*\n)+/m, 'funding: *Pending*\n').replace('Azerbaijan', 'Albania'),
  'algeria.md': `---\n${bomb}\n${azerbaijan2021.slice(4)}`,
  'andorra.md': withNarrative(`${'>'.repeat(10_000)} a\n`),
  'angola.md': withNarrative(`${'- '.repeat(10_000)}a\n`),
  'antigua-and-barbuda.md': withNarrative(`${'*'.repeat(10_000)}a${'*'.repeat(10_000)}\n`),
};

let content: string;
beforeAll(() => {
  content = join(root, 'content');
  cpSync(join(projectRoot, 'content'), content, { recursive: true });
  for (const [name, text] of Object.entries(cases)) writeFileSync(join(content, 'goci-2021', name), text);
  execFileSync('mkfifo', [join(content, 'goci-2021', 'pipe.md')]);
  symlinkSync('/dev/zero', join(content, 'goci-2021', 'zero.md'));
});

describe('one bad file never hides the others', () => {
  it('validate reports every bad file at its position and every other file, in JSON, in bounded time', async () => {
    const started = Date.now();
    const { code, stdout } = await runCli('validate', content, '--format', 'json');
    const report = JSON.parse(stdout) as { profiles: number; messages: { file: string; line: number; column: number; ruleId: string; message: string }[] };
    expect(code).toBe(1);
    expect(report.profiles).toBe(bundledFiles + 2); // every bundled profile and translation, two files that are not profiles
    const about = (name: string) => report.messages.filter((m) => m.file.endsWith(`goci-2021/${name}`)).map((m) => ({ line: m.line, column: m.column, ruleId: m.ruleId, message: m.message }));
    expect(about('albania.md')).toEqual([{ line: 7, column: 10, ruleId: 'frontmatter', message: expect.stringContaining('*Pending* is a YAML alias, but no anchor &Pending* comes before it') }]);
    expect(about('algeria.md')).toEqual([{ line: 3, column: 8, ruleId: 'frontmatter', message: 'YAML aliases expand to more than 100 values; write the values out instead' }]);
    expect(about('andorra.md')).toEqual([{ line: narrativeLine, column: 9, ruleId: 'markdown', message: expect.stringContaining('nested 10000 levels deep') }]);
    expect(about('angola.md')).toEqual([{ line: narrativeLine, column: 17, ruleId: 'markdown', message: expect.stringContaining('nested 10000 levels deep') }]);
    expect(about('antigua-and-barbuda.md')).toEqual([{ line: narrativeLine, column: 201, ruleId: 'markdown', message: expect.stringContaining('more than 200 of *, _, [ and ]') }]);
    expect(about('pipe.md')).toEqual([{ line: 1, column: 1, ruleId: 'file', message: 'is a named pipe, not a file; a profile is a regular file' }]);
    expect(about('zero.md')).toEqual([{ line: 1, column: 1, ruleId: 'file', message: 'is a device, not a file; a profile is a regular file' }]);
    // The other 381 profiles are checked as ever: the 2023 edition is clean, azerbaijan has its ranks.
    expect(report.messages.filter((m) => m.file.includes('goci-2023/'))).toEqual([]);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('github format ends with its counts in the singular where one', async () => {
    const { stdout } = await runCli('validate', join(content, 'goci-2021', 'albania.md'), '--format', 'github');
    // The warning is the edition's: read for its front-matter only, andorra.md names Azerbaijan, so Andorra has no file.
    expect(stdout.trim().split('\n').at(-1)).toBe('1 profile checked: 1 error, 1 warning');
  });

  it('export and render report the bad files and go on (render fails first on its unwritable folder)', async () => {
    const exported = await runCli('export', content, '--edition', 'goci-2021');
    expect(exported.code).toBe(1);
    expect(exported.stdout.trim().split('\n')).toHaveLength(1 + 193 - 5);
    expect(exported.stderr).toMatch(/albania\.md/);
    const started = Date.now();
    const rendered = await runCli('render', content, '--out', '/proc/x');
    expect(rendered.code).toBe(2);
    expect(rendered.stderr).toMatch(/pipe\.md:1:1 +error +is a named pipe/);
    expect(rendered.stderr).toMatch(/ocindex: (\.\.\/)*proc\/x: cannot write \(the folder cannot be created there/);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});

describe('paths that can never be written fail fast with exit 2', () => {
  it.each([
    ['export', ['export', 'content/goci-2021/azerbaijan.md', '--edition', 'goci-2021', '--out', '/proc/x/out.csv']],
    ['new', ['new', 'Albania', '--edition', 'goci-2021', '--out', '/proc/x']],
    ['import', ['import', datasetPath('goci-2021'), '--edition', 'goci-2021', '--out', '/proc/x']],
  ])('%s', async (_, args) => {
    const { code, stderr } = await runCli(...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^ocindex: (\.\.\/)*proc\/x.*: cannot write \(/);
  });
});

describe('folders', () => {
  it('validate follows a symlinked subfolder, and says an empty folder holds no profiles (exit 2)', async () => {
    const folder = join(root, 'linked');
    mkdirSync(join(folder, 'empty'), { recursive: true });
    mkdirSync(join(folder, 'real'));
    writeFileSync(join(folder, 'real', 'azerbaijan.md'), azerbaijan2021);
    symlinkSync(join(folder, 'real'), join(folder, 'content-link'));
    const linked = await runCli('validate', join(folder, 'content-link'), '--format', 'json');
    expect(JSON.parse(linked.stdout)).toMatchObject({ profiles: 1, errors: 0 });
    const empty = await runCli('validate', join(folder, 'empty'));
    expect(empty).toMatchObject({ code: 2, stderr: expect.stringMatching(/^ocindex: no profiles in .*empty\n$/) });
  });
});

describe('--fix writes', () => {
  it('keeps a byte-order mark, never replaces a read-only file (exit 2) and still fixes the others', async () => {
    const folder = join(root, 'fix', 'goci-2021');
    mkdirSync(folder, { recursive: true });
    const wrong = replaceOnce(azerbaijan2021, 'score: 4.15', 'score: 4.10');
    writeFileSync(join(folder, 'azerbaijan.md'), `\uFEFF${wrong}`);
    writeFileSync(join(folder, 'albania.md'), replaceOnce(readFileSync(join(projectRoot, 'content', 'goci-2021', 'albania.md'), 'utf8'), 'score: 5.25', 'score: 5.20'));
    chmodSync(join(folder, 'albania.md'), 0o444);
    const { code, stderr } = await runCli('validate', '--fix', folder);
    expect(code).toBe(2);
    expect(stderr).toMatch(/albania\.md: is read-only; not replaced/);
    expect(readFileSync(join(folder, 'azerbaijan.md'), 'utf8')).toBe(`\uFEFF${azerbaijan2021}`);
    expect(readFileSync(join(folder, 'albania.md'), 'utf8')).toContain('score: 5.20');
    expect(readdirSync(folder).sort()).toEqual(['albania.md', 'azerbaijan.md']);
  });
});
