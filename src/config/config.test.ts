import { execFileSync } from 'node:child_process';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { bundledContent, ocindex, projectRoot, datasetPath, tempFolder } from '../testing/support.js';

/** A working folder with a settings file and, in profiles/misplaced/, a profile in the wrong folder. */
async function workspace(files: Record<string, unknown>): Promise<string> {
  const folder = await tempFolder();
  for (const [name, content] of Object.entries(files)) await writeFile(join(folder, name), typeof content === 'string' ? content : JSON.stringify(content));
  await mkdir(join(folder, 'profiles/misplaced'), { recursive: true });
  await cp(join(bundledContent, 'goci-2021/angola.md'), join(folder, 'profiles/misplaced/angola.md'));
  return folder;
}

describe('settings', () => {
  it('default to content/, dist/, every rule as it is, no extra editions', async () => {
    const folder = await tempFolder();
    expect(await loadConfig(folder)).toEqual({ source: undefined, content: join(folder, 'content'), output: join(folder, 'dist'), rules: {}, concurrency: undefined, editions: [], prose: { words: [], atFinal: 'warning', style: undefined } });
  });

  it('come from ocindex.config.json, paths resolved against its folder', async () => {
    const folder = await workspace({ 'ocindex.config.json': { content: 'profiles', output: 'out/pdf', concurrency: 3, rules: { rank: 'off' } } });
    expect(await loadConfig(folder)).toEqual({ source: 'ocindex.config.json', content: join(folder, 'profiles'), output: join(folder, 'out/pdf'), rules: { rank: 'off' }, concurrency: 3, editions: [], prose: { words: [], atFinal: 'warning', style: undefined } });
  });

  it('come from ocindex.config.mjs or .js (default export), or the "ocindex" key of package.json', async () => {
    const mjs = await workspace({ 'ocindex.config.mjs': "export default { content: 'profiles', rules: { 'file-name': 'error' } };\n" });
    expect(await loadConfig(mjs)).toMatchObject({ source: 'ocindex.config.mjs', content: join(mjs, 'profiles'), rules: { 'file-name': 'error' } });
    const js = await workspace({ 'package.json': { type: 'module' }, 'ocindex.config.js': "export default { output: 'pdf' };\n" });
    expect(await loadConfig(js)).toMatchObject({ source: 'ocindex.config.js', output: join(js, 'pdf') });
    const pkg = await workspace({ 'package.json': { name: 'profiles', ocindex: { content: 'profiles' } } });
    expect(await loadConfig(pkg)).toMatchObject({ source: 'package.json', content: join(pkg, 'profiles') });
  });

  it('set the severity of each rule for validate: off, or a warning made an error', async () => {
    const plain = await workspace({ 'ocindex.config.json': { content: 'profiles' } });
    const before = await ocindex(['validate', '--format', 'json'], plain);
    expect(before.code).toBe(0);
    expect(JSON.parse(before.stdout).messages.map((m: { ruleId: string; severity: string }) => `${m.ruleId} ${m.severity}`)).toEqual(['rank warning', 'file-name warning']);

    const strict = await workspace({ 'ocindex.config.json': { content: 'profiles', rules: { 'file-name': 'error', rank: 'off' } } });
    const after = await ocindex(['validate'], strict);
    expect(after.code).toBe(1);
    expect(after.stdout).toBe(
      'profiles/misplaced/angola.md:3:1  error    the profile of Angola in goci-2021 belongs at goci-2021/angola.md, not misplaced/angola.md  file-name\n1 profile checked: 1 error, 0 warnings\n',
    );
    const quiet = await workspace({ 'ocindex.config.json': { content: 'profiles', rules: { 'file-name': 'off', rank: 'off' } } });
    expect(await ocindex(['validate'], quiet)).toMatchObject({ code: 0, stdout: '1 profile checked: 0 errors, 0 warnings\n' });
  });

  it('give new, import and export their content folder', async () => {
    const folder = await workspace({ 'ocindex.config.json': { content: 'profiles' } });
    expect((await ocindex(['import', datasetPath('goci-2021'), '--edition', 'goci-2021'], folder)).stdout).toMatch(/\ngoci-2021: 193 created, 0 updated, 0 unchanged\n$/);
    expect((await ocindex(['new', 'Chad', '--edition', 'goci-2023'], folder)).stdout).toContain('created profiles/goci-2023/chad.md');
    const exported = await ocindex(['export', '--edition', 'goci-2021'], folder);
    expect(exported.stdout).toBe(await readFile(datasetPath('goci-2021'), 'utf8'));
    // The dataset has one row per country: the misplaced second Angola is left out, and said so.
    expect(exported.code).toBe(1);
    expect(exported.stderr).toBe(
      'profiles/misplaced/angola.md:3:10  Angola already has a goci-2021 profile: profiles/goci-2021/angola.md  unique-country\nnot exported: 1 profile; run ocindex validate for every problem\n',
    );
  });

  it('add the editions of extra folders', async () => {
    const folder = await workspace({ 'ocindex.config.json': { editions: ['my-editions'] } });
    await mkdir(join(folder, 'my-editions'));
    const yaml = await readFile(join(projectRoot, 'editions/goci-2021.yaml'), 'utf8');
    await writeFile(join(folder, 'my-editions/pilot-2025.yaml'), yaml.replace('id: goci-2021', 'id: pilot-2025'));
    expect(await ocindex(['new', 'Chad', '--edition', 'pilot-2025'], folder)).toMatchObject({ code: 0 });
    expect(await readFile(join(folder, 'content/pilot-2025/chad.md'), 'utf8')).toContain('edition: pilot-2025\n');
    expect((await ocindex(['schema', '--edition', 'pilot-2025'], folder)).stdout).toContain('"const": "pilot-2025"');
  });

  describe('mistakes are usage failures (exit 2) naming the file and the key', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['an unknown setting', { 'ocindex.config.json': { contnet: 'profiles' } }, 'ocindex: ocindex.config.json: contnet: unknown setting; did you mean content?\n'],
      [
        'an unknown rule',
        { 'ocindex.config.json': { rules: { 'file-nam': 'off' } } },
        'ocindex: ocindex.config.json: rules.file-nam: unknown rule; the rules are edition, schema, geography, file-name, unprintable-characters, font-coverage, unrendered-markdown, composite-score, translation, translation-current, terms, narrative-outline, spelling, repeated-words, doubled-spaces, quotes, range-dash, percentage, sentence-length, unique-country, rank, narrative-unchanged, file, frontmatter, markdown and copy-fit; did you mean file-name?\n',
      ],
      ['a wrong severity', { 'ocindex.config.json': { rules: { rank: 'warn' } } }, 'ocindex: ocindex.config.json: rules.rank: is "warn"; expected off, warning or error\n'],
      [
        'several mistakes in package.json',
        { 'package.json': { ocindex: { concurrency: 0, editions: 'my-editions' } } },
        'ocindex: package.json: ocindex.concurrency: is 0; expected at least 1\nocindex: package.json: ocindex.editions: is "my-editions"; expected a list\n',
      ],
      ['a missing edition folder', { 'ocindex.config.json': { editions: ['my-editions'] } }, "ocindex: ocindex.config.json: editions[0]: no such folder 'my-editions'\n"],
      ['broken JSON', { 'ocindex.config.json': '{\n  "content": "profiles",\n}\n' }, 'ocindex: ocindex.config.json:3:1: not valid JSON: expected a "quoted" key (no comma after the last one)\n'],
      ['a misspelled value in JSON', { 'ocindex.config.json': '{\n  "content": "profiles",\n  "concurrency": tru\n}\n' }, 'ocindex: ocindex.config.json:3:18: not valid JSON: unexpected character\n'],
      ['broken JSON in package.json', { 'package.json': '{\n  "name": "x"\n  "ocindex": {}\n}\n' }, "ocindex: package.json:3:3: not valid JSON: expected ',' before the next entry\n"],
      ['settings in two places', { 'ocindex.config.json': {}, 'package.json': { ocindex: {} } }, 'ocindex: settings found in ocindex.config.json or package.json; keep them in one place\n'],
      ['a module without a default export', { 'ocindex.config.mjs': 'export const content = "x";\n' }, 'ocindex: ocindex.config.mjs: export the settings as the default export (export default { ... })\n'],
    ];
    for (const [name, files, message] of cases) {
      it(name, async () => {
        const folder = await workspace(files);
        const result = await ocindex(['validate'], folder);
        expect(result.code).toBe(2);
        expect(result.stdout).toBe('');
        if (message.endsWith('\n')) expect(result.stderr).toBe(message);
        else expect(result.stderr.startsWith(message)).toBe(true);
      });
    }
  });
});

describe('hostile settings (issue 21)', () => {
  it('concurrency has the range of the --concurrency flag, 1 to 16', async () => {
    const folder = await workspace({ 'ocindex.config.json': { concurrency: 100000 } });
    await expect(loadConfig(folder)).rejects.toThrow('ocindex.config.json: concurrency: must be <= 16');
    const { code, stderr } = await ocindex(['render', 'content', '--concurrency', '17'], folder);
    expect(code).toBe(2);
    expect(stderr).toMatch(/expected a whole number from 1 to 16/);
  });

  it('a __proto__ key is an unknown key, in JSON and in a JS config', async () => {
    const json = await workspace({ 'ocindex.config.json': '{"rules": {"__proto__": {"spelling": "off"}}}' });
    await expect(loadConfig(json)).rejects.toThrow(/ocindex\.config\.json: rules\.__proto__: /);
    const literal = await workspace({ 'ocindex.config.mjs': "export default { rules: { __proto__: { spelling: 'off' } } };\n" });
    await expect(loadConfig(literal)).rejects.toThrow('ocindex.config.mjs: rules: unknown key __proto__ (settings are plain objects)');
    const computed = await workspace({ 'ocindex.config.mjs': "export default { rules: { ['__proto__']: 'off' } };\n" });
    await expect(loadConfig(computed)).rejects.toThrow(/ocindex\.config\.mjs: rules\.__proto__: unknown rule/);
  });

  it('a JS config that throws, or never settles, is one usage error (exit 2) within the time limit', { timeout: 30_000 }, async () => {
    const getter = await workspace({ 'ocindex.config.mjs': "export default { get content() { throw new Error('boom'); } };\n" });
    const thrown = await ocindex(['validate', 'profiles'], getter);
    expect(thrown).toMatchObject({ code: 2, stderr: 'ocindex: ocindex.config.mjs: reading the settings failed: boom\n' });
    const never = await workspace({ 'ocindex.config.mjs': 'export default new Promise(() => {});\n' });
    await expect(loadConfig(never, { loadMs: 300 })).rejects.toThrow('ocindex.config.mjs: did not finish loading within 0.3 s');
    const waiting = await workspace({ 'ocindex.config.mjs': 'await new Promise(() => {});\nexport default {};\n' });
    await expect(loadConfig(waiting, { loadMs: 300 })).rejects.toThrow('ocindex.config.mjs: did not finish loading within 0.3 s');
  });

  it('a config that is a pipe is refused before reading, not waited on', { timeout: 30_000 }, async () => {
    for (const name of ['ocindex.config.json', 'ocindex.config.mjs']) {
      const folder = await tempFolder();
      execFileSync('mkfifo', [join(folder, name)]);
      await expect(loadConfig(folder)).rejects.toThrow(`${name}: is a named pipe, not a file; a config is a regular file`);
    }
  });
});
