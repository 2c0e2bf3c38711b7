import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchContent } from './watch.js';
import { copyContent } from '../testing/preview.js';
import { azerbaijan2021 } from '../testing/support.js';

describe('watchContent with links', () => {
  it('starts on a folder whose links form loops, and passes on a save once, by the path the profiles are read by', { timeout: 30_000 }, async () => {
    const folder = copyContent(['goci-2021/azerbaijan.md', 'goci-2021/albania.md']);
    // The hostile tester's shape: a link to the parent and one to the folder itself.
    symlinkSync('..', join(folder, 'goci-2021', 'up'));
    symlinkSync('../goci-2021', join(folder, 'goci-2021', 'self'));
    const errors: Error[] = [];
    const watcher = await watchContent(folder, (error) => errors.push(error));
    try {
      const delivered = new Promise<string[]>((resolve) => watcher.deliver(async (paths) => resolve(paths)));
      writeFileSync(join(folder, 'goci-2021', 'azerbaijan.md'), `${azerbaijan2021}\n`);
      expect(await delivered).toEqual([join(folder, 'goci-2021', 'azerbaijan.md')]);
      expect(errors).toEqual([]);
    } finally {
      await watcher.close();
    }
  });
});
