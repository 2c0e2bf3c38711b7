import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { azerbaijan2021, bundledFiles, projectRoot, replaceOnce, runCli, tempFolder } from '../testing/support.js';

/** Writes one file as content/goci-2021/<name> in a fresh folder and validates it as JSON. */
async function validateFile(bytes: string | Uint8Array, name = 'azerbaijan.md') {
  const folder = tempFolder();
  const path = join(folder, 'goci-2021', name);
  mkdirSync(join(folder, 'goci-2021'));
  copyFileSync(join(projectRoot, 'content', '.dictionary'), join(folder, '.dictionary'));
  writeFileSync(path, bytes);
  const result = await runCli('validate', '--format', 'json', path);
  const report = JSON.parse(result.stdout) as { profiles: number; errors: number; warnings: number; messages: { file: string; line: number; column: number; ruleId: string; message: string; severity: string }[] };
  const withoutFile = report.messages.map(({ file: _file, ...rest }: { file?: string }) => rest);
  return { ...result, report, withoutFile, errors: report.messages.filter((m) => m.severity === 'error') };
}

describe('ocindex validate on bad input', () => {
  it.each([
    ['an empty file', '', 'frontmatter', 1, /^file is empty/],
    ['no front-matter', '# Criminality\n\nText.\n', 'frontmatter', 1, /^no front-matter/],
    ['a YAML syntax error', '---\nedition: goci-2021\ncountry: Azerbaijan: Baku\n---\n', 'frontmatter', 3, /^YAML syntax error: Nested mappings are not allowed/],
    ['front-matter that is a list', '---\n- edition\n- country\n---\n', 'frontmatter', 2, /^front-matter is a list; it must be a mapping/],
    ['duplicate keys', '---\nedition: goci-2021\nedition: goci-2023\n---\n', 'frontmatter', 3, /^a key appears twice/],
    ['an unknown edition', replaceOnce(azerbaijan2021, 'goci-2021', 'goci-1999'), 'edition', 2, /^edition is "goci-1999"/],
  ])('%s gives one clear message and exit 1', async (_name, text, ruleId, line, message) => {
    const { code, errors, stderr } = await validateFile(text);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ ruleId, line });
    expect(errors[0]?.message).toMatch(message);
  });

  it('reports invalid UTF-8 at the bad byte', async () => {
    const bytes = Buffer.concat([Buffer.from(azerbaijan2021.slice(0, 40)), Buffer.from([0xff, 0xfe]), Buffer.from(azerbaijan2021.slice(40))]);
    const { code, errors } = await validateFile(bytes);
    expect(code).toBe(1);
    expect(errors).toEqual([expect.objectContaining({ ruleId: 'file', line: 3, message: 'file is not valid UTF-8: save it as UTF-8' })]);
  });

  it('refuses a 5 MB file without parsing it', async () => {
    const { code, errors } = await validateFile(azerbaijan2021 + 'x'.repeat(5 * 1024 * 1024));
    expect(code).toBe(1);
    expect(errors).toEqual([expect.objectContaining({ ruleId: 'file', line: 1, message: 'file is 5.0 MB; a profile may be at most 1.0 MB' })]);
  });

  it('validates a file with a BOM or CRLF line endings like the plain file', async () => {
    const plain = await validateFile(azerbaijan2021);
    const bom = await validateFile(`\uFEFF${azerbaijan2021}`);
    const crlf = await validateFile(azerbaijan2021.replace(/\n/g, '\r\n'));
    expect(plain.code).toBe(0);
    expect(plain.withoutFile).toHaveLength(1);
    expect(bom.withoutFile).toEqual(plain.withoutFile);
    expect(crlf.withoutFile).toEqual(plain.withoutFile);
    const broken = replaceOnce(azerbaijan2021, 'score: 4.15', 'score: 4.16');
    const brokenPlain = await validateFile(broken);
    expect(brokenPlain.errors).toHaveLength(1);
    expect((await validateFile(broken.replace(/\n/g, '\r\n'))).withoutFile).toEqual(brokenPlain.withoutFile);
  });

  it('exits 2 on a missing path or an unknown option, without a stack trace', async () => {
    const missing = await runCli('validate', 'no/such/folder');
    expect(missing).toEqual({ code: 2, cwd: process.cwd(), stdout: '', stderr: 'ocindex: no/such/folder: no such file or folder\n' });
    const usage = await runCli('validate', '--format', 'xml');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/argument 'xml' is invalid/);
  });
});

describe('ocindex validate reports', () => {
  const broken = replaceOnce(azerbaijan2021, 'score: 4.15', 'score: 4.16');

  it('human: file:line:column, severity, reason, rule id and a summary', async () => {
    const folder = tempFolder();
    mkdirSync(join(folder, 'goci-2021'));
    copyFileSync(join(projectRoot, 'content', '.dictionary'), join(folder, '.dictionary'));
    writeFileSync(join(folder, 'goci-2021', 'azerbaijan.md'), broken);
    const previous = process.cwd();
    process.chdir(folder);
    try {
      const { code, stdout } = await runCli('validate', 'goci-2021');
      expect(code).toBe(1);
      expect(stdout).toBe(
        // The edition-level message stands on the edition's folder, line 1; the columns line up.
        'goci-2021:1:1                  warning  the corpus holds 1 of the 193 countries of goci-2021; with 192 missing, ranks are checked only for consistency with the profiles present  rank\n' +
          'goci-2021/azerbaijan.md:13:12  error    criminality.criminal_markets.score is 4.16; the mean of its 10 indicators is 4.15                                                         composite-score\n' +
          '1 profile checked: 1 error, 1 warning\n',
      );
    } finally {
      process.chdir(previous);
    }
  });

  it('github: workflow annotations with escaped properties', async () => {
    const folder = tempFolder();
    const path = join(folder, 'azerbaijan.md');
    writeFileSync(path, broken);
    const { stdout } = await runCli('validate', '--format', 'github', path);
    expect(stdout).toMatch(/^::error file=[^,]+azerbaijan\.md,line=13,col=12,title=ocindex composite-score::criminality\.criminal_markets\.score is 4\.16; the mean of its 10 indicators is 4\.15$/m);
    expect(stdout).toMatch(/^::warning file=[^,]+,line=1,col=1,title=ocindex rank::the corpus holds 1 of the 193/m);
    expect(stdout).toMatch(/^1 profile checked: 1 error, 2 warnings$/m); // rank and file-name
  });

  it('json: one object with counts and relative paths', async () => {
    const { code, report } = await validateFile(broken);
    expect(code).toBe(1);
    expect(report).toMatchObject({ profiles: 1, errors: 1, warnings: 1 });
    expect(report.messages.map((m) => [m.ruleId, m.file.split('/').at(-1), m.file.includes('\\')])).toEqual([
      ['rank', 'goci-2021', false],
      ['composite-score', 'azerbaijan.md', false],
    ]);
    expect(report).toMatchObject({ summary: '1 profile checked: 1 error, 1 warning' });
  });

  it('exits 0 on the bundled content', async () => {
    const { code, stdout } = await runCli('validate');
    expect(code).toBe(0);
    expect(stdout).toBe(`${bundledFiles} profiles checked: 0 errors, 0 warnings\n`); // every country of every edition and the translations
  });
});

describe('ocindex validate on YAML mistakes', () => {
  it.each([
    ['an unclosed [', 'region: 3 }', 'region: 3 }\nlist: [1, 2', '[1, 2'],
    ['an unclosed {', 'rank: { global: 83, continent: 26, region: 3 }', 'rank: { global: 83, continent: 26, region: 3', '{ global: 83'],
  ])('points at the opening bracket of %s, not the line after', async (_name, from, to, opening) => {
    const text = replaceOnce(azerbaijan2021, from, to);
    const { errors } = await validateFile(text);
    const index = text.indexOf(opening);
    const lines = text.slice(0, index).split('\n');
    expect(errors).toEqual([expect.objectContaining({ ruleId: 'frontmatter', line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 })]);
  });
});
