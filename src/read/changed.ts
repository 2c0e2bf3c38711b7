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

/** The paths under `paths` that differ from the merge base of `ref` and HEAD, as git names them, split by whether they still exist. */
async function changedPaths(ref: string, paths: string[]): Promise<{ present: string[]; deleted: string[] }> {
  const base = (await git(['merge-base', ref, 'HEAD'])).trim();
  const diff = await git(['diff', '--name-only', '--relative', '--no-renames', '-z', base, '--', ...paths]);
  const untracked = await git(['ls-files', '--others', '--exclude-standard', '-z', '--', ...paths]);
  const names = [...new Set([...diff.split('\0'), ...untracked.split('\0')].filter((name) => name !== ''))];
  return { present: names.filter((name) => existsSync(name)), deleted: names.filter((name) => !existsSync(name)) };
}

/**
 * The profiles under `paths` that differ from the merge base of `ref` and HEAD, as the working folder
 * has them now: committed since, staged, unstaged or untracked, and the translations of those (they
 * print their source's scores, and a section of their source may have changed since they were
 * translated). Deleted files are left out: there is nothing to check or print.
 */
export async function changedProfiles(ref: string, paths: string[]): Promise<string[]> {
  const { present } = await changedPaths(ref, paths);
  const changed = present.filter((name) => isProfileFileName(basename(name))).map((name) => displayPath(name));
  return [...new Set([...changed, ...(await translationsOf(changed))])].sort();
}

/** What a change since `ref` can make wrong besides the profiles it changed. */
export interface ChangedReach {
  /** The folders of profiles deleted since (that still exist): the ranks of the rest of their editions move. */
  deletedFrom: string[];
  /** The ids of the edition files changed since (editions/<id>.yaml): every profile of those editions may be wrong now. */
  editions: string[];
}

/** The folders whose other profiles a change since `ref` can make wrong, under `paths`, and the edition files under `editionFolders` it changed. */
export async function changedReach(ref: string, paths: string[], editionFolders: string[]): Promise<ChangedReach> {
  const { deleted } = await changedPaths(ref, paths);
  const deletedFrom = [...new Set(deleted.filter((name) => isProfileFileName(basename(name))).map((name) => dirname(name)).filter((folder) => existsSync(folder)))];
  const editionFiles = editionFolders.length > 0 ? await changedPaths(ref, editionFolders) : { present: [], deleted: [] };
  const editions = [...editionFiles.present, ...editionFiles.deleted].filter((name) => /\.ya?ml$/.test(name)).map((name) => basename(name).replace(/\.ya?ml$/, ''));
  return { deletedFrom: deletedFrom.map((folder) => displayPath(folder)).sort(), editions: [...new Set(editions)].sort() };
}
