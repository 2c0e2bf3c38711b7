import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { promisify } from 'node:util';
import { InputError } from '../errors.js';
import { displayPath, isProfileFileName } from './collect.js';

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

/**
 * The profiles under `paths` that differ from the merge base of `ref` and HEAD, as the working folder
 * has them now: committed since, staged, unstaged or untracked. Deleted files are left out: there is
 * nothing to check or print.
 */
export async function changedProfiles(ref: string, paths: string[]): Promise<string[]> {
  const base = (await git(['merge-base', ref, 'HEAD'])).trim();
  const diff = await git(['diff', '--name-only', '--relative', '--no-renames', '-z', base, '--', ...paths]);
  const untracked = await git(['ls-files', '--others', '--exclude-standard', '-z', '--', ...paths]);
  const names = [...diff.split('\0'), ...untracked.split('\0')].filter((name) => isProfileFileName(basename(name)) && existsSync(name));
  return [...new Set(names.map((name) => displayPath(name)))].sort();
}
