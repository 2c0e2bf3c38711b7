import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyFolder, projectRoot, replaceOnce, runCli } from '../testing/support.js';
import { inFolder } from '../testing/git-repo.js';


/** The commands of the README's walk-through, as written there: `npx ocindex …` lines, comments cut. */
function walkthrough(): string[][] {
  const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### From `new` to a printed profile'));
  const block = /```sh\n([^]*?)```/.exec(section)?.[1] ?? '';
  return block
    .split('\n')
    .filter((line) => line.startsWith('npx ocindex '))
    .map((line) => [...line.replace(/\s+#.*$/, '').slice('npx ocindex '.length).matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? ''));
}

/** What the author writes: a sentence under each heading that has none. */
function writeNarrative(text: string): string {
  return text.replace(/^(#{1,3} .+)\n(?=\n#|\n?$)/gm, '$1\n\nThe analysts describe the situation in a few careful sentences.\n');
}

describe("the README's walk-through, verbatim, on a fresh copy of the content", () => {
  it('gives a bundled draft its outline, then checks and prints it', async () => {
    const folder = emptyFolder();
    cpSync(join(projectRoot, 'content', 'goci-2025'), join(folder, 'content', 'goci-2025'), { recursive: true });
    const commands = walkthrough();
    expect(commands.map((c) => c[0])).toEqual(['new', 'preview', 'check', 'render']);
    const profile = join(folder, 'content/goci-2025/cote-d-ivoire.md');
    const bundled = readFileSync(profile, 'utf8');
    await inFolder(folder, async () => {
      for (const args of commands) {
        if (args[0] === 'preview') {
          // The author's part, between the preview and the check.
          writeFileSync(profile, replaceOnce(writeNarrative(readFileSync(profile, 'utf8')), 'status: draft', 'status: review'));
          continue;
        }
        const result = await runCli(...args);
        expect(result.code, `${args.join(' ')}: ${result.stdout}${result.stderr}`).toBe(0);
        if (args[0] === 'new') expect(readFileSync(profile, 'utf8').startsWith(bundled)).toBe(true);
        if (args[0] === 'check') expect(result.stdout).toBe('1 profile checked: 0 errors, 0 warnings\n');
      }
    });
    expect(existsSync(join(folder, 'dist/goci-2025/cote-d-ivoire.pdf'))).toBe(true);
  }, 120_000);
});
