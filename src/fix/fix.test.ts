import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderSnapshot, projectRoot, replaceOnce, runCli, tempFolder } from '../testing/support.js';

const snapshot = folderSnapshot;

describe('ocindex validate --fix', () => {
  it('recomputes composites and ranks, keeps comments and layout, and is idempotent', async () => {
    const folder = join(tempFolder(), 'goci-2021');
    cpSync(join(projectRoot, 'content', 'goci-2021'), folder, { recursive: true });
    const path = join(folder, 'azerbaijan.md');
    const original = readFileSync(path, 'utf8');
    let edited = replaceOnce(original, '    prevention: 5.0', '    prevention: 9.5 # raised after the 2021 review');
    edited = replaceOnce(edited, 'criminality:\n', '# Scores as published in September 2021.\ncriminality:\n');
    writeFileSync(path, edited);
    const before = snapshot(folder);

    const first = await runCli('validate', '--fix', folder);
    expect(first.code).toBe(0);
    const fixed = readFileSync(path, 'utf8');
    // Resilience is now (49 + 9) / 12 halves -> 4.46, which moves Azerbaijan up the resilience ranks.
    expect(fixed).toContain('resilience:\n  score: 4.46\n  rank: { global: 112, continent: 22, region: 4 }\n');
    expect(fixed).toContain('# raised after the 2021 review');
    expect(fixed).toContain('# Scores as published in September 2021.');
    expect(fixed.slice(fixed.indexOf('\n---\n'))).toBe(edited.slice(edited.indexOf('\n---\n')));
    // Every other changed line is a resilience rank of a country Azerbaijan overtook.
    const after = snapshot(folder);
    const changedLines = Object.keys(before).flatMap((name) => {
      const a = before[name]!.split('\n');
      const b = after[name]!.split('\n');
      expect(b).toHaveLength(a.length);
      return a.flatMap((line, i) => (line === b[i] ? [] : [[name, line, b[i]]]));
    });
    expect(changedLines.length).toBeGreaterThan(2);
    for (const [name, line] of changedLines) if (name !== 'azerbaijan.md') expect(line).toMatch(/^  rank: \{ global: \d+, continent: \d+, region: \d+ \}$/);
    expect(first.stdout).toMatch(/goci-2021\/azerbaijan\.md: resilience\.score 4\.08 -> 4\.46\n/);
    expect(first.stdout).toMatch(/goci-2021\/azerbaijan\.md: resilience\.rank\.global 128 -> 112\n/);

    const second = await runCli('validate', '--fix', folder);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('fixed 0 profiles\n');
    expect(snapshot(folder)).toEqual(after);
  });

  it('fixes composites but leaves ranks when the corpus lacks countries, and says so', async () => {
    const folder = join(tempFolder(), 'goci-2021');
    cpSync(join(projectRoot, 'content', 'goci-2021', 'azerbaijan.md'), join(folder, 'azerbaijan.md'));
    const path = join(folder, 'azerbaijan.md');
    writeFileSync(path, replaceOnce(readFileSync(path, 'utf8'), 'score: 4.15', 'score: 4.10'));
    const { code, stdout } = await runCli('validate', '--fix', path);
    expect(code).toBe(0);
    expect(stdout).toContain('ranks of goci-2021 not fixed: the corpus does not hold each of its 193 countries once\n');
    expect(readFileSync(path, 'utf8')).toContain('    score: 4.15\n');
  });
});
