import { appendFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { changedProfiles, changedSince } from './changed.js';
import { git, inFolder, removeAll, repositoryWithEdition } from '../testing/git-repo.js';

const made: string[] = [];
afterEach(() => removeAll(made));

describe('--changed: the profiles changed since a git ref', () => {
  it('takes committed, staged, unstaged and untracked changes since the merge base; not deleted files nor other folders', async () => {
    const repo = repositoryWithEdition(made);
    git(repo, 'checkout', '-qb', 'pr');
    appendFileSync(join(repo, 'content/goci-2021/chad.md'), '\n');
    git(repo, 'commit', '-qam', 'committed on the branch');
    // main moves on meanwhile: its changes are not the branch's.
    git(repo, 'checkout', '-q', 'main');
    appendFileSync(join(repo, 'content/goci-2021/peru.md'), '\n');
    git(repo, 'commit', '-qam', 'on main');
    git(repo, 'checkout', '-q', 'pr');
    appendFileSync(join(repo, 'content/goci-2021/mali.md'), '\n'); // unstaged
    writeFileSync(join(repo, 'content/goci-2021/notes.md'), '---\n---\n'); // untracked
    rmSync(join(repo, 'content/goci-2021/niger.md')); // deleted
    writeFileSync(join(repo, 'README.md'), '# not a profile\n');

    await inFolder(repo, async () => {
      expect(await changedProfiles('main', ['content'])).toEqual(['content/goci-2021/chad.md', 'content/goci-2021/mali.md', 'content/goci-2021/notes.md']);
      expect(await changedProfiles('HEAD', ['content'])).toEqual(['content/goci-2021/mali.md', 'content/goci-2021/notes.md']);
      expect(await changedProfiles('main', ['content/goci-2023'])).toEqual([]);
      await expect(changedProfiles('no-such-ref', ['content'])).rejects.toThrow(/^--changed: git merge-base failed: /);
    });
  });

  it('reaches the folders of deleted profiles and the edition files changed since the merge base', async () => {
    const repo = repositoryWithEdition(made);
    mkdirSync(join(repo, 'editions'));
    writeFileSync(join(repo, 'editions', 'house-2021.yaml'), 'id: house-2021\n');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'an edition of the house');
    git(repo, 'checkout', '-qb', 'pr');
    rmSync(join(repo, 'content/goci-2021/niger.md'));
    appendFileSync(join(repo, 'editions', 'house-2021.yaml'), 'year: 2021\n');
    await inFolder(repo, async () => {
      expect(await changedSince('main', ['content'], ['editions'])).toEqual({ profiles: [], deletedFrom: ['content/goci-2021'], editions: ['house-2021'] });
      expect(await changedSince('main', ['content/goci-2023'], [])).toEqual({ profiles: [], deletedFrom: [], editions: [] });
    });
  });

  it('takes the translations of a changed profile too: they print its scores and may be behind it', async () => {
    const repo = repositoryWithEdition(made);
    appendFileSync(join(repo, 'content/goci-2021/azerbaijan.md'), '\n');
    await inFolder(repo, async () => {
      expect(await changedProfiles('HEAD', ['content'])).toEqual(['content/goci-2021/azerbaijan.md', 'content/goci-2021/fr/azerbaijan.md']);
    });
  });
});
