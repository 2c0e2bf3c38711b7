import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from './support.js';

/** git in a folder, with an identity of its own (CI runners have none). */
export function git(folder: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.org', '-c', 'init.defaultBranch=main', ...args], { cwd: folder, encoding: 'utf8' });
}

/** A git repository whose first commit on main holds a copy of the bundled goci-2021 edition. */
export function repositoryWithEdition(made: string[]): string {
  const folder = mkdtempSync(join(tmpdir(), 'ocindex-repo-'));
  made.push(folder);
  cpSync(join(projectRoot, 'content', 'goci-2021'), join(folder, 'content', 'goci-2021'), { recursive: true });
  cpSync(join(projectRoot, 'content', '.dictionary'), join(folder, 'content', '.dictionary'));
  git(folder, 'init', '-q');
  git(folder, 'add', '.');
  git(folder, 'commit', '-qm', 'the edition');
  return folder;
}

export function removeAll(made: string[]): void {
  for (const folder of made.splice(0)) rmSync(folder, { recursive: true, force: true });
}

/** Runs `body` with the working folder set to `folder`, as a user in that repository would. */
export async function inFolder<T>(folder: string, body: () => Promise<T>): Promise<T> {
  const previous = process.cwd();
  process.chdir(folder);
  try {
    return await body();
  } finally {
    process.chdir(previous);
  }
}
