import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { program } from './cli.js';
import { projectRoot } from './testing/support.js';

const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');

/** Every command line of the README's shell examples that runs the toolkit, without its comment. */
const examples = [...readme.matchAll(/```(?:sh|bash)\n([^]*?)```/g)]
  .flatMap((block) => (block[1] ?? '').split('\n'))
  .filter((line) => /\bocindex\b/.test(line))
  .map((line) => line.replace(/\s+#.*$/, '').trim());

/** The words of a shell line, quotes removed, up to a redirection. */
function words(line: string): string[] {
  const found = [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
  const redirect = found.findIndex((word) => word === '>' || word === '|');
  return redirect === -1 ? found : found.slice(0, redirect);
}

async function commandNamed(name: string): Promise<Command | undefined> {
  const cli = await program({ stdout: () => undefined, stderr: () => undefined, interactive: false }, () => undefined, ['node', 'ocindex', name]);
  return cli.commands.find((c) => c.name() === name);
}

describe("the README's command examples", () => {
  it('are many, and each runs through npx (a bare `ocindex` is not on a user\'s PATH)', () => {
    expect(examples.length).toBeGreaterThan(10);
    for (const line of examples) expect(line, line).toMatch(/^(npx ocindex|node bin\/ocindex\.js) /);
  });

  it('name commands that exist, with options they take', async () => {
    for (const line of examples) {
      const [, , name = '', ...rest] = words(line.replace(/^node bin\/ocindex\.js /, 'npx ocindex '));
      const command = await commandNamed(name);
      expect(command, line).toBeDefined();
      const known = new Set(command?.options.flatMap((o) => [o.long, o.short].filter((f): f is string => f !== undefined)));
      for (const flag of rest.filter((word) => word.startsWith('-'))) expect(known.has(flag.split('=')[0] ?? ''), `${line}: ${flag}`).toBe(true);
    }
  });
});
