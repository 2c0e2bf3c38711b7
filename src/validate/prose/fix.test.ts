import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayPath } from '../../read/collect.js';
import { azerbaijan2021, projectRoot, replaceOnce, runCli, tempFolder } from '../../testing/support.js';

/** A project folder holding one profile and the bundled word list; returns the profile's path. */
function project(text: string): string {
  const folder = tempFolder();
  mkdirSync(join(folder, 'goci-2021'));
  copyFileSync(join(projectRoot, 'content', '.dictionary'), join(folder, '.dictionary'));
  writeFileSync(join(folder, 'goci-2021', 'azerbaijan.md'), text);
  return join(folder, 'goci-2021', 'azerbaijan.md');
}

describe('ocindex validate --fix on prose', () => {
  it('repairs only doubled spaces and range hyphens, every other byte kept, and is idempotent', async () => {
    let edited = replaceOnce(azerbaijan2021, '2019–2023', '2019-2023');
    edited = replaceOnce(edited, 'are involved. Azerbaijan hosts', 'are involved.  Azerbaijan hosts');
    edited = replaceOnce(edited, 'sold as counterfeit', 'sold as as counterfeit'); // reported, never fixed
    edited = replaceOnce(edited, 'in 2020. Although', 'in 2020.   Although');
    edited = replaceOnce(edited, 'score: 4.15', 'score: 4.16'); // a score fix in the same file
    const path = project(edited);

    const first = await runCli('validate', '--fix', path);
    const fixed = readFileSync(path, 'utf8');
    const expected = replaceOnce(azerbaijan2021, 'sold as counterfeit', 'sold as as counterfeit');
    expect(fixed).toBe(expected);
    // Messages show paths relative to the working folder, wherever the tests run from.
    expect(first.stdout).toContain(`${displayPath(path)}: criminality.criminal_markets.score 4.16 -> 4.15\n`);
    expect(first.stdout).toMatch(/azerbaijan\.md:62:\d+: 3 spaces -> 1\n.*azerbaijan\.md:66:\d+: 2 spaces -> 1\n.*azerbaijan\.md:98:\d+: hyphen in a range -> en dash\n/s);
    expect(first.stdout).toMatch(/'as' twice in a row; write it once +repeated-words\n/);
    expect(first.code).toBe(0);

    const second = await runCli('validate', '--fix', path);
    expect(readFileSync(path, 'utf8')).toBe(fixed);
    expect(second.stdout).toContain('fixed 0 profiles\n');
  });

  it('leaves what a project switched off alone', async () => {
    const edited = replaceOnce(azerbaijan2021, '2019–2023', '2019-2023');
    const path = project(edited);
    writeFileSync(join(path, '..', '..', 'ocindex.config.json'), JSON.stringify({ rules: { 'range-dash': 'off' } }));
    const previous = process.cwd();
    process.chdir(join(path, '..', '..'));
    try {
      const result = await runCli('validate', '--fix', 'goci-2021');
      expect(result.stdout).toContain('fixed 0 profiles\n');
      expect(readFileSync(path, 'utf8')).toBe(edited);
    } finally {
      process.chdir(previous);
    }
  });
});
