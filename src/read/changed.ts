import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { promisify } from 'node:util';
import { InputError } from '../errors.js';
import { displayPath, isProfileFileName } from './collect.js';
import { translationsOf } from './translations.js';

const run = promisify(execFile);

async function git(args: string[]): Promise<string> {
  try {
    return (await run('git', args, { maxBuffer: 64 * 1024 * 1024 })).stdout;
  } catch (error) {
    const detail = ((error as { stderr?: string }).stderr || (error as Error).message).trim().split('\n')[0];
    throw new InputError(`--changed: git ${args[0]} failed: ${detail}`);
  }
}

/** What --changed compares with when no ref is given: the last commit, so uncommitted work is what changed. */
export const defaultChangedRef = 'HEAD';

/** The paths under `paths` that differ from `base`, as git names them, split by whether they still exist. */
async function changedPaths(base: string, paths: string[]): Promise<{ present: string[]; deleted: string[] }> {
  const diff = await git(['diff', '--name-only', '--relative', '--no-renames', '-z', base, '--', ...paths]);
  const untracked = await git(['ls-files', '--others', '--exclude-standard', '-z', '--', ...paths]);
  const names = [...new Set([...diff.split('\0'), ...untracked.split('\0')].filter((name) => name !== ''))];
  return { present: names.filter((name) => existsSync(name)), deleted: names.filter((name) => !existsSync(name)) };
}

/** What changed since `ref` (its merge base with HEAD), and what that change can make wrong besides. */
export interface ChangedSince {
  /**
   * The profiles under the paths that differ, as the working folder has them now: committed since,
   * staged, unstaged or untracked, and the translations of those (they print their source's scores,
   * and a section of their source may have changed since they were translated). Deleted files are
   * left out: there is nothing to check or print.
   */
  profiles: string[];
  /** The folders of profiles deleted since (that still exist): the ranks of the rest of their editions move. */
  deletedFrom: string[];
  /** The ids of the edition files changed since under the edition folders given: every profile of those editions may be wrong now. */
  editions: string[];
}

/** One look at git (one merge base) for what --changed selects under `paths`, and the edition files under `editionFolders`. */
export async function changedSince(ref: string, paths: string[], editionFolders: string[] = []): Promise<ChangedSince> {
  const base = (await git(['merge-base', ref, 'HEAD'])).trim();
  const { present, deleted } = await changedPaths(base, paths);
  const changed = present.filter((name) => isProfileFileName(basename(name))).map((name) => displayPath(name));
  const deletedFrom = new Set(deleted.filter((name) => isProfileFileName(basename(name))).map((name) => dirname(name)).filter((folder) => existsSync(folder)));
  const editionFiles = editionFolders.length > 0 ? await changedPaths(base, editionFolders) : { present: [], deleted: [] };
  const editions = [...editionFiles.present, ...editionFiles.deleted].filter((name) => /\.ya?ml$/.test(name)).map((name) => basename(name).replace(/\.ya?ml$/, ''));
  return {
    profiles: [...new Set([...changed, ...(await translationsOf(changed))])].sort(),
    deletedFrom: [...deletedFrom].map((folder) => displayPath(folder)).sort(),
    editions: [...new Set(editions)].sort(),
  };
}

/** The profiles --changed selects under `paths` (ChangedSince.profiles). */
export async function changedProfiles(ref: string, paths: string[]): Promise<string[]> {
  return (await changedSince(ref, paths)).profiles;
}
