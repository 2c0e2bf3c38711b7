import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../testing/support.js';

// The benchmarks import the built library (lib/, which `npm test` builds first); a module moved in
// src/ must not leave `npm run bench` broken. Loaded only: each runs its work when it is the entry script.
const benchFolder = join(projectRoot, 'bench');
const modules = readdirSync(benchFolder).filter((name) => name.endsWith('.js') && name !== 'run.js');

describe('npm run bench', () => {
  it.each(modules)('%s loads against the built library', async (name) => {
    await expect(import(pathToFileURL(join(benchFolder, name)).href)).resolves.toBeTypeOf('object');
  });
});
